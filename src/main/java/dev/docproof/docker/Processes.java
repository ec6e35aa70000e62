package dev.docproof.docker;

import org.zeroturnaround.exec.InvalidExitValueException;
import org.zeroturnaround.exec.ProcessExecutor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The machine-level commands engine set-up needs, each bounded in time, with its output in a log file. */
final class Processes {

    private Processes() {}

    /** Runs {@code command}, appending its output to {@code log}; fails with the command, exit code and log. */
    static void run(List<String> command, Map<String, String> environment, Duration timeout, Path log)
            throws EngineException {
        try {
            Files.createDirectories(log.getParent());
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(("$ " + String.join(" ", command) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                new ProcessExecutor(command)
                        .environment(environment)
                        .redirectOutput(out)
                        .redirectErrorStream(true)
                        .redirectInput(InputStream.nullInputStream()) // nothing may wait for a keyboard
                        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .exitValueNormal()
                        .destroyOnExit()
                        .execute();
            }
        } catch (InvalidExitValueException e) {
            throw new EngineException("`" + String.join(" ", command) + "` exited with " + e.getExitValue()
                    + "; its output is in " + log + ":\n" + tail(log, 15));
        } catch (TimeoutException e) {
            throw new EngineException("`" + String.join(" ", command) + "` did not finish within "
                    + timeout.toSeconds() + " s; its output is in " + log + ":\n" + tail(log, 15));
        } catch (IOException e) {
            throw new EngineException("Could not run `" + String.join(" ", command) + "`: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while running `" + String.join(" ", command) + "`");
        }
    }

    /**
     * The state letter Linux gives process {@code pid} ({@code R} running, {@code S} sleeping, {@code T} stopped,
     * ...), read from {@code /proc/PID/stat}; '?' where that cannot be read (gone, or not Linux).
     */
    static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int afterName = stat.lastIndexOf(')'); // the name in parentheses may itself hold spaces or parentheses
            return afterName >= 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : '?';
        } catch (IOException | SecurityException e) {
            return '?';
        }
    }

    /** The last {@code lines} lines of a log, indented, for an error message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(line -> "  " + line).toList());
        } catch (IOException e) {
            return "  (" + log + " cannot be read: " + e.getMessage() + ")";
        }
    }
}
