package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docproof.docker.Engine;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.docproof.cli.MergeCommandTest.docproof;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small course (a passed, failed, repaired, skipped, template step and a leak among its lessons) run once
 * whole and once in two shards on the real engine: {@code docproof merge} of the shards' results reports what
 * the whole run reported.
 */
class MergeEngineTest {

    private static final String COURSE = "src/test/resources/merge";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP_VERDICT = Pattern.compile("<div id=\"L(\\d+)\" class=\"exampleblock step ([a-z-]+)\"");

    @Test
    void mergedShardsReportWhatOneRunOfTheWholeCourseReports(@TempDir Path dir) throws Exception {
        Engine engine = TestEngine.ready();
        MergeCommandTest.Run whole = docproof("site", "--isolation", "host", "--json", dir.resolve("whole.json").toString(),
                "--junit", dir.resolve("whole-junit").toString(), "--out", dir.resolve("whole-site").toString(), COURSE);
        MergeCommandTest.Run first = docproof("check", "--isolation", "host", "--shard", "1/2", "--json",
                dir.resolve("shards/1.json").toString(), COURSE);
        MergeCommandTest.Run second = docproof("check", "--isolation", "host", "--shard", "2/2", "--json",
                dir.resolve("shards/2.json").toString(), COURSE);

        MergeCommandTest.Run merged = docproof("merge", COURSE, "--results", dir.resolve("shards").toString(), "--json",
                dir.resolve("merged.json").toString(), "--junit", dir.resolve("merged-junit").toString(), "--site",
                "--out", dir.resolve("merged-site").toString());

        assertThat(whole.code()).as(whole.out() + whole.err()).isEqualTo(Main.FAILURES);
        assertThat(first.code() + second.code()).as("one shard holds the failing lesson").isEqualTo(Main.FAILURES);
        assertThat(merged.code()).as(merged.out() + merged.err()).isEqualTo(whole.code());
        assertThat(merged.err()).isEmpty();

        // The console: the same lines, the engine's set-up lines and the times aside.
        assertThat(timeless(lessonLines(merged.out()))).isEqualTo(timeless(lessonLines(whole.out())));
        assertThat(merged.out()).contains("course: 10 runnable: 4 passed, 2 ran, 1 repaired, 2 failed, 1 skipped;"
                + " 1 not run; 1 leak; ");

        // The JSON: the same, times and the engine's ids of what the lesson made aside; each lesson exactly as its shard wrote it.
        JsonNode mergedJson = JSON.readTree(dir.resolve("merged.json").toFile());
        assertThat(withoutTimesAndIds(mergedJson)).isEqualTo(withoutTimesAndIds(JSON.readTree(dir.resolve("whole.json").toFile())));
        Map<String, JsonNode> shardLessons = new LinkedHashMap<>();
        for (String shard : List.of("1.json", "2.json")) {
            JSON.readTree(dir.resolve("shards").resolve(shard).toFile()).get("lessons")
                    .forEach(l -> shardLessons.put(l.get("source").asText(), l));
        }
        assertThat(shardLessons).hasSize(3);
        mergedJson.get("lessons").forEach(l -> assertThat(l).isEqualTo(shardLessons.get(l.get("source").asText())));
        assertThat(mergedJson.get("shard").isNull()).isTrue();

        // JUnit: the same files with the same content, times aside.
        assertThat(junit(dir.resolve("merged-junit"))).isEqualTo(junit(dir.resolve("whole-junit"))).hasSize(3);

        // The site: every page, every step with the same verdict.
        Map<String, List<String>> verdicts = verdicts(dir.resolve("merged-site"));
        assertThat(verdicts).isEqualTo(verdicts(dir.resolve("whole-site")));
        assertThat(verdicts.values().stream().flatMap(List::stream).map(v -> v.replaceAll("^\\d+ ", "")))
                .contains("passed", "ran", "failed", "repaired", "skipped", "illustrative");
        assertThat(merged.out()).contains("Site written to " + dir.resolve("merged-site").resolve("index.html"));

        // Nothing the lessons made is left on the engine.
        assertThat(engine.client().listNetworksCmd().exec()).noneMatch(n -> n.getName().startsWith("docproof-merge-"));
    }

    @Test
    void aShardTheSplitGivesNoLessonStillWritesItsResults(@TempDir Path dir) throws Exception {
        TestEngine.ready();
        Path json = dir.resolve("results/shard-4.json");

        MergeCommandTest.Run empty = docproof("check", "--isolation", "host", "--shard", "4/4", "--json", json.toString(),
                COURSE);

        assertThat(empty.code()).as(empty.err()).isEqualTo(Main.OK);
        assertThat(empty.err()).contains("shard 4/4 holds none of the 3 lessons; nothing to run");
        JsonNode results = JSON.readTree(json.toFile());
        assertThat(results.get("format").asText()).isEqualTo("docproof-results");
        assertThat(results.get("shard")).isEqualTo(JSON.readTree("{\"index\": 4, \"count\": 4}"));
        assertThat(results.get("lessons")).isEmpty();
    }

    /** The console lines from the first lesson's on, without the site's last line. */
    private static List<String> lessonLines(String out) {
        List<String> lines = out.lines().dropWhile(l -> !l.startsWith(COURSE)).filter(l -> !l.startsWith("Site written"))
                .toList();
        assertThat(lines).isNotEmpty();
        return lines;
    }

    private static List<String> timeless(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\d+(\\.\\d+)? ?(ms|s)\\b", "<time>")).toList();
    }

    private static JsonNode withoutTimesAndIds(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("started", "durationMs", "duration", "id"));
            object.forEach(MergeEngineTest::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(MergeEngineTest::strip);
        }
    }

    private static Map<String, String> junit(Path folder) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> xml = Files.list(folder)) {
            for (Path file : xml.sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file)
                        .replaceAll(" (time|timestamp)=\"[^\"]*\"", ""));
            }
        }
        return files;
    }

    /** Each lesson page's steps as {@code line verdict}, in page order. */
    private static Map<String, List<String>> verdicts(Path site) throws IOException {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        try (Stream<Path> html = Files.walk(site)) {
            for (Path page : html.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                List<String> steps = new ArrayList<>();
                Matcher m = STEP_VERDICT.matcher(Files.readString(page));
                while (m.find()) {
                    steps.add(m.group(1) + " " + m.group(2));
                }
                if (!steps.isEmpty()) {
                    pages.put(site.relativize(page).toString(), steps);
                }
            }
        }
        assertThat(pages).hasSize(3);
        return pages;
    }
}
