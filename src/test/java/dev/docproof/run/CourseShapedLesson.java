package dev.docproof.run;

import dev.docproof.docker.LedgerTestEngine;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.Repair;
import dev.docproof.repair.GapRepair;
import dev.docproof.verify.MatchResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The course lesson's 16 runnable commands, at the lesson's own lines, with every fixed name
 * (networks, containers, the /tmp folder) made unique so it can run beside anyone else.
 */
final class CourseShapedLesson {

    static final Path FILE = Path.of("course-shaped.rst");

    final String suffix;
    final String myNetwork;
    final String network;
    final String server;
    final String client;
    final String folder;

    CourseShapedLesson() {
        String unique = LedgerTestEngine.uniqueName("lesson");
        suffix = unique.substring(unique.length() - 8);
        myNetwork = "docproof-test-run-my-network-" + suffix;
        network = "docproof-test-run-networking-test-" + suffix;
        server = "docproof-test-run-server-" + suffix;
        client = "docproof-test-run-client-" + suffix;
        folder = "/tmp/docproof-test-run-networking-test-" + suffix;
    }

    /** Line of the lesson → command, in document order. */
    Map<Integer, String> commands() {
        var m = new java.util.LinkedHashMap<Integer, String>();
        m.put(45, "docker network ls");
        m.put(55, "docker network inspect bridge");
        m.put(58, "docker network inspect bridge | sed -n '/Containers/,/Options/p'");
        m.put(101, "docker network ls");
        m.put(152, "docker network create " + myNetwork);
        m.put(194, "docker network create " + network);
        m.put(201, "mkdir " + folder);
        m.put(204, "echo 'using container aliases works!' > " + folder + "/message");
        m.put(211, "docker run -d --rm --name " + server + " --network " + network + " -v " + folder
                + "/:/var/www/:ro launchcodedevops/simple-http");
        m.put(221, "docker run -itd --name " + client + " --network " + network + " launchcodedevops/simple-client");
        m.put(227, "docker network inspect " + network);
        m.put(230, "docker network inspect " + network + " | sed -n '/Containers/,/Options/p'");
        m.put(241, "docker exec " + client + " curl -v " + server + ":8080/message");
        m.put(259, "docker stop " + server + " " + client);
        m.put(262, "docker network remove");
        m.put(265, "rm -rf " + folder);
        return m;
    }

    Plan plan() {
        List<Step> steps = new ArrayList<>();
        commands().forEach((line, command) -> steps.add(new Step(new SourceSpan(FILE, line, 3), line, StepKind.RUN,
                command, line == 241 ? new Sample(List.of("using container aliases works!"), 251) : Sample.NONE,
                "Section")));
        Lesson lesson = new Lesson(FILE, Lesson.Format.RST, "Course-shaped", List.of(), List.of());
        return new Plan(lesson, List.of(new PlannedBlock(new Node.CodeBlock(new SourceSpan(FILE, 43, 1), "bash",
                Map.of(), List.of(), 45), steps)), List.of());
    }

    /** The engine, a matcher that looks for the sample's last line in stdout, and a repair naming the network. */
    CourseRunner.Collaborators collaborators() {
        String version = LedgerTestEngine.client().versionCmd().exec().getVersion();
        return new CourseRunner.Collaborators(
                l -> new CourseRunner.EngineLink(version, dev.docproof.testsupport.TestEngine.ready(), () -> { }),
                (sample, file, merged, stdout, stderr) -> new MatchResult(
                        stdout.contains(sample.lines().get(sample.lines().size() - 1))
                                ? MatchResult.Outcome.MATCHED : MatchResult.Outcome.MISMATCHED, List.of(), List.of(), null),
                (step, output, ledger) -> new GapRepair.Proposal.Fill(
                        new Repair(step.command(), step.command() + " " + network, "network created at line 194")));
    }
}
