package dev.docproof.run;

import dev.docproof.docker.SandboxMemory;
import dev.docproof.lesson.Durations;
import dev.docproof.repair.Repair;
import dev.docproof.shell.LedgerEntry;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Something worth telling about a step besides its outcome; data, so every report words it the same way. */
public sealed interface Note {

    String describe();

    /** What happened to the shell besides the output, on a step that still succeeded (a restarted shell). */
    record ShellEvent(String event) implements Note {
        public String describe() {
            return event;
        }
    }

    /** The ledger could not see the engine after this step: what the step created may be unattributed. */
    record LedgerBlind(String engineError) implements Note {
        public String describe() {
            return "the ledger could not list the engine's resources after this step: " + engineError;
        }
    }

    /**
     * The step ended (at its deadline, or interrupted) with a request it sent to the engine still unanswered.
     *
     * @param answersPing whether the engine still answered a ping then: false means the engine itself stopped
     *                    answering, true that this one call is slow (a pull from a registry that does not answer)
     */
    record EngineUnanswered(String engine, String request, Duration waited, boolean answersPing) implements Note {
        public String describe() {
            String call = "`" + request + "` had waited " + Durations.format(waited) + " for an answer";
            return answersPing ? "the engine at " + engine + " was slow: the step's " + call
                    + ", and the engine still answers other calls, so that call itself is slow"
                    : "the engine at " + engine + " stopped answering: the step's " + call
                    + ", and the engine does not answer a ping either (is dockerd stopped or overloaded?)";
        }
    }

    /**
     * While the step ran, the kernel killed a process of the lesson because the lesson's sandbox had used up the
     * {@code limit} bytes of memory it may use.
     */
    record OutOfMemory(long limit) implements Note {
        public String describe() {
            return "the kernel killed a process of the lesson: its sandbox had used all the memory it may use, "
                    + SandboxMemory.describe(limit) + " (--sandbox-memory gives it more; its default is the sandbox's"
                    + " even part, among --jobs lessons, of three quarters of the machine's memory)";
        }
    }

    /** A failed step names files the course ships beside the lesson, which its working folder does not hold. */
    record BesideTheLesson(List<String> paths) implements Note {
        public BesideTheLesson {
            paths = List.copyOf(paths);
        }

        public String describe() {
            return paths.stream().map(p -> "`" + p + "`").collect(Collectors.joining(", ")) + (paths.size() == 1
                    ? " is" : " are") + " beside the lesson in the course, but the lesson runs in a working folder of"
                    + " its own that starts empty: to use a file shipped with the course, list it under `files:` in the"
                    + " course's docproof.yml, or show it in the lesson in a block the run writes there (a"
                    + " `literalinclude` or `include::` whose caption or title is the file's path, or a"
                    + " `docproof: file PATH` marker before it)";
        }
    }

    /** A container the step started asked for this machine's devices, which no container in a sandbox may have. */
    record SandboxDevices() implements Note {
        public String describe() {
            return "a container in a sandbox cannot have this machine's devices (`--privileged`, `--device`): the"
                    + " sandbox is itself no privileged container, so the kernel refuses its engine that access; run"
                    + " the lesson with --isolation host where this machine allows privileged containers, or mark the"
                    + " step `docproof: skip needs a privileged container`";
        }
    }

    /**
     * A step that prints until a person stops it ({@code docker logs -f}, {@code ping}) was stopped as a learner
     * stops it: with Ctrl-C (SIGINT) after a look at what it printed; the status that gives (130) counts as success.
     */
    /**
     * A request to a server failed at once (refused, or closed with no answer) just after the lesson started the
     * server's container, and succeeded once it had started: a learner typing the next command gives it that time.
     */
    record ServerStarting(List<String> containers, Duration waited) implements Note {
        public ServerStarting {
            containers = List.copyOf(containers);
        }

        public String describe() {
            return "ran again after " + Durations.format(waited) + ": container " + String.join(", ", containers)
                    + ", started just before, was not answering yet, as a learner typing the next command never sees";
        }
    }

    record StoppedLikeCtrlC(Duration after) implements Note {
        public String describe() {
            return "it prints until a person stops it: stopped with Ctrl-C (SIGINT) after " + Durations.format(after)
                    + ", as a learner stops it, which is no failure (a `docproof: timeout` marker sets how long it runs)";
        }
    }

    /**
     * The docker client of a failed step wanted a terminal for an interactive session ({@code docker run -it ubuntu
     * bash}): a command the container runs and ends with runs without {@code -t} (see NoTerminal), a session a
     * learner types into cannot.
     */
    record TerminalWanted() implements Note {
        public String describe() {
            return "docker was asked for a terminal (`-t`) for an interactive session, and steps run without one,"
                    + " their stdin empty, as in CI: show what the learner types in it as commands of their own"
                    + " (`docker exec box CMD`, `docker run --rm IMAGE CMD`), or put a `docproof: skip` marker before it";
        }
    }

    /**
     * A build's sample shows BuildKit's progress ({@code [+] Building}, {@code => [1/3] FROM …}) where the engine's
     * classic builder printed {@code Step 1/3 : FROM …}: the two never match, whatever the Dockerfile.
     */
    record OtherBuilder() implements Note {
        public String describe() {
            return "the sample shows BuildKit's progress (`[+] Building`, `=> [1/3] FROM …`), which Docker 23 and later"
                    + " print by default; this engine's build printed the classic builder's (`Step 1/3 : FROM …`), as"
                    + " a learner whose client has no buildx sees it: show that output, or put a `docproof: output:"
                    + " ignore` marker before the block";
        }
    }

    /**
     * A step cut short at its deadline had started containers that outlive it: most often a server run in the
     * foreground ({@code docker run -p 8080:80 nginx}), which a learner stops with Ctrl-C.
     */
    record OutlivedBy(List<String> containers) implements Note {
        public OutlivedBy {
            containers = List.copyOf(containers);
        }

        public String describe() {
            return "the step had started container " + String.join(", ", containers) + ", which runs on: a server the"
                    + " lesson runs in the foreground takes a `docproof: background ready: COMMAND` marker before its"
                    + " block (COMMAND says when it answers, e.g. `curl -fs localhost:8080`), or `docker run -d`";
        }
    }

    /** A failed step the evidence could not complete; the candidates when there was a choice. */
    record NoRepair(String why, List<LedgerEntry> candidates) implements Note {
        public NoRepair {
            candidates = List.copyOf(candidates);
        }

        public String describe() {
            return "no repair: " + why + (candidates.isEmpty() ? "" : " (candidates: " + candidates.stream()
                    .map(c -> c.resource().kind().jsonName() + " " + c.resource().name() + " from line " + c.createdAtLine())
                    .collect(Collectors.joining(", ")) + ")");
        }
    }

    /**
     * A step that failed while printing what its sample at {@code sampleLine} shows: a failure the lesson documents
     * on purpose, without the marker that says so.
     */
    record FailureShown(int sampleLine, int exitCode) implements Note {
        public String describe() {
            return "the output matches the sample at line " + sampleLine + ": if the lesson shows this failure on"
                    + " purpose, put a `docproof: expect-exit " + exitCode + "` marker before its block";
        }
    }

    /** A template whose placeholders could not be bound: why, with the candidates when there was a choice. */
    record Unbound(String why) implements Note {
        public String describe() {
            return "not bound: " + why;
        }
    }

    /** A repair was tried and failed too, so the step stays failed. */
    record RepairFailed(Repair tried, Outcome outcome) implements Note {
        public String describe() {
            return "the repair '" + tried.command() + "' (" + tried.evidence() + ") failed too: " + outcome.describe();
        }
    }
}
