package dev.docproof.run;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.StepKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} ({@code --shard K/N}, K from 1): a stable share of a course's
 * lessons for one of N CI runners. Lessons are dealt by path, the longest first (most steps that run), each
 * to the shard with the fewest steps so far, so the shards take about the same time and every runner
 * computes the same split from the same lessons, however it spelled the paths that found them.
 */
public record Shard(int index, int count) {

    private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d+)");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /** Reads {@code K/N}; empty when the text is not of that form or K is not within 1..N. */
    public static Optional<Shard> parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int k = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            return k >= 1 && k <= n ? Optional.of(new Shard(k, n)) : Optional.empty();
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** This shard's lessons, in the order they were given. */
    public List<Plan> select(List<Plan> plans) {
        List<Plan> byWeight = new ArrayList<>(plans);
        // Lessons of a weight in the order of where they are, not of how the command line spelled the paths that
        // found them (`content`, `./content`, `$PWD/content`), which may differ from one runner to another.
        byWeight.sort(Comparator.comparingLong(Shard::runnable).reversed()
                .thenComparing(p -> p.lesson().source().toAbsolutePath().normalize().toString()));
        long[] load = new long[count];
        List<Plan> mine = new ArrayList<>();
        for (Plan plan : byWeight) {
            int lightest = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            load[lightest] += Math.max(1, runnable(plan));
            if (lightest == index - 1) {
                mine.add(plan);
            }
        }
        return plans.stream().filter(mine::contains).toList();
    }

    /** The steps that will run: a step marked skip (in the lesson or by docproof.yml) takes no time. */
    private static long runnable(Plan plan) {
        return plan.steps().stream().filter(s -> s.kind() == StepKind.RUN && s.marks().skip() == null).count();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
