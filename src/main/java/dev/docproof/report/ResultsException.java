package dev.docproof.report;

import java.util.List;

/**
 * Results that cannot be read or merged: each problem a line of its own, starting with where it stands
 * ({@code shard-2.json: /lessons/0/steps/3: ...}, {@code content/x.rst: ...}) and saying what to do.
 */
public final class ResultsException extends Exception {

    private final List<String> problems;

    public ResultsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ResultsException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
