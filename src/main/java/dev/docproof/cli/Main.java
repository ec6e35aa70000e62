package dev.docproof.cli;

import dev.docproof.run.CourseRunner;
import dev.docproof.run.Interrupts;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The docproof command line: the only place that prints or chooses an exit code. */
@Command(name = "docproof", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Keeps technical lessons true: reads shell lessons, runs them against a real Docker engine,"
                + " compares the output with what the lesson shows, repairs what it can prove and renders a"
                + " verified site.")
public final class Main implements Runnable {

    /** Exit codes are a contract: 0 all good, 1 the lesson has failures, 2 usage or set-up error. */
    public static final int OK = 0;
    public static final int FAILURES = 1;
    public static final int SETUP_ERROR = 2;

    /** The commands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(PlanCommand.class, CheckCommand.class, FixCommand.class,
            SiteCommand.class, PreviewCommand.class, MergeCommand.class, DoctorCommand.class, EngineCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        PrintWriter out = untilAbandoned(System.out);
        PrintWriter err = untilAbandoned(System.err);
        int code = execute(args, out, err);
        Interrupts.Signal abandoned = Interrupts.abandoned();
        System.exit(abandoned == null ? code : abandoned.exitStatus());
    }

    /** What docproof prints, until a second signal ends it at once (see {@link Interrupts#abandon}). */
    private static PrintWriter untilAbandoned(OutputStream stream) {
        return new PrintWriter(new FilterOutputStream(stream) {
            @Override
            public void write(int b) throws IOException {
                if (Interrupts.abandoned() == null) {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (Interrupts.abandoned() == null) {
                    out.write(bytes, offset, length);
                }
            }
        }, true);
    }

    /** Runs one command line with the given writers (what it prints made safe for a terminal); never throws, returns the exit code. */
    public static int execute(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        PrintWriter out = TerminalSafeWriter.wrap(rawOut);
        PrintWriter err = TerminalSafeWriter.wrap(rawErr);
        // A command that runs lessons needs the engine: the connection begins before the command line is even
        // built, which takes a good part of a short run's start-up. Closing it is a no-op once the command took it.
        try (CourseRunner.EarlyEngine early = RunsLessons.named(args) ? CourseRunner.EarlyEngine.begin()
                : CourseRunner.EarlyEngine.none()) {
            return execute(args, out, err, early);
        }
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err, CourseRunner.EarlyEngine early) {
        CommandLine cli = commandLine(args);
        if (cli.getSubcommands().size() == 1 && cli.getSubcommands().values().iterator().next().getCommand()
                instanceof RunsLessons command) {
            command.connectingSince(early);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("docproof: internal error: " + e);
            commandLine.getErr().println("Please report this with the command you ran.");
            return SETUP_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line with the command {@code args} name, or with every command when they name none (help, a
     * typo to suggest a command for). Building a command's model reads its annotations by reflection, a good
     * part of a short run's start-up, so a run builds only its own.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        List<Class<?>> named = COMMANDS.stream()
                .filter(c -> args.length > 0 && c.getAnnotation(Command.class).name().equals(args[0])).toList();
        for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
            try {
                cli.addSubcommand(CommandLine.defaultFactory().create(command));
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the command " + command.getSimpleName(), e);
            }
        }
        return cli;
    }

    /**
     * A usage error: one line saying what is wrong, a suggestion when a word looks like a known command or
     * option, and where the help is. The usage itself is not dumped: it buries the one line that matters.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        boolean root = cmd.getParent() == null;
        String message = e.getMessage();
        List<String> suggestions = List.of();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            suggestions = unmatched.getSuggestions();
            List<String> words = unmatched.getUnmatched();
            String first = words.isEmpty() ? "" : words.get(0);
            if (root && !first.startsWith("-")) {
                message = "unknown command '" + first + "'";
            } else if (first.startsWith("-")) {
                message = "unknown option '" + first + "'";
            }
        }
        err.println("docproof: " + message);
        if (!suggestions.isEmpty()) {
            err.println("did you mean " + suggestions.stream().map(w -> "'" + w + "'")
                    .collect(Collectors.joining(" or ")) + "?");
        }
        err.println("see 'docproof " + (root ? "" : cmd.getCommandName() + " ") + "--help'");
        return SETUP_ERROR;
    }

    /** The version the jar's manifest names; "development build" when run from classes. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"docproof " + version()};
        }
    }
}
