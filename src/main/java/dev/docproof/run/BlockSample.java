package dev.docproof.run;

import dev.docproof.lesson.Step;
import dev.docproof.verify.MatchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a sample below a block of several commands is compared with ({@link dev.docproof.lesson.Sample#earlierSteps()}).
 * An author may show the last command's output alone, or what the block printed together: the sample is compared
 * with its own step's output, then joined with that of the block's steps before it, one more at a time from the
 * nearest, until it matches; a sample that never does is judged against what the whole block printed.
 */
public final class BlockSample {

    private BlockSample() {}

    /**
     * @param before the lesson's results so far, the block's earlier steps last
     * @param match  compares the sample with an output
     */
    static MatchResult match(Step step, Output own, List<StepResult> before, Function<Output, MatchResult> match) {
        List<Output> earlier = earlier(step, before, before.size());
        MatchResult result = match.apply(own);
        for (int k = 1; k <= earlier.size() && !result.matched(); k++) {
            result = match.apply(joined(earlier.subList(earlier.size() - k, earlier.size()), own));
        }
        return result;
    }

    /** What the whole block printed, up to and with the step {@code steps.get(index)}, for its sample. */
    public static Output whole(List<StepResult> steps, int index) {
        StepResult own = steps.get(index);
        return joined(earlier(own.step(), steps, index), own.output());
    }

    /** The outputs of the block's steps before {@code step}, which stand last among the {@code end} first results. */
    private static List<Output> earlier(Step step, List<StepResult> results, int end) {
        int n = Math.min(step.sample().earlierSteps(), end);
        return results.subList(end - n, end).stream().map(StepResult::output).toList();
    }

    private static Output joined(List<Output> earlier, Output own) {
        List<Output> all = new ArrayList<>(earlier);
        all.add(own);
        return Output.joined(all);
    }
}
