package dev.docproof.site;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one page links to, resolved against its course: section ids and numbers, named targets,
 * cross-references, toctrees, images and downloads (which are recorded for copying into the site).
 * Whatever cannot be resolved becomes a {@code file:line:column} warning; the page then shows the text
 * unlinked.
 */
final class PageLinks {

    /** A resolved reference: {@code href} null when it could not be resolved; {@code code} shows it as code. */
    record Resolved(String href, String text, boolean code) {}

    private final SiteModel site;
    private final Course course;
    private final LessonPage page;
    private final SectionIds ids;
    private final Map<String, String> urls = new HashMap<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Map<Path, String> copies = new LinkedHashMap<>();
    private SourceText source;
    /** Where each block's text was last located, so that text written twice is found at its second place next. */
    private final Map<String, SourceSpan> located = new HashMap<>();

    PageLinks(SiteModel site, LessonPage page) {
        this.site = site;
        this.course = site.course();
        this.page = page;
        this.ids = SectionIds.of(page.plan().lesson().nodes());
        collectUrls(page.plan().lesson().nodes());
    }

    LessonPage page() {
        return page;
    }

    SiteModel site() {
        return site;
    }

    List<Diagnostic> warnings() {
        return warnings;
    }

    /** Files to copy into the site: source → path under the site root. */
    Map<Path, String> copies() {
        return copies;
    }

    String sectionId(Node.Section section) {
        return ids.id(section);
    }

    /** The id of a labelled section's own title, or null. */
    String titleId(Node.Section section) {
        return ids.titleId(section);
    }

    /** "1.2. " when the section is numbered by a {@code :numbered:} toctree, else "". */
    String sectionNumber(Node.Section section, boolean first) {
        return Navigation.numberText(course.navigation().number(page.docname(), first ? "" : "#" + ids.id(section)));
    }

    /** The labels of the pages Sphinx generates, with the titles it gives their links. */
    private static final Map<String, String> SPHINX_PAGES = Map.of("genindex", "Index", "modindex", "Module Index",
            "search", "Search Page");

    /** A {@code `name`_} reference: a link target of the page, else a label anywhere in the course. */
    String named(String refName) {
        String url = urls.get(CrossRefs.key(refName));
        if (url != null) {
            return url;
        }
        CrossRefs.Target label = course.refs().label(refName);
        return label == null ? null : href(label);
    }

    Resolved crossRef(Inline.CrossRef x, SourceSpan block) {
        String role = x.role();
        Resolved resolved = switch (role) {
            case "doc" -> doc(x);
            case "download" -> download(x, block);
            case "term" -> target(course.refs().term(x.target()), x, false);
            default -> target(course.refs().label(x.target()), x, false);
        };
        if (resolved != null) {
            return resolved;
        }
        String builtIn = role.equals("ref") ? SPHINX_PAGES.get(x.target()) : null;
        if (builtIn != null) {
            // Sphinx makes these pages itself; this site has none of them (its search is in every page's header)
            return new Resolved(null, x.title() != null ? x.title() : builtIn, false);
        }
        String what = switch (role) {
            case "doc" -> "unknown document: '" + DocNames.join(page.docname(), DocNames.stripSuffix(x.target())) + "'";
            case "download" -> "download file not readable: " + x.target();
            case "term" -> "term not in glossary: '" + x.target() + "'";
            default -> course.refs().label(x.target()) != null
                    ? "the label '" + x.target() + "' names no section, figure or captioned code: give the link a title"
                    + " (:" + role + ":`text <" + x.target() + ">`)"
                    : "undefined label: '" + x.target() + "'";
        };
        warn(locate(block, x.target()), what);
        return new Resolved(null, x.shownText(), role.equals("download"));
    }

    private Resolved doc(Inline.CrossRef x) {
        String doc = DocNames.join(page.docname(), DocNames.stripSuffix(x.target()));
        if (course.page(doc) == null) {
            return null;
        }
        return new Resolved(course.href(page, doc), x.title() != null ? x.title() : course.navigation().title(doc), false);
    }

    private Resolved target(CrossRefs.Target target, Inline.CrossRef x, boolean code) {
        if (target == null || (target.title() == null && x.title() == null)) {
            return null;
        }
        return new Resolved(href(target), x.title() != null ? x.title() : target.title(), code);
    }

    private String href(CrossRefs.Target target) {
        return target.doc().equals(page.docname()) ? target.anchor() : course.href(page, target.doc()) + target.anchor();
    }

    private Resolved download(Inline.CrossRef x, SourceSpan block) {
        String relative = fileUnderCourse(x.target());
        if (relative == null) {
            return null;
        }
        String out = "_downloads/" + relative;
        copies.put(course.folder().resolve(relative), out);
        return new Resolved(page.link(out), x.shownText(), true);
    }

    /**
     * An image's URL relative to the page; the file is copied to the same place under the site root. A
     * missing file is warned about and the URL kept, as Sphinx does.
     */
    String image(String uri, SourceSpan span) {
        String relative = fileUnderCourse(uri);
        if (relative == null) {
            warn(span, "image file not readable: " + uri + " (looked for "
                    + course.folder().resolve(DocNames.join(page.docname(), uri)) + ")");
            String fallback = DocNames.join(page.docname(), uri);
            return page.link(fallback);
        }
        copies.put(course.folder().resolve(relative), relative);
        return page.link(relative);
    }

    /** A file named from this page, as a path under the course folder; null when it is missing or outside. */
    private String fileUnderCourse(String reference) {
        String relative = DocNames.join(page.docname(), reference.strip());
        if (relative.isEmpty() || relative.startsWith("..")) {
            return null;
        }
        Path file = course.folder().resolve(relative).normalize();
        return file.startsWith(course.folder().toAbsolutePath().normalize()) && Files.isRegularFile(file) ? relative : null;
    }

    /** The HTML of a toctree directive as Sphinx draws it; null when the directive is not a toctree. */
    String toctree(Node.Directive directive) {
        Toctree tree = course.navigation().toctree(directive);
        return tree == null ? null : new TocHtml(course, page).body(tree);
    }

    void warn(SourceSpan where, String message) {
        warnings.add(Diagnostic.warning(where, message));
    }

    private SourceSpan locate(SourceSpan block, String needle) {
        if (source == null) {
            source = SourceText.of(page.plan().lesson().source());
        }
        String key = block + "\n" + needle;
        SourceSpan found = source.locateAfter(block, needle, located.get(key));
        located.put(key, found);
        return found;
    }

    private void collectUrls(List<? extends Node> nodes) {
        for (Node node : nodes) {
            if (node instanceof Node.Target t && t.url() != null) {
                urls.put(CrossRefs.key(t.name()), t.url());
            }
            collectUrls(node.nested());
        }
    }
}
