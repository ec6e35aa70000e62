package dev.docproof.site;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a site shows: a course's lessons, how they hang together, and, when they ran, how the run went.
 *
 * @param ran           false when rendered without an engine: every step is then "not verified"
 * @param engineVersion the Docker engine's version, null when nothing ran
 */
public record SiteModel(List<LessonPage> lessons, boolean ran, String engineVersion, Instant started,
                        Duration duration, Course course) {

    /**
     * Where a course lives: its folder (document names are paths under it) and its root document's name
     * ({@code index} by default; null when there is none).
     */
    public record Layout(Path folder, String root) {

        /** The folder that holds every lesson, and its {@code index} document when there is one. */
        public static Layout of(List<Plan> plans) {
            return of(commonFolder(plans), null, plans);
        }

        /** @param root a document name or a file under {@code folder}; null for {@code index} when present */
        public static Layout of(Path folder, String root, List<Plan> plans) {
            List<String> docs = plans.stream().map(p -> DocNames.of(folder, p.lesson().source())).toList();
            String wanted = root == null ? "index" : DocNames.stripSuffix(root.replace('\\', '/'));
            if (root != null && Files.exists(Path.of(root))) {
                wanted = DocNames.of(folder, Path.of(root));
            }
            return new Layout(folder, docs.contains(wanted) ? wanted : null);
        }

        private static Path commonFolder(List<Plan> plans) {
            List<Path> sources = plans.stream().map(p -> p.lesson().source().toAbsolutePath().normalize()).toList();
            Path base = sources.isEmpty() ? Path.of("").toAbsolutePath() : sources.get(0).getParent();
            for (Path source : sources) {
                while (base != null && !source.startsWith(base)) {
                    base = base.getParent();
                }
            }
            return base == null ? Path.of("").toAbsolutePath() : base;
        }
    }

    public SiteModel {
        lessons = List.copyOf(lessons);
    }

    /** The site of a course run; plans without a lesson result render as not verified. */
    public static SiteModel ofRun(List<Plan> plans, CourseResult course) {
        return ofRun(plans, course, Layout.of(plans));
    }

    public static SiteModel ofRun(List<Plan> plans, CourseResult course, Layout layout) {
        Map<Path, LessonResult> bySource = course.lessons().stream()
                .collect(Collectors.toMap(r -> r.plan().lesson().source(), Function.identity(), (a, b) -> a));
        return new SiteModel(pages(plans, bySource::get, layout), true, course.engineVersion(), course.started(),
                course.duration(), null).withCourse(layout);
    }

    /** The site of lessons rendered without a run. */
    public static SiteModel unverified(List<Plan> plans, Instant rendered) {
        return unverified(plans, rendered, Layout.of(plans));
    }

    public static SiteModel unverified(List<Plan> plans, Instant rendered, Layout layout) {
        return unverified(plans, rendered, layout, plan -> List.of());
    }

    /** The site of lessons rendered without a run, each page showing {@code findings}: those that need no run. */
    public static SiteModel unverified(List<Plan> plans, Instant rendered, Layout layout,
                                       Function<Plan, List<Finding>> findings) {
        List<LessonPage> pages = pages(plans, source -> null, layout).stream()
                .map(p -> new LessonPage(p.plan(), null, p.docname(), p.path(), findings.apply(p.plan()))).toList();
        return new SiteModel(pages, false, null, rendered, Duration.ZERO, null).withCourse(layout);
    }

    private static List<LessonPage> pages(List<Plan> plans, Function<Path, LessonResult> results, Layout layout) {
        List<String> docs = plans.stream().map(p -> DocNames.of(layout.folder(), p.lesson().source())).toList();
        List<String> paths = Course.pagePaths(docs, layout.root());
        List<LessonPage> pages = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            pages.add(new LessonPage(plans.get(i), results.apply(plans.get(i).lesson().source()), docs.get(i), paths.get(i)));
        }
        return pages;
    }

    private SiteModel withCourse(Layout layout) {
        return new SiteModel(lessons, ran, engineVersion, started, duration,
                new Course(layout.folder(), layout.root(), lessons));
    }

    public Layout layout() {
        return new Layout(course.folder(), course.root());
    }

    /** The same site with one lesson's page replaced (same path), e.g. after its file changed. */
    public SiteModel withPage(LessonPage changed) {
        List<LessonPage> pages = lessons.stream().map(p -> p.path().equals(changed.path()) ? changed : p).toList();
        return new SiteModel(pages, ran, engineVersion, started, duration, null).withCourse(layout());
    }

    /** The same site with a lesson added (a new file in the course folder), placed as its name sorts. */
    public SiteModel withNewLesson(Plan plan, LessonResult result) {
        List<Plan> plans = new ArrayList<>(lessons.stream().map(LessonPage::plan).toList());
        plans.add(plan);
        Map<Path, LessonResult> results = new java.util.HashMap<>();
        lessons.stream().filter(p -> p.result() != null).forEach(p -> results.put(p.plan().lesson().source(), p.result()));
        if (result != null) {
            results.put(plan.lesson().source(), result);
        }
        Layout layout = layout();
        return new SiteModel(pages(plans, results::get, layout), ran, engineVersion, started, duration, null)
                .withCourse(layout);
    }

    public LessonPage page(Path source) {
        Path wanted = source.toAbsolutePath().normalize();
        return lessons.stream().filter(p -> p.plan().lesson().source().toAbsolutePath().normalize().equals(wanted))
                .findFirst().orElse(null);
    }
}
