package dev.docproof.docker;

import dev.docproof.shell.CliCommand;
import dev.docproof.shell.CliModel;
import dev.docproof.shell.DockerCli;
import dev.docproof.shell.HelpPages;
import dev.docproof.shell.KnownCli;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The help of the CLIs a machine has, read from the clients themselves: every page ({@code docker network
 * connect --help}, ...) once per client version, kept in {@code target/cli-help/} so that later runs, and
 * {@code plan}, need nothing but the client's {@code --version}. No engine is involved: help is the client's.
 * Without a client on {@code PATH}, the help last cached for one stands in; without either, for docker,
 * docproof's built-in copy of one client's pages; each case is said in a note.
 */
public final class ClientHelp {

    /** Where a CLI's model came from, so reports can say what the commands were checked against. */
    public enum Source { CACHE, CLIENT, BUILT_IN }

    /** A CLI's model and where it came from; {@code note} says it in a sentence. */
    public record Loaded(KnownCli cli, CliModel model, Source source, String note) {}

    private static final int PAGE_SECONDS = 10;

    private final Path cacheDir;
    private final Function<String, Optional<Path>> locate;

    public ClientHelp(Path cacheDir) {
        this(cacheDir, ClientHelp::onPath);
    }

    /** @param locate finds a program's executable ({@code PATH} by default) */
    ClientHelp(Path cacheDir, Function<String, Optional<Path>> locate) {
        this.cacheDir = cacheDir;
        this.locate = locate;
    }

    /** The default cache, {@code target/cli-help}. */
    public static ClientHelp inTarget() {
        return new ClientHelp(Path.of("target", "cli-help"));
    }

    /**
     * The model of {@code cli} on this machine; empty when it cannot be had. What a reader should know of where it
     * came from (read afresh from the client, no client but a cache, no client and no cache) is added to
     * {@code notes}; a model read from the cache of the client on {@code PATH} needs no word.
     */
    public Optional<Loaded> load(KnownCli cli, List<String> notes) {
        Optional<Path> program = locate.apply(cli.program());
        if (program.isEmpty()) {
            return withoutClient(cli, notes);
        }
        try {
            String version = version(cli, program.get());
            Path cached = cacheDir.resolve(cli.program()).resolve(fileName(version) + ".help");
            if (Files.isRegularFile(cached)) {
                Optional<HelpPages> pages = HelpPages.read(Files.readString(cached, StandardCharsets.UTF_8));
                if (pages.isPresent() && pages.get().version().equals(version)) {
                    return Optional.of(new Loaded(cli, CliModel.of(pages.get(), cli.format()), Source.CACHE,
                            cli.program() + " commands checked against the help of " + version + " (cached in "
                                    + cached + ")"));
                }
            }
            HelpPages pages = crawl(cli, program.get(), version);
            write(cached, pages.write(), notes);
            String note = cli.program() + " commands checked against the help of " + version + " (read from "
                    + program.get() + ", cached in " + cached + ")";
            notes.add(note);
            return Optional.of(new Loaded(cli, CliModel.of(pages, cli.format()), Source.CLIENT, note));
        } catch (IOException e) {
            notes.add("could not read the help of " + program.get() + ": " + e.getMessage()
                    + "; its commands are not checked");
            return Optional.empty();
        }
    }

    /**
     * The client's version: what its {@code --version} said when last asked, while the program file is the same (same
     * real path, size and modification time); else asked again and kept. Asking costs a process on every run.
     */
    private String version(KnownCli cli, Path program) throws IOException {
        Path real = program.toRealPath();
        String identity = Files.size(real) + "\t" + Files.getLastModifiedTime(real).toMillis() + "\t" + real;
        Path known = cacheDir.resolve(cli.program()).resolve("clients");
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(known)) {
            for (String line : Files.readAllLines(known, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                if (line.substring(tab + 1).equals(identity)) {
                    return line.substring(0, tab);
                }
                if (!line.endsWith("\t" + real)) {
                    lines.add(line); // another client's; this one's older line is replaced below
                }
            }
        }
        String version = firstLine(run(program, List.of(cli.versionOption()))).replace('\t', ' ');
        lines.add(version + "\t" + identity);
        write(known, String.join("\n", lines) + "\n", new ArrayList<>());
        return version;
    }

