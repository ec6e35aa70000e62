package dev.docproof.read;

import dev.docproof.lesson.Lesson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers never fail, whatever the lesson: mutated lessons (a few thousand per build, fewer for
 * AsciiDoc, whose parser is slow) are read and planned, and every crash ever found is read again from the
 * corpus. A longer run: {@code bench/fuzz-readers.sh}.
 */
class ReaderFuzzTest {

    private static final LessonMutator RST = LessonMutator.forFormat(Lesson.Format.RST);
    private static final LessonMutator MARKDOWN = LessonMutator.forFormat(Lesson.Format.MARKDOWN);
    private static final LessonMutator ASCIIDOC = LessonMutator.forFormat(Lesson.Format.ASCIIDOC);

    @Property(tries = 3000, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
    void theReStructuredTextReaderReadsAnyMutatedLesson(@ForAll("rst") byte[] lesson) {
        assertReads(Lesson.Format.RST, lesson);
    }

    @Property(tries = 500, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
    void theMarkdownReaderReadsAnyMutatedLesson(@ForAll("markdown") byte[] lesson) {
        assertReads(Lesson.Format.MARKDOWN, lesson);
    }

    @Property(tries = 50, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
    void theAsciiDocReaderReadsAnyMutatedLesson(@ForAll("asciidoc") byte[] lesson) {
        assertReads(Lesson.Format.ASCIIDOC, lesson);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCrashFoundSoFarIsReadWithoutFailing(Path input) throws IOException {
        Lesson.Format format = LessonFiles.formatOf(input).orElseThrow();
        assertThat(ReaderCrashes.check(format, Files.readAllBytes(input))).isEmpty();
    }

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(ReaderCrashes.CORPUS)) {
            List<Path> inputs = files.filter(f -> LessonFiles.formatOf(f).isPresent()).sorted().toList();
            assertThat(inputs).as("the corpus of crashing inputs").isNotEmpty();
            return inputs.stream();
        }
    }

    @Provide
    Arbitrary<byte[]> rst() {
        return Arbitraries.randomValue(RST::next);
    }

    @Provide
    Arbitrary<byte[]> markdown() {
        return Arbitraries.randomValue(MARKDOWN::next);
    }

    @Provide
    Arbitrary<byte[]> asciidoc() {
        return Arbitraries.randomValue(ASCIIDOC::next);
    }

    /** A crash is made small and kept under target/fuzz-crashes, so its fix can add it to the corpus. */
    private static void assertReads(Lesson.Format format, byte[] lesson) {
        Optional<String> crash = ReaderCrashes.check(format, lesson);
        if (crash.isPresent()) {
            byte[] small = ReaderCrashes.minimize(format, lesson);
            Path kept = ReaderCrashes.keep(format, small);
            throw new AssertionError("the " + format + " reader crashed: " + ReaderCrashes.check(format, small)
                    .orElse(crash.get()) + "; input kept in " + kept + " (fix the reader, then move the file to "
                    + ReaderCrashes.CORPUS + ")");
        }
    }
}
