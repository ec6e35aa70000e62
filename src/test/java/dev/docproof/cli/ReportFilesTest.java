package dev.docproof.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void aReportStoppedWhileWritingLeavesThePreviousOneWholeAndNoPartOfItself() throws IOException {
        Path report = Files.writeString(dir.resolve("results.json"), "{\"previous\": true}\n");

        assertThatThrownBy(() -> ReportFiles.writeWhole(report, w -> {
            w.write("{\"lessons\": [");
            w.flush();
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");

        assertThat(report).hasContent("{\"previous\": true}");
        assertThat(files()).containsExactly(report);
    }

    @Test
    void aReportWrittenAgainIsReplacedWholeAndKeepsItsMode() throws IOException {
        Path report = Files.writeString(dir.resolve("results.json"), "{\"previous\": true, \"longer\": \"than the next\"}\n");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r-----"));

        ReportFiles.writeWhole(report, w -> w.write("{}\n"));

        assertThat(report).hasContent("{}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-r-----");
        assertThat(files()).containsExactly(report);
    }

    @Test
    void aSymlinkedReportIsWrittenWhereItPointsAndStaysALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("artifacts")).resolve("results.json");
        Path link = Files.createSymbolicLink(dir.resolve("results.json"), real);

        ReportFiles.writeWhole(link, w -> w.write("{}\n"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("{}");
    }

    private java.util.List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.toList();
        }
    }
}
