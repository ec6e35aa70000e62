package dev.docproof.docker;

/** The engine or its images are not ready; the message says what is wrong and what to do. */
public class EngineException extends Exception {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
