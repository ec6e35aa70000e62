package dev.docproof.docker;

/** A lesson's sandbox did not start; the message says why and that --isolation host runs it here. */
public final class SandboxException extends EngineException {

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
