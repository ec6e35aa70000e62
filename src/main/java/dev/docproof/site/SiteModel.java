package dev.docproof.site;

import dev.docproof.lesson.Plan;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a site shows: its lessons and, when they ran, how the run went.
 *
 * @param ran           false when rendered without an engine: every step is then "not verified"
 * @param engineVersion the Docker engine's version, null when nothing ran
 */
public record SiteModel(List<LessonPage> lessons, boolean ran, String engineVersion, Instant started,
                        Duration duration) {

    public SiteModel {
        lessons = List.copyOf(lessons);
    }

    /** The site of a course run; plans without a lesson result render as not verified. */
    public static SiteModel ofRun(List<Plan> plans, CourseResult course) {
        Map<Path, LessonResult> bySource = course.lessons().stream()
                .collect(Collectors.toMap(r -> r.plan().lesson().source(), Function.identity(), (a, b) -> a));
        List<LessonPage> pages = new ArrayList<>();
        List<String> paths = pagePaths(plans);
        for (int i = 0; i < plans.size(); i++) {
            pages.add(new LessonPage(plans.get(i), bySource.get(plans.get(i).lesson().source()), paths.get(i)));
        }
        return new SiteModel(pages, true, course.engineVersion(), course.started(), course.duration());
    }

    /** The site of lessons rendered without a run. */
    public static SiteModel unverified(List<Plan> plans, Instant rendered) {
        List<String> paths = pagePaths(plans);
        List<LessonPage> pages = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            pages.add(new LessonPage(plans.get(i), null, paths.get(i)));
        }
        return new SiteModel(pages, false, null, rendered, Duration.ZERO);
    }

    /**
     * Page paths mirror the lesson files under their common folder ({@code content/a/b.rst} →
     * {@code a/b.html}), so relative images keep working; the course index owns {@code index.html}.
     */
    static List<String> pagePaths(List<Plan> plans) {
        List<Path> sources = plans.stream().map(p -> p.lesson().source().toAbsolutePath().normalize()).toList();
        Path base = sources.isEmpty() ? null : sources.get(0).getParent();
        for (Path source : sources) {
            while (base != null && !source.startsWith(base)) {
                base = base.getParent();
            }
        }
        List<String> paths = new ArrayList<>();
        Set<String> taken = new HashSet<>(Set.of("index.html"));
        for (Path source : sources) {
            Path relative = base == null ? source.getFileName() : base.relativize(source);
            String stem = relative.toString().replace('\\', '/').replaceFirst("\\.[^./]+$", "");
            String path = stem + ".html";
            for (int n = 2; !taken.add(path); n++) {
                path = stem + "-" + n + ".html";
            }
            paths.add(path);
        }
        return paths;
    }

    /** The same site with one lesson's page replaced (same path), e.g. after its file changed. */
    public SiteModel withPage(LessonPage changed) {
        List<LessonPage> pages = lessons.stream().map(p -> p.path().equals(changed.path()) ? changed : p).toList();
        return new SiteModel(pages, ran, engineVersion, started, duration);
    }

    public LessonPage page(Path source) {
        Path wanted = source.toAbsolutePath().normalize();
        return lessons.stream().filter(p -> p.plan().lesson().source().toAbsolutePath().normalize().equals(wanted))
                .findFirst().orElse(null);
    }
}
