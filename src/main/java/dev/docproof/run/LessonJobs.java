package dev.docproof.run;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Runs lessons up to {@code jobs} at a time and hands their results, and what the listener hears, in
 * the lessons' order: whatever finishes first, the reports read as a run of one lesson after another.
 */
final class LessonJobs {

    private LessonJobs() {}

    static List<LessonResult> run(List<Plan> plans, int jobs, RunListener listener,
                                  BiFunction<Plan, RunListener, LessonResult> lesson) {
        if (jobs <= 1 || plans.size() <= 1) {
            return plans.stream().map(plan -> lesson.apply(plan, listener)).toList();
        }
        InOrder ordered = new InOrder(listener, plans.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, plans.size()), task -> {
            Thread t = new Thread(task, "docproof-lesson");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<LessonResult>> running = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                Plan plan = plans.get(i);
                RunListener heard = ordered.lesson(i);
                running.add(pool.submit(() -> lesson.apply(plan, heard)));
            }
            List<LessonResult> results = new ArrayList<>();
            for (Future<LessonResult> r : running) {
                results.add(r.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while lessons ran", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Passes the first unfinished lesson's events through as they happen and holds the others' back
     * until every lesson before them has finished.
     */
    static final class InOrder {
        private final RunListener out;
        private final List<List<Consumer<RunListener>>> held = new ArrayList<>();
        private final boolean[] finished;
        private final java.util.TreeMap<Integer, Path> running = new java.util.TreeMap<>();
        private int head;

        InOrder(RunListener out, int lessons) {
            this.out = out;
            this.finished = new boolean[lessons];
            for (int i = 0; i < lessons; i++) {
                held.add(new ArrayList<>());
            }
        }

        RunListener lesson(int index) {
            return new RunListener() {
                @Override
                public void lessonStarted(Plan plan) {
                    running(index, plan.lesson().source());
                    hear(index, l -> l.lessonStarted(plan), false);
                }

                @Override
                public void stepStarted(Step step) {
                    hear(index, l -> l.stepStarted(step), false);
                }

                @Override
                public void stepFinished(StepResult result) {
                    hear(index, l -> l.stepFinished(result), false);
                }

                @Override
                public void lessonFinished(LessonResult result) {
                    running(index, null);
                    hear(index, l -> l.lessonFinished(result), true);
                }

                @Override
                public void setupProgress(String message) {
                    hear(index, l -> l.setupProgress(message), false);
                }
            };
        }

        /** Tells the listener which lessons run now, as they start ({@code source}) and finish (null). */
        private synchronized void running(int index, Path source) {
            if (source == null) {
                running.remove(index);
            } else {
                running.put(index, source);
            }
            out.lessonsRunning(List.copyOf(running.values()));
        }

        private synchronized void hear(int index, Consumer<RunListener> event, boolean last) {
            if (index == head) {
                event.accept(out);
            } else {
                held.get(index).add(event);
            }
            if (last) {
                finished[index] = true;
            }
            // Once the head lesson is done, the next one catches up with what it said meanwhile.
            while (head < finished.length && finished[head]) {
                head++;
                if (head < finished.length) {
                    held.get(head).forEach(e -> e.accept(out));
                    held.get(head).clear();
                }
            }
        }
    }
}
