package dev.docproof.repair;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The one rule by which evidence names what the lesson made for a step, whether it completes a failed step
 * ({@link GapRepair}) or binds what an author left open ({@link Binding}): among the candidates that fit, one made
 * in the step's own section before one made elsewhere, then the most recently made. Several equally good is a tie,
 * and a tie names nothing: a wrong guess is worse than a reported gap. Pure.
 */
final class LessonMade {

    private LessonMade() {}

    /**
     * The best of {@code fit} by the rule: one element when it names one, several on a tie, none when none fit.
     *
     * @param section where each candidate was made ({@code ""} when unknown)
     * @param line    the line of the step that made it
     */
    static <T> List<T> best(List<T> fit, String stepSection, Function<T, String> section, ToIntFunction<T> line) {
        Comparator<T> preference = Comparator
                .comparing((T c) -> stepSection.equals(section.apply(c)) ? 0 : 1)
                .thenComparing(c -> -line.applyAsInt(c));
        List<T> ranked = fit.stream().sorted(preference).toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        T first = ranked.get(0);
        return ranked.stream().filter(c -> preference.compare(c, first) == 0).toList();
    }
}
