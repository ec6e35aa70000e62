package dev.docproof.report;

import dev.docproof.lesson.Plan;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Shard;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The results of the shards of one course, as one run: every shard of the split present once, every lesson of
 * the course run by exactly one of them. The course is what one unsharded run would have reported: its
 * lessons in the course's order, the engine the shards ran on, and the time from the first shard's start to
 * the last one's end.
 */
public final class ShardMerge {

    private ShardMerge() {}

    /**
     * @param course the course's lessons as read now, in the order a run reports them
     * @param files  the shards' results, read on those lessons
     * @throws ResultsException naming every shard missing or given twice and every lesson run twice or never
     */
    public static CourseResult merge(List<Plan> course, List<JsonResults.Read> files) throws ResultsException {
        shardsComplete(course, files);
        Map<Path, JsonResults.Read> ranBy = new LinkedHashMap<>();
        Map<Path, LessonResult> results = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonResults.Read file : files) {
            for (LessonResult lesson : file.lessons()) {
                Path source = lesson.plan().lesson().source();
                JsonResults.Read before = ranBy.putIfAbsent(source, file);
                if (before == file) {
                    problems.add(source + ": given twice in " + file.describe() + ": a run reports each lesson once,"
                            + " so the file was edited or joined from two runs: give the results as docproof wrote them");
                } else if (before != null) {
                    problems.add(source + ": run by two shards: " + before.describe() + " and " + file.describe()
                            + ": merge the results of one split of the course");
                }
                results.putIfAbsent(source, lesson);
            }
        }
        for (Plan plan : course) {
            if (!results.containsKey(plan.lesson().source())) {
                problems.add(plan.lesson().source() + ": no shard ran this lesson" + owner(plan, course, files)
                        + ": run the shards and the merge over the same lesson PATHs, on the same commit");
            }
        }
        if (!problems.isEmpty()) {
            throw new ResultsException(problems);
        }
        List<LessonResult> lessons = course.stream().map(p -> results.get(p.lesson().source())).toList();
        return new CourseResult(lessons, engineVersion(files), started(files), duration(files));
    }

    /** Every shard 1..N of one N, each once; a missing one named with the lessons the split gives it. */
    private static void shardsComplete(List<Plan> course, List<JsonResults.Read> files) throws ResultsException {
        if (files.isEmpty()) {
            throw new ResultsException("no results to merge: name the files `docproof check --shard K/N --json FILE`"
                    + " wrote, after --results");
        }
        Map<Integer, List<JsonResults.Read>> byCount = files.stream()
                .collect(Collectors.groupingBy(f -> count(f), TreeMap::new, Collectors.toList()));
        if (byCount.size() > 1) {
            throw new ResultsException("the results come from different splits of the course: " + files.stream()
                    .map(JsonResults.Read::describe).collect(Collectors.joining(", "))
                    + ": merge the shards of one run, all run with the same N in --shard K/N");
        }
        int count = byCount.keySet().iterator().next();
        Map<Integer, List<JsonResults.Read>> byIndex = files.stream()
                .collect(Collectors.groupingBy(f -> f.shard() == null ? 1 : f.shard().index()));
        List<String> problems = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            List<JsonResults.Read> given = byIndex.getOrDefault(k, List.of());
            if (given.isEmpty()) {
                problems.add("shard " + k + "/" + count + " is missing" + unverified(new Shard(k, count).select(course))
                        + ": give the results of every shard (the file `docproof check --shard " + k + "/" + count
                        + " --json FILE` wrote)");
            } else if (given.size() > 1) {
                problems.add("shard " + k + "/" + count + " is given more than once: " + given.stream()
                        .map(f -> String.valueOf(f.file())).collect(Collectors.joining(", ")) + ": give each shard's results once");
            }
        }
        if (!problems.isEmpty()) {
            throw new ResultsException(problems);
        }
    }

    /** {@code , so 2 lessons have no results: a.rst, b.rst}: the lessons a missing shard's results would hold. */
    private static String unverified(List<Plan> lessons) {
        if (lessons.isEmpty()) {
            return "";
        }
        return ", so " + lessons.size() + (lessons.size() == 1 ? " lesson has" : " lessons have") + " no results: "
                + lessons.stream().map(p -> String.valueOf(p.lesson().source())).collect(Collectors.joining(", "));
    }

    private static int count(JsonResults.Read file) {
        return file.shard() == null ? 1 : file.shard().count();
    }

    /** Which shard the split gives a lesson no shard ran, to tell the shards read other lessons than the merge. */
    private static String owner(Plan plan, List<Plan> course, List<JsonResults.Read> files) {
        int count = count(files.get(0));
        for (int k = 1; k <= count; k++) {
            if (new Shard(k, count).select(course).contains(plan)) {
                int index = k;
                return files.stream().filter(f -> f.shard() == null ? index == 1 : f.shard().index() == index)
                        .findFirst().map(f -> " (the split of these " + course.size() + " lessons gives it to shard "
                                + index + "/" + count + ", and " + f.file() + " does not hold it: the shards read"
                                + " other lessons than the merge)").orElse("");
            }
        }
        return "";
    }

    /** The engine the shards ran on; each distinct version, when they ran on several. */
    private static String engineVersion(List<JsonResults.Read> files) {
        List<String> versions = files.stream().map(JsonResults.Read::engineVersion).filter(Objects::nonNull)
                .distinct().toList();
        return versions.isEmpty() ? null : String.join(" and ", versions);
    }

    private static Instant started(List<JsonResults.Read> files) {
        return files.stream().map(JsonResults.Read::started).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
    }

    /** From the first shard's start to the last one's end: the wall time the course took on its runners. */
    private static Duration duration(List<JsonResults.Read> files) {
        Instant first = started(files);
        Instant last = files.stream().filter(f -> f.started() != null)
                .map(f -> f.started().plus(f.duration() == null ? Duration.ZERO : f.duration()))
                .max(Instant::compareTo).orElse(null);
        return first == null ? files.stream().map(f -> f.duration() == null ? Duration.ZERO : f.duration())
                .reduce(Duration.ZERO, Duration::plus) : Duration.between(first, last);
    }
}
