package dev.docproof.plan;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.shell.ShellWords;
import dev.docproof.shell.ShellWords.Word;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which runnable steps of a lesson are instances of each of its templates. A step is an instance when its
 * command matches the template's: the same program and subcommand, the template's options present with
 * matching values in any order, the arguments in order, each placeholder standing for one or more words
 * (or for part of a word, {@code <alias>:<port>}) and an elision ({@code ...}) for any number of words,
 * options included. Pure.
 */
public final class TemplateInstances {

    private TemplateInstances() {}

    /** Per template of the plan, in order, its instances (possibly none). */
    public static Map<Step, List<Step>> of(Plan plan) {
        // each command is read once, not once per pair: a lesson has many templates and many steps
        List<Read> runnable = plan.steps().stream().filter(s -> s.kind() == StepKind.RUN)
                .map(step -> new Read(step, shapes(ShellWords.commands(step.command())))).toList();
        Map<Step, List<Step>> found = new LinkedHashMap<>();
        for (Step template : plan.steps()) {
            if (template.kind() == StepKind.TEMPLATE) {
                OpenText open = OpenText.of(template.command());
                List<CommandShape> wanted = shapes(open.commands());
                found.put(template, runnable.stream().filter(step -> matches(open, wanted, step.shapes()))
                        .map(Read::step).toList());
            }
        }
        return found;
    }

    /** Whether {@code command} is an instance of {@code template}. */
    public static boolean matches(String template, String command) {
        OpenText open = OpenText.of(template);
        return matches(open, shapes(open.commands()), shapes(ShellWords.commands(command)));
    }

    private static boolean matches(OpenText open, List<CommandShape> wanted, List<CommandShape> actual) {
        if (wanted.isEmpty() || wanted.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!new Unifier(open).shapes(wanted.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private record Read(Step step, List<CommandShape> shapes) {}

    private static List<CommandShape> shapes(List<ShellWords.Command> commands) {
        return commands.stream().map(c -> CommandShape.of(c.words())).toList();
    }

    /** Matching of one template command, whose open parts {@code open} knows, against one actual command. */
    private record Unifier(OpenText open) {

        boolean shapes(CommandShape t, CommandShape a) {
            if (t.head().isEmpty() || !t.head().equals(a.head())) {
                return false;
            }
            boolean elided = t.arguments().stream().anyMatch(open::isElision);
            if (!options(t.options(), a.options(), elided)) {
                return false;
            }
            if (!sequence(t.arguments(), 0, a.arguments(), 0)) {
                return false;
            }
            if (t.inner() == null) {
                return a.inner() == null || elided;
            }
            return a.inner() != null && shapes(t.inner(), a.inner());
        }

        private boolean options(List<CommandShape.Option> wanted, List<CommandShape.Option> actual, boolean elided) {
            List<CommandShape.Option> left = new ArrayList<>(actual);
            for (CommandShape.Option option : wanted) {
                CommandShape.Option hit = left.stream()
                        .filter(o -> o.flag().equals(option.flag()) && value(option.value(), o.value()))
                        .findFirst().orElse(null);
                if (hit == null) {
                    return false;
                }
                left.remove(hit);
            }
            return left.isEmpty() || elided;
        }

        private boolean value(Word wanted, Word actual) {
            if (wanted == null || actual == null) {
                return wanted == actual;
            }
            return word(wanted, actual);
        }

        /** Whether template words from {@code t} on match actual words from {@code a} on. */
        private boolean sequence(List<Word> t, int ti, List<Word> a, int ai) {
            if (ti == t.size()) {
                return ai == a.size();
            }
            Word w = t.get(ti);
            if (open.isElision(w)) {
                for (int next = ai; next <= a.size(); next++) {
                    if (sequence(t, ti + 1, a, next)) {
                        return true;
                    }
                }
                return false;
            }
            if (ai == a.size()) {
                return false;
            }
            if (open.isWholeOpen(w)) {
                for (int next = ai + 1; next <= a.size(); next++) {
                    if (sequence(t, ti + 1, a, next)) {
                        return true;
                    }
                }
                return false;
            }
            return word(w, a.get(ai)) && sequence(t, ti + 1, a, ai + 1);
        }

        private boolean word(Word wanted, Word actual) {
            if (!open.isOpen(wanted) && !wanted.text().contains("...")) {
                return wanted.text().equals(actual.text());
            }
            return Pattern.compile(open.pattern(wanted), Pattern.DOTALL).matcher(actual.text()).matches();
        }
    }
}
