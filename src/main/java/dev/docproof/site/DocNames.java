package dev.docproof.site;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Document names as Sphinx writes them: a source's path under the course folder, '/'-separated and
 * without its extension ({@code week1/day2} for {@code week1/day2.rst}).
 */
final class DocNames {

    private DocNames() {}

    static String of(Path folder, Path source) {
        Path relative = folder.toAbsolutePath().normalize().relativize(source.toAbsolutePath().normalize());
        return stripSuffix(relative.toString().replace('\\', '/'));
    }

    static String stripSuffix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".rst", ".md", ".markdown", ".adoc", ".asciidoc", ".txt"}) {
            if (lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** A reference written in {@code from}: relative to its folder, or to the course folder when it starts with '/'. */
    static String join(String from, String reference) {
        String base = reference.startsWith("/") ? "" : parent(from);
        return normalize(base.isEmpty() ? reference : base + "/" + reference);
    }

    /** The folder of a document name, "" at the top. */
    static String parent(String docname) {
        int slash = docname.lastIndexOf('/');
        return slash < 0 ? "" : docname.substring(0, slash);
    }

    /** '.' and '..' resolved, no leading or doubled '/'; a path above the top keeps its leading "..". */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
