package dev.docproof.site;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Node;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code toctree} directive as Sphinx reads it: its entries resolved to document names (relative
 * entries against the directive's own document, {@code :glob:} patterns expanded over the course's
 * documents) and its options.
 *
 * @param doc      the document that holds the directive
 * @param maxdepth levels shown in the page body; -1 for all
 * @param numbered section-number depth; 0 when not numbered
 */
record Toctree(String doc, Node.Directive directive, String caption, int maxdepth, boolean hidden,
               boolean titlesOnly, boolean includeHidden, int numbered, List<Entry> entries) {

    /**
     * One entry: a document ({@code docname} set), {@code self}, or an external link ({@code url} set);
     * {@code title} is the explicit title, null when none was given.
     */
    record Entry(String title, String docname, String url, boolean self) {}

    private static final Pattern EXPLICIT = Pattern.compile("^(.+?)\\s*<([^<>]+)>$");
    private static final Pattern URL = Pattern.compile("^(?:[a-z][a-z0-9+.-]*://|mailto:)", Pattern.CASE_INSENSITIVE);

    Toctree {
        entries = List.copyOf(entries);
    }

    /**
     * Reads a toctree directive of {@code doc}; entries naming no document are dropped with a warning
     * (as Sphinx does), positioned on the entry's own line when the source shows it.
     */
    static Toctree read(String doc, Node.Directive directive, Collection<String> docnames, SourceText source,
                        Consumer<Diagnostic> warnings) {
        var options = directive.options();
        boolean glob = options.containsKey("glob");
        List<Entry> entries = new ArrayList<>();
        Set<String> all = new TreeSet<>(docnames);
        all.remove(doc);
        for (String raw : directive.content()) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String title = null;
            String ref = line;
            Matcher explicit = EXPLICIT.matcher(line);
            if (explicit.matches()) {
                title = explicit.group(1);
                ref = explicit.group(2).strip();
            }
            if (URL.matcher(ref).find()) {
                entries.add(new Entry(title, null, ref, false));
            } else if (ref.equals("self")) {
                entries.add(new Entry(title, null, null, true));
            } else if (glob && title == null && ref.matches(".*[*?\\[].*")) {
                List<String> matched = globbed(DocNames.join(doc, ref), all);
                if (matched.isEmpty()) {
                    warnings.accept(Diagnostic.warning(source.locate(directive.span(), line),
                            "toctree glob pattern '" + ref + "' didn't match any documents"));
                }
                for (String name : matched) {
                    all.remove(name); // a document matched once is not included again
                    entries.add(new Entry(null, name, null, false));
                }
            } else {
                String name = DocNames.join(doc, DocNames.stripSuffix(ref));
                if (docnames.contains(name)) {
                    entries.add(new Entry(title, name, null, false));
                    all.remove(name);
                } else {
                    warnings.accept(Diagnostic.warning(source.locate(directive.span(), line),
                            "toctree contains reference to nonexisting document '" + name + "'"));
                }
            }
        }
        if (options.containsKey("reversed")) {
            Collections.reverse(entries);
        }
        String caption = options.get("caption");
        return new Toctree(doc, directive, caption == null || caption.isBlank() ? null : caption.strip(),
                number(options.get("maxdepth"), -1), options.containsKey("hidden"), options.containsKey("titlesonly"),
                options.containsKey("includehidden"),
                options.containsKey("numbered") ? number(options.get("numbered"), 999) : 0, entries);
    }

    private static List<String> globbed(String pattern, Set<String> docnames) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return docnames.stream().filter(d -> matcher.matches(Path.of(d))).sorted().toList();
    }

    private static int number(String value, int none) {
        if (value == null || value.isBlank()) {
            return none;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return none;
        }
    }

    /** The documents this toctree includes, in order. */
    List<String> docnames() {
        return entries.stream().filter(e -> e.docname() != null).map(Entry::docname).toList();
    }
}
