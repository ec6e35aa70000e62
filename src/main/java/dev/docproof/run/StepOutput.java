package dev.docproof.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files one step's output goes to ({@code merged}, {@code stdout}, {@code stderr}, each appended to),
 * kept to a size while the step runs: past {@code max} bytes a file is cut back, and what was cut is counted,
 * so a step that prints without end fills neither the disk nor the memory nor the page.
 */
final class StepOutput {

    private static final String[] FILES = {"merged", "stdout", "stderr"};

    private final Path dir;
    private final long max;
    private final Pattern scriptPrefix;
    private final long[] dropped = new long[FILES.length];

    /** @param script the file the step's command is sourced from, which bash names in its own error messages */
    StepOutput(Path dir, long max, Path script) throws IOException {
        this.dir = dir;
        this.max = max;
        // "/tmp/docproof-session-…/step-3/command: line 1: nope: command not found" is what a learner sees as
        // "bash: nope: command not found", and what a lesson documents.
        this.scriptPrefix = Pattern.compile("(?m)^" + Pattern.quote(script.toString()) + ": line \\d+: ");
        for (String f : FILES) {
            Files.createFile(dir.resolve(f));
        }
    }

    /** The step's folder, holding its files. */
    Path directory() {
        return dir;
    }

    /** Cuts every file back to the limit; called while the step runs. */
    void enforce() {
        for (int i = 0; i < FILES.length; i++) {
            try (FileChannel file = FileChannel.open(dir.resolve(FILES[i]), StandardOpenOption.WRITE)) {
                long size = file.size();
                if (size > max) {
                    file.truncate(max);
                    dropped[i] += size - max;
                }
            } catch (NoSuchFileException gone) {
                // the session is closing
            } catch (IOException e) {
                // a file that cannot be cut now is cut at the next look
            }
        }
    }

    /** What the step printed, at most the limit of each stream. */
    Output read() throws IOException {
        enforce();
        return new Output(text(0), text(1), text(2));
    }

    /** Bytes dropped past the limit in the merged view (every byte either stream printed), 0 when none. */
    long droppedBytes() {
        return dropped[0];
    }

    /** A note saying what was dropped, or null when nothing was. */
    String note() {
        if (dropped[0] == 0) {
            return null;
        }
        return "the output past " + size(max) + " was not kept: " + size(dropped[0]) + " more were dropped"
                + " (stdout " + size(dropped[1]) + ", stderr " + size(dropped[2]) + "); raise the limit with --max-output";
    }

    private String text(int index) throws IOException {
        Path file = dir.resolve(FILES[index]);
        if (!Files.exists(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8)), StandardCharsets.UTF_8);
            return scriptPrefix.matcher(text).replaceAll(Matcher.quoteReplacement("bash: "));
        }
    }

    /** {@code 1 MB}, {@code 148.9 MB}, {@code 512 bytes}. */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1_000_000) {
            return trim(bytes / 1000.0) + " kB";
        }
        if (bytes < 1_000_000_000) {
            return trim(bytes / 1e6) + " MB";
        }
        return trim(bytes / 1e9) + " GB";
    }

    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
