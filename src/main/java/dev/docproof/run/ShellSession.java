package dev.docproof.run;

import dev.docproof.lesson.Durations;
import dev.docproof.shell.ShellWords;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.StartedProcess;
import org.zeroturnaround.exec.stream.LogOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * One long-lived bash per lesson, as in a learner's terminal: the working directory, exported and
 * shell variables and functions carry over from step to step.
 *
 * <p>Each step gets its own stdin ({@code /dev/null}), its stdout and stderr captured apart and
 * merged in arrival order, its exit code and duration. A step past its deadline is killed with every
 * process it started and keeps its partial output; a step that calls {@code exit} is reported as such. A job a
 * step leaves in the background ({@code cmd &}) runs on, as in a learner's terminal, until the session ends.
 * In both cases a new shell continues the lesson with the directory, variables and functions the old
 * one last had. Everything the session starts or writes is gone after {@link #close()}, also on Ctrl-C.
 */
public final class ShellSession implements AutoCloseable {

    /**
     * What one step did.
     *
     * @param exitCode  null when the step was killed at its deadline, or for want of disk
     * @param note      what happened to the shell besides the output (exit called, restart), else null
     * @param diskShort when a disk fell under its floor ({@link DiskFloor}) while the step ran (it was killed then) or by
     *                  its end, which one and how; else null
     */
    public record Execution(Output output, Integer exitCode, Duration duration, boolean timedOut, String note,
                            String diskShort) {
        public Execution(Output output, Integer exitCode, Duration duration, boolean timedOut, String note) {
            this(output, exitCode, duration, timedOut, note, null);
        }
    }

    private static final Duration GRACE = Duration.ofSeconds(5);
    /**
     * How long a step whose command returned waits for processes it started in the background to finish its output;
     * past it they run on, as a learner's terminal gives the prompt back while a job runs.
     */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    /** What a step keeps of its output by default (each stream, and both merged); the rest is counted. */
    public static final long DEFAULT_MAX_OUTPUT = 1_000_000;

    private final ShellHost host;
    private volatile DiskFloor diskFloor = DiskFloor.NONE;
    private final Path dir;
    private final Path home;
    /**
     * Variables every shell of the session gets on top of docproof's own environment (e.g. DOCKER_HOST); a name
     * mapped to null is removed from it.
     */
    private final Map<String, String> environment;
    /** Whether {@link #home} is a scratch folder the session made, and so removes when it closes. */
    private final boolean ownsHome;
    private final Path fifo;
    private final long maxOutput;
    private final Path driver;
    private final String nonce = UUID.randomUUID().toString().replace("-", "");
    /** In the environment of everything the session starts; kept apart from the status channel's nonce. */
    private final String token = UUID.randomUUID().toString().replace("-", "");
    private final StatusChannel status;
    private final Thread shutdownHook;
    private volatile Shell shell;
    private int seq;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Steps whose background processes still hold their output; their files are kept small until they end. */
    private final List<Detached> detached = new ArrayList<>();

    private ShellSession(Path workingDirectory, boolean ownsHome, long maxOutput, Map<String, String> environment,
                         ShellHost host) throws IOException {
        this.host = host;
        home = workingDirectory;
        this.environment = Collections.unmodifiableMap(new HashMap<>(environment)); // null: removed
        this.ownsHome = ownsHome;
        this.maxOutput = maxOutput;
        dir = host.scratchParent() == null ? Files.createTempDirectory("docproof-session-")
                : Files.createTempDirectory(host.scratchParent(), "docproof-session-");
        fifo = dir.resolve("status");
        driver = dir.resolve("session.bash");
        try (InputStream in = Objects.requireNonNull(ShellSession.class.getResourceAsStream("session.bash"))) {
            Files.copy(in, driver);
        }
        try {
            new ProcessExecutor("mkfifo", "-m", "600", fifo.toString()).exitValueNormal().execute();
        } catch (Exception e) {
            ScratchFolder.delete(dir);
            throw new IOException("cannot create the status fifo with mkfifo: " + e.getMessage(), e);
        }
        status = new StatusChannel(fifo, nonce);
        shutdownHook = new Thread(this::close, "docproof-session-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            shell = startShell(workingDirectory, false);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts bash in the current directory. */
    public static ShellSession start() throws IOException {
        return start(Path.of("").toAbsolutePath());
    }

    public static ShellSession start(Path workingDirectory) throws IOException {
        return start(workingDirectory, DEFAULT_MAX_OUTPUT);
    }

    /** @param maxOutput bytes of output each step keeps; past them output is counted and dropped */
    public static ShellSession start(Path workingDirectory, long maxOutput) throws IOException {
        return new ShellSession(workingDirectory, false, maxOutput, Map.of(), ShellHost.LOCAL);
    }

    /**
     * Starts bash in a fresh scratch folder of its own, removed with everything in it when the session closes.
     *
     * @param maxOutput bytes of output each step keeps; past them output is counted and dropped
     */
    public static ShellSession startInScratchFolder(long maxOutput) throws IOException {
        return startInScratchFolder(maxOutput, Map.of());
    }

    /** As {@link #startInScratchFolder(long)}, the shells seeing {@code environment} on top of docproof's own. */
    public static ShellSession startInScratchFolder(long maxOutput, Map<String, String> environment) throws IOException {
        Path scratch = Files.createTempDirectory("docproof-lesson-");
        try {
            return new ShellSession(scratch, true, maxOutput, environment, ShellHost.LOCAL);
        } catch (IOException | RuntimeException e) {
            ScratchFolder.delete(scratch);
            throw e;
        }
    }

    /** Starts bash in {@code workingDirectory}, which stays when the session closes; {@code environment} as above. */
    public static ShellSession start(Path workingDirectory, long maxOutput, Map<String, String> environment)
            throws IOException {
        return new ShellSession(workingDirectory, false, maxOutput, environment, ShellHost.LOCAL);
    }

    /** A process of the session, named by the id its bash reported for it (e.g. {@code $!}). */
    Optional<ProcessHandle> process(long reportedPid) {
        return host.process(reportedPid);
    }

    /** Where the lesson's bash starts, as its host sees it. */
    Path workingDirectory() {
        return home;
    }

    /** The session's own folder (the driver, the status fifo, each step's output while it runs). */
    Path directory() {
        return dir;
    }

    /** The session's own temp folders (step files, saved state; the scratch folder it owns). */
    public List<Path> folders() {
        return ownsHome ? List.of(dir, home) : List.of(dir);
    }

    /**
     * A session whose bash runs where {@code host} says (e.g. inside a sandbox), in {@code workingDirectory} there,
     * its shells seeing {@code environment}.
     *
     * @param maxOutput bytes of output each step keeps; past them output is counted and dropped
     */
    public static ShellSession start(Path workingDirectory, long maxOutput, Map<String, String> environment,
                                     ShellHost host) throws IOException {
        return new ShellSession(workingDirectory, false, maxOutput, environment, host);
    }

    /** From now on, a step that brings a disk of {@code floor} under it is killed (see {@link Execution#diskShort()}). */
    void keepFree(DiskFloor floor) {
        diskFloor = floor;
    }

    /**
     * Runs one step's command (may span several lines, here-documents included) in the session; its exit status is
     * the next step's {@code $?}, as at a terminal.
     */
    public Execution run(String command, Duration timeout) {
        return run(command, timeout, true);
    }

    /**
     * Runs a command of docproof's own in the session (a probe, a file read): the lesson's {@code $?} stays what its
     * last step left.
     */
    public Execution ask(String command, Duration timeout) {
        return run(command, timeout, false);
    }

    private synchronized Execution run(String command, Duration timeout, boolean lessonStep) {
        if (closed.get()) {
            throw new IllegalStateException("the shell session is closed");
        }
        try {
            if (!shell.process.isAlive()) {
                replaceShell();
            }
            seq++;
            Path stepDir = Files.createDirectories(dir.resolve("step-" + seq));
            Path script = stepDir.resolve("command");
            String text = NoTerminal.inCommand(LastJob.inCommand(command));
            Files.writeString(script, text.endsWith("\n") ? text : text + "\n");
            StepOutput output = new StepOutput(stepDir, maxOutput, script);
            try {
                return runStep(stepDir, output, timeout, lessonStep);
            } finally {
                // what was kept is in memory now; the disk holds no step's output for long
                boolean runsOn;
                synchronized (detached) {
                    runsOn = detached.stream().anyMatch(d -> d.output() == output);
                }
                if (!runsOn) {
                    ScratchFolder.delete(stepDir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Execution runStep(Path stepDir, StepOutput output, Duration timeout, boolean lessonStep)
            throws IOException {
        tidyDetached();
        // Every look at the step's files also keeps those of earlier steps' background processes small.
        Runnable enforce = () -> {
            output.enforce();
            tidyDetached();
        };
        status.drain();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String d = ShellWords.quote(stepDir.toString());
        shell.feed.write("__dp_begin " + seq + " " + d + "; __dp_last_status; source " + d
                + "/command </dev/null >&3 2>&4 3>&- 4>&-; __dp_end $?" + (lessonStep ? " step" : "") + "\n");

        DiskFloor floor = diskFloor;
        String[] diskShort = {null};
        BooleanSupplier keepWaiting = () -> {
            enforce.run();
            diskShort[0] = floor.shortage();
            return diskShort[0] == null;
        };

        List<ProcessHandle> tees = new ArrayList<>();
        Integer exitCode = null;
        boolean shellEnded = false;
        boolean calledExit = false;
        boolean errexit = false;
        while (true) {
            StatusChannel.Message m = status.next(seq, shell.process, deadline, keepWaiting);
            if (m == null) {
                break;
            }
            if (m instanceof StatusChannel.Message.Started s) {
                s.pids().forEach(pid -> process(pid).ifPresent(tees::add));
            } else if (m instanceof StatusChannel.Message.Finished f) {
                exitCode = f.code();
                break;
            } else if (m instanceof StatusChannel.Message.Exited e) {
                exitCode = e.code();
                calledExit = true;
                errexit = e.errexit();
                break;
            } else if (m instanceof StatusChannel.Message.ShellEnded e) {
                exitCode = e.code();
                shellEnded = true;
                break;
            }
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);

        String note = null;
        boolean timedOut = false;
        if (exitCode == null && diskShort[0] != null) {
            // Whatever fills the disk goes now, before the machine has no room left; the lesson ends here.
            killTree(shell.handle, tees);
            note = "killed with every process it started";
            replaceShell();
        } else if (exitCode == null) {
            // Still inside the step at its deadline: the shell is busy with it, so it goes too.
            timedOut = true;
            killTree(shell.handle, tees);
            note = "killed at its deadline of " + Durations.format(timeout) + " with every process it started;"
                    + " a new shell continues the lesson with the state from before the step";
            replaceShell();
        } else {
            // The command is done; its output is complete once the tees saw every writer close. A process it left
            // in the background that still writes there runs on, as in a learner's terminal, until the lesson ends;
            // a shell that ended takes its jobs along (below), and its orphaned tees may take a moment to be gone.
            boolean shellGone = calledExit || shellEnded;
            long settled = System.nanoTime() + (shellGone ? GRACE : SETTLE).toNanos();
            if (!awaitAll(tees, Math.min(deadline, settled), enforce) && !shellGone) {
                synchronized (detached) {
                    detached.add(new Detached(output, List.copyOf(tees)));
                }
                tees.clear(); // no longer the step's to wait for
                note = "a process it started in the background is still running and holds the step's output; as in"
                        + " a learner's terminal it runs on until the lesson ends, and what it prints from now on is"
                        + " not kept";
            }
            if (calledExit || shellEnded) {
                awaitAll(List.of(shell.handle), System.nanoTime() + GRACE.toNanos());
                killTree(shell.handle, tees);
                note = (note == null ? "" : note + "; ")
                        + (errexit ? "a command failed while `set -e` was on, which ends the shell (exit status "
                        + exitCode + ")"
                        : calledExit ? "the step called `exit " + exitCode + "`, which ends the shell"
                        : "the shell ended during the step (exit status " + exitCode + ")")
                        + "; a new shell continues the lesson with the state the step left";
                replaceShell();
            }
        }
        // Whatever the killed processes wrote is still in the pipes: let the tees drain it, then stop them.
        if (!awaitAll(tees, System.nanoTime() + GRACE.toNanos())) {
            tees.forEach(ProcessHandle::destroyForcibly);
            awaitAll(tees, System.nanoTime() + GRACE.toNanos());
        }
        Output kept = output.read();
        String dropped = output.note();
        if (dropped != null) {
            note = note == null ? dropped : note + "; " + dropped;
        }
        // A disk filled faster than it is looked at (a small one, at memory speed) is under the floor all the same.
        String shortage = timedOut ? null : diskShort[0] != null ? diskShort[0] : floor.shortage();
        return new Execution(kept, exitCode, duration, timedOut, note, shortage);
    }

    /** A new shell in the directory, with the variables and functions, the last one saved. */
    private void replaceShell() throws IOException {
        killTree(shell.handle);
        shell.feed.close();
        shell = startShell(home, true);
    }

    private Shell startShell(Path workingDirectory, boolean restore) throws IOException {
        if (closed.get()) {
            throw new IOException("the shell session was closed while a step ran");
        }
        ShellFeed feed = new ShellFeed();
        DiagnosticLines errors = new DiagnosticLines();
        Map<String, String> variables = new HashMap<>(environment);
        variables.put(SessionProcesses.VARIABLE, token);
        ShellHost.Launch launch = host.launch(workingDirectory, variables);
        StartedProcess started = new ProcessExecutor(launch.command())
                .directory(launch.directory().toFile())
                .environment(launch.environment())
                .redirectInput(feed)
                .redirectOutput(new DiagnosticLines())
                .redirectError(errors)
                .start();
        Process process = started.getProcess();
        if (closed.get()) {
            killTree(process.toHandle());
            throw new IOException("the shell session was closed while a step ran");
        }
        String vars = "__dp_nonce=" + nonce + "; __dp_fifo=" + ShellWords.quote(fifo.toString()) + "; __dp_dir="
                + ShellWords.quote(dir.toString()) + "; ";
        StringBuilder boot = new StringBuilder(vars).append("source ").append(ShellWords.quote(driver.toString())).append("; ");
        if (restore && Files.exists(dir.resolve("state"))) {
            // The driver is sourced again after the state, so nothing a lesson saved can replace it.
            boot.append("source ").append(ShellWords.quote(dir.resolve("state").toString())).append(" 2>/dev/null; ").append(vars)
                    .append("source ").append(ShellWords.quote(driver.toString())).append("; ");
        }
        boot.append("__dp_seq=").append(-1).append("; __dp_report ready; __dp_seq=\n");
        feed.write(boot.toString());
        StatusChannel.Message ready = status.next(-1, process, System.nanoTime() + GRACE.toNanos() * 2);
        if (!(ready instanceof StatusChannel.Message.Ready)) {
            killTree(process.toHandle());
            String said = errors.text();
            throw new IOException("bash did not start a session" + (ready == null ? " in time" : ": it ended")
                    + (said.isEmpty() ? "" : "; it said: " + said));
        }
        return new Shell(process, host.shell(process), feed);
    }

    /**
     * Ends the shell and every process the lesson left running under it, at once; {@link #close()} still
     * removes the session's files. Lets a caller clean up elsewhere while those files go.
     */
    public void endShell() {
        Shell s = shell;
        if (s != null) {
            killTree(s.handle);
        }
    }

    /**
     * Ends the shell, every process the lesson left running under it, and removes the session's files.
     * Not synchronized with {@link #run}: from a shutdown hook it must stop a step that is still running.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (shell != null) {
                // Kill before closing stdin: a shell that ends on its own would orphan its children first.
                killTree(shell.handle);
                shell.feed.close();
            }
        } finally {
            status.close();
            ScratchFolder.delete(dir);
            if (ownsHome) {
                ScratchFolder.delete(home);
            }
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: it finds the session closed
                }
            }
        }
    }

    private void killTree(ProcessHandle root) {
        killTree(root, List.of());
    }

    /**
     * Kills the shell and every process the session started — its descendants, and those that left its tree
     * (double fork, {@code setsid}) found by the session's token in their environment — except {@code spared}: a
     * step's tees, left to drain what the killed processes wrote before they died.
     */
    private void killTree(ProcessHandle root, List<ProcessHandle> spared) {
        Set<ProcessHandle> started = new LinkedHashSet<>(root.descendants().toList());
        started.addAll(SessionProcesses.carrying(token));
        started.remove(root);
        List<ProcessHandle> victims = new ArrayList<>(started.stream().filter(p -> !spared.contains(p)).toList());
        victims.add(0, root);
        // Stop the shell first so it cannot start anything new, then everything below it.
        victims.forEach(ProcessHandle::destroyForcibly);
        awaitAll(victims, System.nanoTime() + GRACE.toNanos());
    }

    /**
     * Waits until every process has ended, or the deadline passes. The JDK's {@code onExit()} of a process
     * that is not our child (a tee under bash) polls slowly, up to a tenth of a second per process;
     * here the check starts at a fraction of a millisecond and backs off, as most steps end in a few.
     */
    private static boolean awaitAll(List<ProcessHandle> handles, long deadline) {
        return awaitAll(handles, deadline, () -> {});
    }

    /** As {@link #awaitAll(List, long)}, calling {@code meanwhile} at each look. */
    private static boolean awaitAll(List<ProcessHandle> handles, long deadline, Runnable meanwhile) {
        long pause = TimeUnit.MICROSECONDS.toNanos(200);
        while (handles.stream().anyMatch(ProcessHandle::isAlive)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(pause, left));
            if (pause >= TimeUnit.MILLISECONDS.toNanos(10)) {
                meanwhile.run(); // only once a wait is long: a step that ends at once pays nothing for it
            }
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(20));
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }



    /** A step whose background processes still hold its output through {@code tees}. */
    private record Detached(StepOutput output, List<ProcessHandle> tees) {}

    /**
     * Keeps the files of steps whose background processes still write small, and removes them once those processes
     * are gone (the session's end removes the rest).
     */
    private void tidyDetached() {
        synchronized (detached) {
            detached.removeIf(d -> {
                if (d.tees().stream().anyMatch(ProcessHandle::isAlive)) {
                    d.output().enforce();
                    return false;
                }
                ScratchFolder.delete(d.output().directory());
                return true;
            });
        }
    }

    /** @param handle the bash itself: {@code process} is the command that started it, possibly a client of it */
    private record Shell(Process process, ProcessHandle handle, ShellFeed feed) {}

    /**
     * bash's own stdout/stderr carry no step output (steps have their own files); the last lines are
     * kept to explain a shell that fails to start.
     */
    private static final class DiagnosticLines extends LogOutputStream {
        private final Deque<String> last = new ConcurrentLinkedDeque<>();

        @Override
        protected void processLine(String line) {
            last.addLast(line);
            while (last.size() > 10) {
                last.pollFirst();
            }
        }

        String text() {
            return String.join("\n", last);
        }
    }

    /** The shell's stdin: lines the session writes, handed to zt-exec's pump as they come. */
    private static final class ShellFeed extends InputStream {
        private static final byte[] END = new byte[0];
        private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        void write(String text) {
            queue.add(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            queue.add(END);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            while (pos >= current.length) {
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                pos = 0;
                if (current == END) {
                    ended = true;
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return current.length - pos;
        }
    }
}
