package dev.docproof.repair;

import java.util.regex.Pattern;

/** Writes a resource name as a shell word: as is when it is plain, in single quotes otherwise. */
final class Quoting {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private Quoting() {}

    static String forShell(String name) {
        return PLAIN.matcher(name).matches() ? name : "'" + name.replace("'", "'\\''") + "'";
    }
}