    /**
     * No client on {@code PATH}: the help last cached for one, else (docker only) the built-in copy; each said in
     * a note with what to do.
     */
    private Optional<Loaded> withoutClient(KnownCli cli, List<String> notes) {
        Path folder = cacheDir.resolve(cli.program());
        Optional<Path> newest = newestCache(folder);
        Optional<HelpPages> pages = newest.flatMap(ClientHelp::readCache);
        if (pages.isPresent()) {
            String note = "no " + cli.program() + " client on PATH: its commands are checked against the help of "
                    + pages.get().version() + " cached in " + newest.get();
            notes.add(note);
            return Optional.of(new Loaded(cli, CliModel.of(pages.get(), cli.format()), Source.CACHE, note));
        }
        String missing = "no " + cli.program() + " client on PATH and no help of one cached in " + folder;
        if (cli != KnownCli.DOCKER) {
            notes.add(missing + ": " + cli.program() + " commands are not checked (install " + cli.program()
                    + " to check them)");
            return Optional.empty();
        }
        HelpPages builtIn = DockerCli.BUILT_IN_PAGES;
        String note = missing + ": docker commands are checked against docproof's built-in copy of the help of "
                + builtIn.version() + " (install a docker client, or run docproof once where one is, to check"
                + " them against your client)";
        notes.add(note);
        return Optional.of(new Loaded(cli, CliModel.of(builtIn, cli.format()), Source.BUILT_IN, note));
    }

    private static Optional<Path> newestCache(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".help") && Files.isRegularFile(f))
                    .max(Comparator.comparing(ClientHelp::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static Optional<HelpPages> readCache(Path file) {
        try {
            return HelpPages.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Every help page of {@code cli}: the program's, then its subcommands' level by level, read in parallel. */
    static HelpPages crawl(KnownCli cli, Path program, String version) throws IOException {
        Map<List<String>, String> pages = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<List<String>> level = List.of(List.of());
            while (!level.isEmpty()) {
                Map<List<String>, Future<String>> asked = new LinkedHashMap<>();
                for (List<String> path : level) {
                    asked.put(path, pool.submit(() -> run(program, cli.format().helpArguments(path))));
                }
                List<List<String>> next = new ArrayList<>();
                for (Map.Entry<List<String>, Future<String>> entry : asked.entrySet()) {
                    String page = get(entry.getValue());
                    Optional<CliCommand> command = cli.format().read(entry.getKey(), page);
                    if (command.isEmpty()) {
                        continue; // a listed name whose help is not its own (a plugin that is not installed)
                    }
                    pages.put(entry.getKey(), page);
                    for (String sub : command.get().subcommands()) {
                        List<String> path = new ArrayList<>(entry.getKey());
                        path.add(sub);
                        next.add(path);
                    }
                }
                level = next;
            }
        } finally {
            pool.shutdownNow();
        }
        return new HelpPages(cli.program(), version, pages);
    }

    private static String get(Future<String> page) throws IOException {
        try {
            return page.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /**
     * What {@code program arguments} prints (both streams: some clients print help on stderr). A page that takes
     * longer than its deadline is asked for once more with a longer one: on a loaded machine a client's start
     * can stall, and one lost page would leave the whole CLI unchecked.
     */
    private static String run(Path program, List<String> arguments) throws IOException {
        try {
            return run(program, arguments, PAGE_SECONDS);
        } catch (TimeoutException first) {
            try {
                return run(program, arguments, 3 * PAGE_SECONDS);
            } catch (TimeoutException again) {
                throw new IOException("`" + program + " " + String.join(" ", arguments) + "` did not finish within "
                        + 3 * PAGE_SECONDS + " s");
            }
        }
    }

    private static String run(Path program, List<String> arguments, int seconds) throws IOException, TimeoutException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(arguments);
        try {
            ProcessResult result = new ProcessExecutor(command)
                    .redirectErrorStream(true)
                    .redirectInput(InputStream.nullInputStream())
                    .readOutput(true)
                    .timeout(seconds, TimeUnit.SECONDS)
                    .destroyOnExit()
                    .execute();
            return result.outputString(StandardCharsets.UTF_8.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static void write(Path file, String text, List<String> notes) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            notes.add("could not cache the help in " + file + " (" + e.getMessage() + "): the next run reads it again");
        }
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }

    private static String fileName(String version) {
        String name = version.replaceAll("[^A-Za-z0-9._-]+", "_");
        return name.length() <= 60 ? name
                : name.substring(0, 60) + "-" + Integer.toHexString(version.hashCode());
    }
}
