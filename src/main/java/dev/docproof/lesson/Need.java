package dev.docproof.lesson;

/**
 * Something from outside the session a step needs to run: a registry to pull from, the internet, or a program.
 *
 * @param what the image, host or program concerned; null when the need was marked without one
 */
public record Need(Kind kind, String what) {

    public enum Kind {
        REGISTRY, INTERNET, PROGRAM;

        public String jsonName() {
            return name().toLowerCase();
        }
    }

    /** {@code registry}, {@code internet: github.com}, {@code program: brew}. */
    @Override
    public String toString() {
        return kind.jsonName() + (what == null ? "" : ": " + what);
    }
}
