package dev.docproof.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Compares our reader with docutils, the reference implementation, on a corpus of fixtures: section
 * titles and levels, admonitions (kind, generic title) and literal blocks (language, exact text) must
 * be the same. docutils runs through the Python interpreter its rst2pseudoxml script names.
 */
class RstOracleTest {

    private static final Path CORPUS = Path.of("src/test/resources/rst/oracle");
    private static final Path DUMP = CORPUS.resolve("dump_docutils.py");
    private static final String INSTALL = "rst2pseudoxml (Debian's python3-docutils) is required for this test:"
            + " apt-get install python3-docutils";

    private static String python;

    record Section(int level, String title) {}

    record Admonition(String kind, String title) {}

    record Literal(String language, String text) {}

    record Reading(List<Section> sections, List<Admonition> admonitions, List<Literal> literals) {}

    @BeforeAll
    static void findDocutils() throws Exception {
        Path script = onPath("rst2pseudoxml");
        if (script == null) {
            fail(INSTALL);
        }
        // run the reference tool once, so a broken installation fails here with the install hint
        ProcessResult version = new ProcessExecutor(script.toString(), "--version").readOutput(true)
                .timeout(60, TimeUnit.SECONDS).execute();
        if (version.getExitValue() != 0) {
            fail(INSTALL + "\n" + version.outputUTF8());
        }
        String firstLine = Files.readAllLines(script).get(0);
        python = firstLine.startsWith("#!") ? firstLine.substring(2).strip() : "python3";
        if (python.startsWith("/usr/bin/env ")) {
            python = python.substring("/usr/bin/env ".length()).strip();
        }
    }

    @org.junit.jupiter.api.io.TempDir
    static Path generated;

    /** The corpus fixtures, the real lesson, and pages made by the benchmark's generator. */
    static Stream<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(CORPUS)) {
            listing.filter(p -> p.toString().endsWith(".rst")).sorted().forEach(files::add);
        }
        files.add(Path.of("content/docker-networking.rst"));
        List<String> pages = dev.docproof.bench.RstReadThroughput.generatedPages(8, 11);
        for (int i = 0; i < pages.size(); i++) {
            Path page = generated.resolve("generated-" + i + ".rst");
            Files.writeString(page, pages.get(i));
            files.add(page);
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsTitlesAdmonitionsAndLiteralBlocksAsDocutilsDoes(Path fixture) throws Exception {
        Reading expected = docutils(fixture);
        Lesson lesson = new RstReader().read(fixture, Files.readString(fixture));
        Reading actual = ours(lesson);

        assertThat(actual.sections()).as("sections of %s", fixture).isEqualTo(expected.sections());
        assertThat(actual.admonitions()).as("admonitions of %s", fixture).isEqualTo(expected.admonitions());
        assertThat(actual.literals()).as("literal blocks of %s", fixture).isEqualTo(expected.literals());
        assertThat(lesson.diagnostics()).as("diagnostics of %s", fixture)
                .noneMatch(d -> d.severity() == dev.docproof.lesson.Diagnostic.Severity.ERROR);
    }

    private static Reading ours(Lesson lesson) {
        List<Section> sections = new ArrayList<>();
        List<Admonition> admonitions = new ArrayList<>();
        List<Literal> literals = new ArrayList<>();
        for (Node node : RstNodes.walk(lesson.nodes())) {
            if (node instanceof Node.Section s) {
                sections.add(new Section(s.level(), s.titleText()));
            } else if (node instanceof Node.Admonition a) {
                admonitions.add(new Admonition(a.kind(),
                        a.kind().equals("admonition") ? InlineText.plain(a.title()) : null));
            } else if (node instanceof Node.CodeBlock c) {
                literals.add(new Literal(c.language(), String.join("\n", c.lines())));
            }
        }
        return new Reading(sections, admonitions, literals);
    }

    private static Reading docutils(Path fixture) throws Exception {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ProcessResult result = new ProcessExecutor(python, DUMP.toString(), fixture.toString())
                .readOutput(true).redirectError(stderr).timeout(60, TimeUnit.SECONDS).execute();
        if (result.getExitValue() != 0) {
            fail("docutils could not read " + fixture + " (" + INSTALL + "):\n" + stderr.toString(StandardCharsets.UTF_8));
        }
        JsonNode json = new ObjectMapper().readTree(result.outputUTF8());
        List<Section> sections = new ArrayList<>();
        json.get("sections").forEach(s -> sections.add(new Section(s.get("level").asInt(), s.get("title").asText())));
        List<Admonition> admonitions = new ArrayList<>();
        json.get("admonitions").forEach(a -> admonitions.add(new Admonition(a.get("kind").asText(),
                a.get("title").isNull() ? null : a.get("title").asText())));
        List<Literal> literals = new ArrayList<>();
        json.get("literals").forEach(l -> literals.add(new Literal(
                l.get("language").isNull() ? null : l.get("language").asText(), l.get("text").asText())));
        return new Reading(sections, admonitions, literals);
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
