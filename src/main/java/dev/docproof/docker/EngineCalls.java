package dev.docproof.docker;

import java.net.SocketTimeoutException;

/** How a failed engine call is told: which engine, what was asked, and whether it answered at all. */
final class EngineCalls {

    private EngineCalls() {}

    /** The error for a call {@code what} (e.g. "a list of its resources") that failed with {@code cause}. */
    static EngineException failed(String engine, String what, Throwable cause) {
        return new EngineException(message(engine, what, cause), cause);
    }

    static String message(String engine, Throwable cause) {
        return message(engine, "a request", cause);
    }

    private static String message(String engine, String what, Throwable cause) {
        if (timedOut(cause)) {
            return "the Docker engine at " + engine + " did not answer " + what + " within its deadline: it is hung,"
                    + " stopped or overloaded. Check it (`docker info`), restart it if it stays silent, and run again.";
        }
        return "the Docker engine at " + engine + " did not answer " + what + ": " + Engine.rootMessage(cause)
                + ". Check that it runs (`docker info`).";
    }

    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
