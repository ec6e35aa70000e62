package dev.docproof.lesson;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the lesson (through {@code docproof:} markers) or its course ({@code docproof.yml}) says about a step,
 * beyond its text. Every field is optional: null, empty or false when nothing was said.
 *
 * @param skip         why the step is not to be run; null when it is
 * @param file         the file the step writes its block into, relative to the session's working folder
 * @param expectExit   the exit code the step is meant to end with
 * @param timeout      the step's own deadline
 * @param background   set when the step runs in the background until the lesson ends
 * @param needs        what the step needs from outside the session
 * @param env          variables set for the step
 * @param ignoreOutput whether the documented output is only shown, never compared
 * @param written      the markers as written, {@code line: text}, for plan and reports
 */
public record Marks(String skip, String file, Integer expectExit, Duration timeout, Background background,
                    List<Need> needs, Map<String, String> env, boolean ignoreOutput, List<String> written) {

    /** Runs in the background; {@code ready} is the command that says it is up, null to wait for its port. */
    public record Background(String ready) {}

    public static final Marks NONE = new Marks(null, null, null, null, null, List.of(), Map.of(), false, List.of());

    public Marks {
        needs = List.copyOf(needs);
        env = Map.copyOf(env);
        written = List.copyOf(written);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public Marks withSkip(String reason) {
        return new Marks(reason, file, expectExit, timeout, background, needs, env, ignoreOutput, written);
    }

    public Marks withFile(String name) {
        return new Marks(skip, name, expectExit, timeout, background, needs, env, ignoreOutput, written);
    }

    public Marks withExpectExit(int code) {
        return new Marks(skip, file, code, timeout, background, needs, env, ignoreOutput, written);
    }

    public Marks withBackground(Background b) {
        return new Marks(skip, file, expectExit, timeout, b, needs, env, ignoreOutput, written);
    }

    /** These marks, with what {@code other} says where these say nothing; needs, env and markers add up. */
    public Marks over(Marks other) {
        List<Need> allNeeds = new java.util.ArrayList<>(other.needs);
        needs.stream().filter(n -> !allNeeds.contains(n)).forEach(allNeeds::add);
        Map<String, String> allEnv = new java.util.LinkedHashMap<>(other.env);
        allEnv.putAll(env);
        List<String> allWritten = new java.util.ArrayList<>(other.written);
        allWritten.addAll(written);
        return new Marks(skip != null ? skip : other.skip, file != null ? file : other.file,
                expectExit != null ? expectExit : other.expectExit, timeout != null ? timeout : other.timeout,
                background != null ? background : other.background, allNeeds, allEnv,
                ignoreOutput || other.ignoreOutput, allWritten);
    }
}
