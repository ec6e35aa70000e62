package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.SourceSpan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a Sphinx project leaves out ({@code exclude_patterns} in its {@code conf.py}): fragments that pages
 * include, drafts, build output. Sphinx makes no page of them, so they are no lessons either. The patterns are
 * read as plain string literals, never run, and matched as Sphinx matches them: against the path under the
 * project's folder, {@code *} within one folder name, {@code **} across folders, a folder's pattern leaving out
 * everything under it.
 */
final class SphinxExcludes {

    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^exclude_patterns[ \\t]*=[ \\t]*");

    private final Path root;
    private final List<Pattern> patterns;

    private SphinxExcludes(Path root, List<Pattern> patterns) {
        this.root = root;
        this.patterns = patterns;
    }

    /** The patterns of {@code root/conf.py}; none, with a warning in {@code diagnostics}, when they are not plain. */
    static SphinxExcludes of(Path root, List<Diagnostic> diagnostics) {
        Path conf = root.resolve("conf.py");
        String text;
        try {
            text = Files.readString(conf, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new SphinxExcludes(root, List.of());
        }
        List<Pattern> patterns = new ArrayList<>();
        Matcher m = ASSIGNMENT.matcher(text);
        while (m.find()) {
            List<String> values = SphinxConf.stringList(text, m.end());
            if (values == null) {
                diagnostics.add(Diagnostic.warning(new SourceSpan(conf, SphinxConf.lineOf(text, m.start()), 1),
                        "exclude_patterns is not a list of plain strings; docproof reads conf.py without running it,"
                                + " so it leaves out no file (write the patterns as a list of strings)"));
                return new SphinxExcludes(root, List.of());
            }
            patterns.clear(); // a later assignment replaces an earlier one
            values.forEach(v -> patterns.add(compile(v)));
        }
        return new SphinxExcludes(root, List.copyOf(patterns));
    }

    /** Whether Sphinx leaves {@code file} (under the project's folder) out: it, or a folder holding it, matches. */
    boolean excludes(Path file) {
        if (patterns.isEmpty()) {
            return false;
        }
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        StringBuilder path = new StringBuilder();
        for (Path part : relative) {
            path.append(path.isEmpty() ? "" : "/").append(part);
            for (Pattern pattern : patterns) {
                if (pattern.matcher(path).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Sphinx's glob ({@code sphinx.util.matching}): {@code **}, {@code *}, {@code ?} and {@code [...]}. */
    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == '*') {
                if (i < glob.length() && glob.charAt(i) == '*') {
                    i++;
                    regex.append(".*");
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[' && classEnd(glob, i) < glob.length()) {
                int end = classEnd(glob, i);
                boolean negated = glob.charAt(i) == '!';
                regex.append(negated ? "[^/" : "[");
                for (char member : glob.substring(negated ? i + 1 : i, end).toCharArray()) {
                    regex.append(member == '-' || Character.isLetterOrDigit(member) ? "" : "\\").append(member);
                }
                regex.append(']');
                i = end + 1;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Where the character class opened before {@code from} closes (a ']' first in it is a member), or the length. */
    private static int classEnd(String glob, int from) {
        int j = from;
        if (j < glob.length() && glob.charAt(j) == '!') {
            j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
            j++;
        }
        while (j < glob.length() && glob.charAt(j) != ']') {
            j++;
        }
        return j;
    }
}
