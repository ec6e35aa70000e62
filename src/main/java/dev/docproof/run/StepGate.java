package dev.docproof.run;

import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.lesson.Need;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.StepNeeds;
import dev.docproof.plan.TemplateInstances;
import dev.docproof.plan.Templates;
import dev.docproof.repair.Binding;
import dev.docproof.shell.FullScreen;
import dev.docproof.shell.ImageRef;
import dev.docproof.shell.ImagesMade;
import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.LedgerNames;
import dev.docproof.shell.Needs;
import dev.docproof.shell.ReadOnly;
import dev.docproof.shell.ResourceKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, before a step runs, how it runs: as written, with what the author left open bound to what the
 * lesson made ({@link Binding}), or not at all because it needs what the session lacks — a program, a
 * registry, the internet, an image nobody can provide offline, the result of a step that was skipped (an image, or
 * what it fetched: {@link Unfetched}), or a person at a terminal ({@link FullScreen}).
 * Such a step is skipped with its reason, never passed or failed, and the lesson goes on.
 */
final class StepGate {

    /** How a step is to run. */
    sealed interface Decision {
        /** Run {@code command}; {@code binding} is the evidence when it was bound, else null. */
        record Run(String command, String binding) implements Decision {}

        record Skip(String reason) implements Decision {}

        /** A template that stays one; {@code why} says what kept it from being bound, null when nothing could. */
        record Template(String why) implements Decision {}
    }

    private static final Duration LOOKUP = Duration.ofSeconds(5);

    private final ShellSession session;
    private final Ledger ledger;
    private final Reachability reachability;
    /** Images a skipped step would have made, with why they are missing. */
    private final Map<String, String> unmade = new HashMap<>();
    private final Unfetched unfetched = new Unfetched();
    /** Images the lesson made, by canonical name, with the line that made them. */
    private final Map<String, Integer> made = new HashMap<>();
    private final Set<String> programsFound = new LinkedHashSet<>();
    private final Map<String, Boolean> pluginsLacking = new HashMap<>();

    /** The names the lesson's commands give the containers they create. */
    private final Set<String> lessonNames;

    /** Templates a runnable step of the lesson instantiates. */
    private final Set<Step> instantiated;

    StepGate(ShellSession session, Ledger ledger, Reachability reachability, Plan plan) {
        List<Step> steps = plan.steps();
        this.instantiated = TemplateInstances.of(plan).entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        this.lessonNames = steps.stream().flatMap(s -> LedgerNames.plannedNames(s.command()).stream())
                .filter(n -> n.kind() == ResourceKind.CONTAINER).map(LedgerNames.PlannedName::name)
                .collect(Collectors.toSet());
        this.session = session;
        this.ledger = ledger;
        this.reachability = reachability;
        // One probe for every program the runnable steps name, rather than one per step naming a new one; what
        // it does not find is asked again when its step comes (an earlier step may install it).
        missingPrograms(steps.stream().filter(s -> s.kind() != StepKind.TEMPLATE && !s.writesFile())
                .flatMap(s -> Needs.programs(s.command()).stream()).distinct().toList());
    }

    Decision decide(Step step) {
        if (step.marks().skip() != null) {
            return skipped(step, skipReason(step));
        }
        String command = step.command();
        if (step.kind() == StepKind.TEMPLATE && Templates.elision(command).isPresent()) {
            return new Decision.Template(null);
        }
        // A template that stays one is shown, never run: what it would need does not matter.
        Decision bound = bind(step);
        if (!(bound instanceof Decision.Run run)) {
            return bound;
        }
        if (!step.writesFile()) {
            Optional<String> missing = missingNeed(step, run.command());
            if (missing.isPresent()) {
                return skipped(step, missing.get());
            }
        }
        ImagesMade.by(run.command()).forEach(i -> made.put(ImageRef.parse(i).canonical(), step.line()));
        return bound;
    }

    /** Why a step marked {@code skip} is skipped: its marker's reason, or the marker itself. */
    static String skipReason(Step step) {
        return step.marks().skip().isBlank() ? "a docproof: skip marker" : step.marks().skip();
    }

