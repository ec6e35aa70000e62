package dev.docproof.docker;

/**
 * The engine's TLS settings and the engine disagree, or the settings' files are missing: the message is the problem
 * on its first line and what to set or fix on the next, which {@link #fix()} gives alone.
 */
public final class EngineTlsException extends EngineException {

    EngineTlsException(String message) {
        super(message);
    }

    EngineTlsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What to do: the message after its first line. */
    public String fix() {
        String message = getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? "" : message.substring(end + 1).strip();
    }
}
