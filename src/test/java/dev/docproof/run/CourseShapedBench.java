package dev.docproof.run;

import org.zeroturnaround.exec.ProcessExecutor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runner (in one warm JVM) against a plain bash script running the same course-shaped commands
 * with the same repair and clean-up, alternating A B A B; prints each pair, the medians and the ratio.
 * Run by bench/check-runner.sh. Args: PAIRS.
 */
public final class CourseShapedBench {

    private CourseShapedBench() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Long> runner = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            CourseShapedLesson a = new CourseShapedLesson();
            long t = System.nanoTime();
            LessonResult r = CourseRunner.run(List.of(a.plan()),
                    new RunSettings(Duration.ofSeconds(60), false, true, Path.of("content")), RunListener.NONE,
                    a.collaborators()).lessons().get(0);
            runner.add((System.nanoTime() - t) / 1_000_000);
            if (r.tally().failed() > 0 || r.setupError() != null) {
                throw new IllegalStateException("the runner's lesson failed: " + r);
            }

            CourseShapedLesson b = new CourseShapedLesson();
            StringBuilder script = new StringBuilder();
            b.commands().values().forEach(c -> script.append(c).append('\n'));
            script.append("docker network remove ").append(b.network).append('\n')
                    .append("docker rm -f ").append(b.client).append('\n')
                    .append("docker network rm ").append(b.myNetwork).append('\n');
            t = System.nanoTime();
            int code = new ProcessExecutor("bash", "-c", script.toString()).redirectOutput(null)
                    .timeout(300, TimeUnit.SECONDS).execute().getExitValue();
            floor.add((System.nanoTime() - t) / 1_000_000);
            if (code != 0) {
                throw new IllegalStateException("the plain bash floor exited " + code);
            }
            System.out.printf("pair %d: runner %d ms, plain bash %d ms%n", i, runner.get(i - 1), floor.get(i - 1));
        }
        long a = median(runner);
        long b = median(floor);
        System.out.printf("runner, warm JVM (median of %d): %d ms%n", pairs, a);
        System.out.printf("plain bash floor (median of %d): %d ms%n", pairs, b);
        System.out.printf("ratio: %.3fx%n", (double) a / b);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