    /**
     * Whether a lesson has a step that may run: a runnable step not marked skip. Without one, nothing needs a
     * shell or an engine: its templates are shown and its marked steps skipped, and it gets no place to run in.
     */
    static boolean mayRun(Plan plan) {
        return plan.steps().stream().anyMatch(s -> s.kind() != StepKind.TEMPLATE && s.marks().skip() == null);
    }

    private Decision skipped(Step step, String reason) {
        unfetched.skipped(step.line(), step.command(), reason);
        for (String image : ImagesMade.by(step.command())) {
            unmade.put(ImageRef.parse(image).canonical(), "line " + step.line() + " was skipped: " + reason);
        }
        return new Decision.Skip(reason);
    }

    /** The status bash gives a command it cannot find. */
    private static final int COMMAND_NOT_FOUND = 127;

    private Optional<String> missingNeed(Step step, String command) {
        Optional<String> notFetched = unfetched.blocks(command);
        if (notFetched.isPresent()) {
            return notFetched;
        }
        Optional<FullScreen.Use> screen = FullScreen.in(command);
        if (screen.isPresent()) {
            return Optional.of(screen.get().reason());
        }
        for (String image : LedgerNames.imagesUsed(command)) {
            String why = unmade.get(ImageRef.parse(image).canonical());
            // A skipped pull's image the engine has anyway (provided offline from content/images) is there to run.
            if (why != null && absent(image)) {
                return Optional.of("needs image " + image + ", which the lesson did not make (" + why + ")");
            }
            // Started from an image the engine lacks, docker would pull it: that hangs where no registry answers.
            if (absent(image)) {
                return Optional.of("needs a registry to pull " + image + ": it is not on the engine and content/images"
                        + " has no recipe for it; docproof never pulls implicitly");
            }
        }
        for (Need need : StepNeeds.of(step)) {
            Optional<String> lacking = switch (need.kind()) {
                case PROGRAM -> missingPrograms(List.of(need.what())).stream().findFirst()
                        .map(p -> "needs the program " + p + ", which the session lacks");
                case INTERNET -> reachability.internet(need.what()) ? Optional.empty()
                        : Optional.of("needs the internet" + (need.what() == null ? "" : " (" + need.what() + ")")
                        + ", which the session cannot reach");
                case REGISTRY -> reachability.registry() ? Optional.empty()
                        : Optional.of("needs a registry" + (need.what() == null ? "" : " to pull " + need.what())
                        + ", which the session cannot reach; docproof never pulls implicitly"
                        + (need.what() != null && !absent(need.what()) ? "; the engine has the image already (provided"
                        + " offline), so the steps that use it run" : ""));
            };
            if (lacking.isPresent()) {
                return lacking;
            }
        }
        // A step meant to end with 127 (`course = "x"`: command not found) shows a missing program: that is its point.
        List<String> programs = Integer.valueOf(COMMAND_NOT_FOUND).equals(step.marks().expectExit()) ? List.of()
                : missingPrograms(Needs.programs(command));
        if (!programs.isEmpty()) {
            return Optional.of("needs the program" + (programs.size() == 1 ? " " : "s ") + String.join(", ", programs)
                    + ", which the session lacks");
        }
        Optional<String> plugin = Needs.dockerPlugins(command).stream().filter(this::lacksPlugin).findFirst();
        if (plugin.isPresent()) {
            return Optional.of("needs the docker " + plugin.get() + " plugin (`docker " + plugin.get()
                    + "`), which the session's docker client lacks");
        }
        return BuildBase.missing(command, session, ledger).map(image -> "needs image " + image
                + " to build from, which the engine lacks and docproof never pulls; add a recipe under content/images/"
                + ImageRef.parse(image).repository() + "/ and run: ./docproof engine");
    }

    private boolean absent(String image) {
        try {
            return !ledger.missingImages(List.of(image)).isEmpty();
        } catch (EngineException e) {
            return false; // the step itself meets the engine's trouble, and says so
        }
    }

