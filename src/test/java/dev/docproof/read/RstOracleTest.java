package dev.docproof.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.lesson.Inline;
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
 * titles and levels, admonitions (kind, generic title), literal blocks (language, exact text), lists
 * (kind, numbering, start, item count), tables (title, header and body rows, columns), images and
 * paragraph texts (substitutions filled in, included files read in place) must be the same. docutils runs
 * through the Python interpreter its rst2pseudoxml script names.
 */
class RstOracleTest {

    private static final Path CORPUS = Path.of("src/test/resources/rst/oracle");
    private static final Path DUMP = CORPUS.resolve("dump_docutils.py");
    private static final String INSTALL = "rst2pseudoxml (Debian's python3-docutils) is required for this test:"
            + " apt-get install python3-docutils";

    private static String python;

    /** Fixtures whose paragraphs differ on purpose, and why. */
    private static final java.util.Map<String, String> PARAGRAPHS_NOT_COMPARED = java.util.Map.of(
            "odd-corners.rst", "option lists are read as paragraphs and footnote bodies kept as text, not modelled");

    record Section(int level, String title) {}

    record Admonition(String kind, String title) {}

    record Literal(String language, String text) {}

    record ListShape(String kind, int start, int items) {}

    record TableShape(String title, int header, int body, int columns) {}

    record Reading(List<Section> sections, List<Admonition> admonitions, List<Literal> literals, List<ListShape> lists,
                   List<TableShape> tables, List<String> images, List<String> paragraphs) {}

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
    void readsTheDocumentAsDocutilsDoes(Path fixture) throws Exception {
        Reading expected = docutils(fixture);
        Lesson lesson = new RstReader().read(fixture, Files.readString(fixture));
        Reading actual = ours(lesson);

        assertThat(actual.sections()).as("sections of %s", fixture).isEqualTo(expected.sections());
        assertThat(actual.admonitions()).as("admonitions of %s", fixture).isEqualTo(expected.admonitions());
        assertThat(actual.literals()).as("literal blocks of %s", fixture).isEqualTo(expected.literals());
        assertThat(actual.lists()).as("lists of %s", fixture).isEqualTo(expected.lists());
        assertThat(actual.tables()).as("tables of %s", fixture).isEqualTo(expected.tables());
        assertThat(actual.images()).as("images of %s", fixture).isEqualTo(expected.images());
        assertThat(lesson.diagnostics()).as("diagnostics of %s", fixture)
                .noneMatch(d -> d.severity() == dev.docproof.lesson.Diagnostic.Severity.ERROR);
        if (!PARAGRAPHS_NOT_COMPARED.containsKey(fixture.getFileName().toString())) {
            assertSameParagraphs(fixture, expected.paragraphs(), actual.paragraphs());
        }
    }

    private static void assertSameParagraphs(Path fixture, List<String> expected, List<String> actual) {
        assertThat(actual).as("paragraphs of %s", fixture).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) != null) { // null: docutils could not read it (a Sphinx role)
                assertThat(actual.get(i)).as("paragraph %d of %s", i + 1, fixture).isEqualTo(expected.get(i));
            }
        }
    }

    private static Reading ours(Lesson lesson) {
        List<Section> sections = new ArrayList<>();
        List<Admonition> admonitions = new ArrayList<>();
        List<Literal> literals = new ArrayList<>();
        List<ListShape> lists = new ArrayList<>();
        List<TableShape> tables = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        java.util.Set<Node> captions = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Node node : RstNodes.walk(lesson.nodes())) {
            if (node instanceof Node.Section s) {
                sections.add(new Section(s.level(), s.titleText()));
            } else if (node instanceof Node.Admonition a) {
                admonitions.add(new Admonition(a.kind(),
                        a.kind().equals("admonition") ? InlineText.plain(a.title()) : null));
            } else if (node instanceof Node.CodeBlock c) {
                literals.add(new Literal(c.language(), String.join("\n", c.lines())));
            } else if (node instanceof Node.ListBlock l) {
                lists.add(new ListShape(DOCUTILS_NUMBERING.get(l.numbering()), l.start(), l.items().size()));
            } else if (node instanceof Node.Table t) {
                int columns = java.util.stream.Stream.concat(t.headerRows().stream(), t.bodyRows().stream())
                        .mapToInt(List::size).max().orElse(0);
                tables.add(new TableShape(InlineText.plain(t.title()), t.headerRows().size(), t.bodyRows().size(), columns));
            } else if (node instanceof Node.Image i) {
                images.add(i.uri());
                if (!i.caption().isEmpty() && i.caption().get(0) instanceof Node.Paragraph caption) {
                    captions.add(caption); // docutils' caption, not a paragraph
                }
            } else if (node instanceof Node.Paragraph p && !captions.contains(p)) {
                p.content().stream().filter(Inline.Image.class::isInstance).forEach(i -> images.add(((Inline.Image) i).uri()));
                paragraphs.add(InlineText.plain(p.content()));
            }
        }
        return new Reading(sections, admonitions, literals, lists, tables, images, paragraphs);
    }

    private static final java.util.Map<Node.ListBlock.Numbering, String> DOCUTILS_NUMBERING = java.util.Map.of(
            Node.ListBlock.Numbering.NONE, "bullet", Node.ListBlock.Numbering.ARABIC, "arabic",
            Node.ListBlock.Numbering.LOWER_ALPHA, "loweralpha", Node.ListBlock.Numbering.UPPER_ALPHA, "upperalpha",
            Node.ListBlock.Numbering.LOWER_ROMAN, "lowerroman", Node.ListBlock.Numbering.UPPER_ROMAN, "upperroman");

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
        List<ListShape> lists = new ArrayList<>();
        json.get("lists").forEach(l -> lists.add(new ListShape(l.get("kind").asText(), l.get("start").asInt(),
                l.get("items").asInt())));
        List<TableShape> tables = new ArrayList<>();
        json.get("tables").forEach(t -> tables.add(new TableShape(t.get("title").asText(), t.get("header").asInt(),
                t.get("body").asInt(), t.get("columns").asInt())));
        List<String> images = new ArrayList<>();
        json.get("images").forEach(i -> images.add(i.asText()));
        List<String> paragraphs = new ArrayList<>();
        json.get("paragraphs").forEach(p -> paragraphs.add(p.isNull() ? null : p.asText()));
        return new Reading(sections, admonitions, literals, lists, tables, images, paragraphs);
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
