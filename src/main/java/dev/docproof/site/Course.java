package dev.docproof.site;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A course folder as a site: its documents by name, the root document that becomes {@code index.html},
 * the navigation its toctrees make, and the labels and terms cross-references resolve to.
 */
public final class Course {

    static final String HOME = "index.html";
    private static final String DASHBOARD = "verification.html";

    private final Path folder;
    private final Map<String, LessonPage> byDoc = new HashMap<>();
    private final Navigation navigation;
    private final CrossRefs refs = new CrossRefs();
    private final String dashboard;

    Course(Path folder, String root, List<LessonPage> pages) {
        this.folder = folder.toAbsolutePath().normalize();
        List<Navigation.Doc> docs = new ArrayList<>();
        for (LessonPage page : pages) {
            byDoc.put(page.docname(), page);
            Lesson lesson = page.plan().lesson();
            SectionIds ids = SectionIds.of(lesson.nodes());
            refs.add(page.docname(), lesson.nodes(), ids);
            docs.add(new Navigation.Doc(page.docname(), page.title(), lesson.nodes(), ids,
                    SourceText.of(lesson.source()), new SourceSpan(lesson.source(), 1, 1), orphan(lesson)));
        }
        this.navigation = new Navigation(docs, root != null && byDoc.containsKey(root) ? root : null);
        this.dashboard = byDoc.values().stream().anyMatch(p -> p.path().equals(DASHBOARD)) ? "_" + DASHBOARD : DASHBOARD;
    }

    /**
     * Page paths: a document's name with {@code .html} ({@code week1/day2.html}), the root document at
     * {@code index.html}; another document that would take a taken path gets a number.
     */
    static List<String> pagePaths(List<String> docnames, String root) {
        Set<String> taken = new HashSet<>(Set.of(HOME));
        List<String> paths = new ArrayList<>();
        for (String doc : docnames) {
            if (doc.equals(root)) {
                paths.add(HOME);
                continue;
            }
            String path = doc + ".html";
            for (int n = 2; !taken.add(path); n++) {
                path = doc + "-" + n + ".html";
            }
            paths.add(path);
        }
        return paths;
    }

    /** A document marked {@code :orphan:} in the field list at its top: Sphinx does not warn that no toctree has it. */
    static boolean orphan(Lesson lesson) {
        if (lesson.metadata().keySet().stream().anyMatch(k -> k.strip().equalsIgnoreCase("orphan"))) {
            return true; // the reStructuredText reader keeps file-wide fields as metadata
        }
        Node.FieldList fields = fileWideFields(lesson.nodes());
        return fields != null && fields.fields().stream().anyMatch(f -> f.name().strip().equalsIgnoreCase("orphan"));
    }

    /** The field list before anything else of a document: file-wide metadata, never shown. */
    static Node.FieldList fileWideFields(List<Node> nodes) {
        for (Node node : nodes) {
            if (node instanceof Node.Comment || node instanceof Node.Target) {
                continue;
            }
            return node instanceof Node.FieldList f ? f : null;
        }
        return null;
    }

    /**
     * Whether two versions of a document give the course the same navigation: the same title, sections,
     * labels and toctrees. Then only its own page needs rendering again.
     */
    public static boolean sameNavigation(Lesson before, Lesson after) {
        return navigationKey(before.nodes(), new StringBuilder()).toString()
                .equals(navigationKey(after.nodes(), new StringBuilder()).toString())
                && java.util.Objects.equals(before.title(), after.title()) && orphan(before) == orphan(after);
    }

    private static StringBuilder navigationKey(List<? extends Node> nodes, StringBuilder key) {
        for (Node node : nodes) {
            if (node instanceof Node.Section s) {
                key.append("S").append(s.level()).append(s.titleText()).append(s.labels()).append('\n');
            } else if (node instanceof Node.Target t) {
                key.append("T").append(t.name()).append('\n');
            } else if (node instanceof Node.Directive d && (d.name().equals("toctree") || d.name().equals("glossary"))) {
                key.append("D").append(d.options()).append(d.content()).append('\n');
            } else if (node instanceof Node.Image i) {
                key.append("I").append(i.caption()).append('\n');
            }
            navigationKey(node.nested(), key);
        }
        return key;
    }

    public Path folder() {
        return folder;
    }

    /** The root document's name; null when the course has none (the home page is then generated). */
    public String root() {
        return navigation.root();
    }

    Navigation navigation() {
        return navigation;
    }

    CrossRefs refs() {
        return refs;
    }

    LessonPage page(String doc) {
        return byDoc.get(doc);
    }

    String dashboard() {
        return dashboard;
    }

    /** The course's title: its root document's, else its folder's name. */
    String title() {
        String rootDoc = root();
        if (rootDoc != null) {
            return byDoc.get(rootDoc).title();
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? "Course" : name.toString();
    }

    /** A relative link from one page to another document's page. */
    String href(LessonPage from, String doc) {
        LessonPage to = byDoc.get(doc);
        return from.link(to == null ? HOME : to.path());
    }

    /** A source path as pages show it: relative to the course folder. */
    String shown(Path source) {
        Path absolute = source.toAbsolutePath().normalize();
        Path base = folder.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : source.getFileName()).toString().replace('\\', '/');
    }
}
