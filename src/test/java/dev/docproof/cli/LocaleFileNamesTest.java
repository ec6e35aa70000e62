package dev.docproof.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java 17 reads file names in the locale's charset: a CI container with no locale set (C, POSIX) reads
 * {@code ñandú.md} as {@code ��and��.md}. Run in a JVM of its own, since the charset is fixed when a JVM starts.
 */
class LocaleFileNamesTest {

    @TempDir
    Path dir;

    @Test
    void aLessonNameTheLocaleCannotHoldIsAWarningSayingToRunInAUtf8Locale() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("ñandú.md"), "# Ñandú\n\n```console\n$ echo hi\nhi\n```\n");
        Files.writeString(content.resolve("ascii.md"), "# ASCII\n\n```console\n$ echo hi\nhi\n```\n");

        String inC = plan("C", content);
        String inUtf8 = plan("C.UTF-8", content);

        assertThat(inC).contains("content/??and??.md:1:1: warning: this lesson's name is not ASCII, and file names are read"
                + " in the locale's charset, ANSI_X3.4-1968, so reports may show them garbled and a merge not know them:"
                + " run docproof in a UTF-8 locale (export LC_ALL=C.UTF-8), the same for every shard and the merge");
        assertThat(inUtf8).doesNotContain("warning").contains("content/ñandú.md");
    }

    /** What {@code docproof plan} prints (both streams) in a JVM started under {@code LC_ALL=locale}. */
    private String plan(String locale, Path content) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "plan", "content")).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", locale);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }
}