    /** The programs the session cannot find ({@code command -v}), asked once per name. */
    private List<String> missingPrograms(List<String> programs) {
        List<String> unknown = programs.stream().filter(p -> !programsFound.contains(p)).toList();
        if (unknown.isEmpty()) {
            return List.of();
        }
        String probe = "for p in " + unknown.stream().map(dev.docproof.shell.ShellWords::quote)
                .collect(Collectors.joining(" ")) + "; do command -v \"$p\" >/dev/null 2>&1 || echo \"$p\"; done";
        ShellSession.Execution e = session.ask(probe, LOOKUP);
        List<String> missing = e.output().stdout().lines().map(String::strip).filter(unknown::contains).toList();
        unknown.stream().filter(p -> !missing.contains(p)).forEach(programsFound::add);
        return missing;
    }

    /**
     * Whether the session's docker client lacks a plugin: without it, {@code docker NAME --help} prints docker's own
     * usage ({@code docker [OPTIONS] COMMAND}) and exits 0, so the usage line is what tells. Asked once per name.
     */
    private boolean lacksPlugin(String plugin) {
        return pluginsLacking.computeIfAbsent(plugin, p -> {
            ShellSession.Execution e = session.ask(pluginProbe(p), LOOKUP);
            return e.output().stdout().contains("lacking");
        });
    }

    /** A command that prints {@code lacking} when the docker client has no plugin named {@code plugin}. */
    static String pluginProbe(String plugin) {
        return "docker " + plugin + " --help 2>&1 | grep -qE '^Usage: +docker " + plugin + "( |$)' || echo lacking";
    }

    private Decision bind(Step step) {
        String command = step.command();
        List<Binding.Slot> slots = step.writesFile() ? List.of() : Binding.slots(command, this::exists);
        if (slots.isEmpty()) {
            return step.kind() == StepKind.TEMPLATE ? new Decision.Template(null) : new Decision.Run(command, null);
        }
        Binding.Proposal proposal = Binding.propose(command, step.section(), slots, candidates(step));
        if (proposal instanceof Binding.Proposal.Run run) {
            if (step.kind() == StepKind.TEMPLATE && !runsBound(step, run.command())) {
                return new Decision.Template(null);
            }
            return new Decision.Run(run.command(), run.evidence());
        }
        Binding.Proposal.Open open = (Binding.Proposal.Open) proposal;
        // Only a choice is worth a note: a template nothing could fill is what its author meant it to be.
        String why = open.candidates().size() > 1 ? open.reason() : null;
        // An author's id that cannot be bound is run as written: the engine says what it makes of it.
        return step.kind() == StepKind.TEMPLATE ? new Decision.Template(why) : new Decision.Run(command, null);
    }

    /**
     * Whether a template, bound, is run to check it: only when no runnable step is an instance of it (an instance
     * checks it already) and the bound command only reads ({@link ReadOnly}); one that may change state never runs.
     */
    private boolean runsBound(Step template, String bound) {
        return !instantiated.contains(template) && ReadOnly.onlyReads(bound);
    }

    /** Whether an id or name names a resource the engine has now. */
    private boolean exists(String idOrName) {
        try {
            return ledger.now().byId().values().stream()
                    .anyMatch(r -> r.id().startsWith(idOrName) || r.name().equals(idOrName));
        } catch (EngineException e) {
            return false;
        }
    }

    /** What the lesson made before the step and still has: its containers, networks, volumes and images. */
    private List<Binding.Candidate> candidates(Step step) {
        List<Binding.Candidate> candidates = new ArrayList<>();
        for (LedgerEntry e : ledger.entries()) {
            if (e.preExisting() || e.createdAtLine() >= step.line() || !e.present()) {
                continue;
            }
            // A name the engine made up changes every run: the short id says the same and is what docker prints.
            boolean named = namedByLesson(e);
            String value = named ? e.resource().name() : e.resource().id().substring(0, 12);
            candidates.add(new Binding.Candidate(e.resource().kind(), value, e.createdAtLine(), e.createdInSection(),
                    e.resource().kind().jsonName() + " " + e.resource().name() + " made at line " + e.createdAtLine()
                            + " and still there"));
        }
        made.forEach((image, line) -> {
            if (line < step.line()) {
                candidates.add(new Binding.Candidate(ResourceKind.IMAGE, image, line, "",
                        "image " + image + " made at line " + line));
            }
        });
        return candidates;
    }

    private boolean namedByLesson(LedgerEntry e) {
        return e.resource().kind() != ResourceKind.CONTAINER || lessonNames.contains(e.resource().name());
    }
}
