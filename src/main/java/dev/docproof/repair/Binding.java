package dev.docproof.repair;

import dev.docproof.shell.DockerArguments;
import dev.docproof.shell.DockerCli;
import dev.docproof.shell.Placeholders;
import dev.docproof.shell.ResourceKind;
import dev.docproof.shell.ShellWords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds what the author left open — a placeholder of any spelling, or an id copied from the author's own run
 * that names nothing here — to the resource of the right kind the lesson itself made, by the rule a missing
 * argument is repaired with ({@link LessonMade}, as {@link GapRepair} uses it). Pure: the run hands in the
 * candidates with their evidence.
 *
 * <p>The rule names one candidate for every slot → the command runs with them; none or a tie for any slot → the
 * step stays a template and the candidates are named, because a wrong guess is worse than a step not run.
 */
public final class Binding {

    /** Something in a command to bind: a placeholder, or an author's id; {@code kind} null when unknown. */
    public record Slot(String written, int start, int end, ResourceKind kind, boolean authorValue) {}

    /** A resource the lesson made before the step, in {@code section} at {@code line}, with the evidence for it. */
    public record Candidate(ResourceKind kind, String name, int line, String section, String evidence) {}

    /** The binding of one slot. */
    public record Bound(Slot slot, Candidate to) {}

    /** What the evidence allows. */
    public sealed interface Proposal {
        /** Every slot has one candidate: run {@code command}. */
        record Run(String command, List<Bound> bindings) implements Proposal {
            public Run {
                bindings = List.copyOf(bindings);
            }

            /** {@code {container id} → web (created at lesson.rst:12)}, for reports. */
            public String evidence() {
                return bindings.stream().map(b -> b.slot().written() + " → " + b.to().name() + " (" + b.to().evidence() + ")")
                        .collect(Collectors.joining("; "));
            }
        }

        /** Not bound: why, and the candidates considered. */
        record Open(String reason, List<Candidate> candidates) implements Proposal {
            public Open {
                candidates = List.copyOf(candidates);
            }
        }
    }

    private Binding() {}

    /**
     * The slots of {@code command}: its placeholders, and its author's ids unless {@code exists} says the id
     * names a resource the engine has.
     */
    public static List<Slot> slots(String command, java.util.function.Predicate<String> exists) {
        List<Slot> slots = new ArrayList<>();
        List<Placeholders.Placeholder> placeholders = Placeholders.find(command);
        // The lexer would read <name> as a redirection: each placeholder stands as a plain word of its length.
        StringBuilder plain = new StringBuilder(command);
        placeholders.forEach(p -> plain.replace(p.start(), p.end(), "x".repeat(p.end() - p.start())));
        for (Placeholders.Placeholder p : placeholders) {
            ResourceKind kind = p.kind() != null ? p.kind() : kindAt(plain.toString(), p.start()).orElse(null);
            slots.add(new Slot(p.text(), p.start(), p.end(), kind, false));
        }
        for (Placeholders.AuthorValue v : Placeholders.authorValues(command)) {
            if (!exists.test(v.text())) {
                slots.add(new Slot(v.text(), v.start(), v.end(), kindAt(plain.toString(), v.start()).orElse(null), true));
            }
        }
        slots.sort(Comparator.comparingInt(Slot::start));
        return slots;
    }

    /**
     * Binds every slot of {@code command}, a step of {@code section}, to the candidate of its kind the gap repair's
     * rule names ({@link LessonMade}: the step's own section first, then the most recently made; a tie names
     * nothing); {@code candidates} are those made before the step and still there.
     */
    public static Proposal propose(String command, String section, List<Slot> slots, List<Candidate> candidates) {
        if (slots.isEmpty()) {
            return new Proposal.Open("nothing to bind", List.of());
        }
        List<Bound> bindings = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.kind() == null) {
                return new Proposal.Open("cannot tell what kind of resource " + slot.written() + " stands for", List.of());
            }
            List<Candidate> fit = candidates.stream().filter(c -> c.kind() == slot.kind()).toList();
            List<Candidate> best = LessonMade.best(fit, section, Candidate::section, Candidate::line);
            if (best.size() != 1) {
                String what = best.isEmpty() ? "the lesson made no " + slot.kind().jsonName() + " before this step"
                        : best.size() + " " + slot.kind().jsonName() + "s made by the lesson fit equally well: "
                        + best.stream().map(c -> c.name() + " (line " + c.line() + ")").collect(Collectors.joining(", "));
                return new Proposal.Open(slot.written() + ": " + what, best);
            }
            bindings.add(new Bound(slot, best.get(0)));
        }
        StringBuilder bound = new StringBuilder(command);
        for (int i = bindings.size() - 1; i >= 0; i--) {
            Bound b = bindings.get(i);
            bound.replace(b.slot().start(), b.slot().end(), ShellWords.quote(b.to().name()));
        }
        return new Proposal.Run(bound.toString(), bindings);
    }

    /** The kind of resource the docker argument at {@code offset} is, from the command's shape. */
    static Optional<ResourceKind> kindAt(String command, int offset) {
        return DockerArguments.of(command).stream()
                .filter(a -> offset >= a.word().start() && offset < a.word().end()).findFirst()
                .flatMap(a -> kindOf(a.call(), a.n()));
    }

    private static Optional<ResourceKind> kindOf(DockerCli.Call call, int n) {
        String name = call.command();
        if ((name.equals("run") || name.equals("create") || name.equals("push")) && n == 0) {
            return Optional.of(ResourceKind.IMAGE);
        }
        if (name.equals("tag") && n <= 1) {
            return Optional.of(ResourceKind.IMAGE);
        }
        CommandShape shape = CommandShape.named(call.spelling());
        if (shape == null) {
            shape = CommandShape.named(name);
        }
        if (shape == null) {
            return Optional.empty();
        }
        List<Argument> arguments = shape.arguments();
        // Commands such as stop and rm take any number of the same kind after their last listed argument.
        Argument argument = arguments.get(Math.min(n, arguments.size() - 1));
        return Optional.ofNullable(argument.kind);
    }
}
