package dev.docproof.plan;

import dev.docproof.lesson.Need;
import dev.docproof.lesson.Step;
import dev.docproof.shell.Needs;

import java.util.ArrayList;
import java.util.List;

/**
 * What a step needs from outside its session: what its markers and the course say, the non-local hosts its
 * addresses name, and the images it pulls. Pure; whether the session has them is the run's to find out, and
 * the programs a step runs are looked up there too.
 */
public final class StepNeeds {

    private StepNeeds() {}

    public static List<Need> of(Step step) {
        List<Need> needs = new ArrayList<>(step.marks().needs());
        if (step.writesFile()) {
            return needs;
        }
        Needs.internetHosts(step.command()).forEach(h -> add(needs, new Need(Need.Kind.INTERNET, h)));
        Needs.pulls(step.command()).forEach(i -> add(needs, new Need(Need.Kind.REGISTRY, i)));
        return List.copyOf(needs);
    }

    private static void add(List<Need> needs, Need need) {
        if (!needs.contains(need)) {
            needs.add(need);
        }
    }
}
