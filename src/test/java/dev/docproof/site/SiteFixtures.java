package dev.docproof.site;

import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.Repair;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Leak;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Output;
import dev.docproof.run.Status;
import dev.docproof.run.Outcome;
import dev.docproof.run.StepResult;
import dev.docproof.verify.MatchResult;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fixture lesson built as a reader would build it, with every kind of node and text that AsciiDoc or
 * HTML would misread, plus constructed run results: passed, failed with a diff, repaired, illustrative,
 * not run, and leaks.
 */
final class SiteFixtures {

    static final Path FIXTURE = Path.of("src/test/resources/site/fixture.rst");
    static final Path SECOND = Path.of("src/test/resources/site/second.rst");
    static final String TRICKY = "Stars *a* _b_ +c+ {attr} <script>alert('x')</script> a|b [[id]] ++++ "
            + "std:: vector;; `tick` pass:[raw] link:http://evil[x] \\ end]";
    static final Instant STARTED = Instant.parse("2026-11-30T10:00:00Z");

    private SiteFixtures() {}

    static SourceSpan at(Path file, int line) {
        return new SourceSpan(file, line, 1);
    }

    static SourceSpan at(int line) {
        return at(FIXTURE, line);
    }

    static Node.Paragraph para(int line, Inline... inlines) {
        return new Node.Paragraph(at(line), List.of(inlines));
    }

    static Inline.Text text(String text) {
        return new Inline.Text(text);
    }

    static Node.CodeBlock shellBlock() {
        return new Node.CodeBlock(at(38), "bash", Map.of(), List.of(
                "# create the network",                        // 40
                "$ docker network create net-x",               // 41
                "",                                            // 42
                "$ echo '<script>alert(1)</script>'",          // 43
                "<script>alert(1)</script>",                   // 44
                "",                                            // 45
                "$ docker network inspect <network name>",     // 46
                "",                                            // 47
                "$ docker network remove ",                    // 48
                "",                                            // 49
                "$ curl -v server:8080/message",               // 50
                "* Connected to server (172.28.0.2) port 8080", // 51
                "----",                                        // 52
                "include::/etc/passwd[]",                      // 53
                "$ rm -rf /tmp/x \\",                          // 54
                "    && echo done"), 40);                      // 55
    }

    static Step step(int line, StepKind kind, String command, Sample sample) {
        return new Step(at(line), line, kind, command, sample, "Other section");
    }

    static Lesson lesson() {
        List<Node> first = new ArrayList<>();
        first.add(para(6, text(TRICKY + " "), new Inline.Literal("docker run -p <host>:<container>"), text(" and "),
                new Inline.Emphasis("home"), text(" and "), new Inline.Strong("published port"), text(", "),
                new Inline.Link("loopback", "https://example.org/a--b?x=1&y=[2]", null), text(", "),
                new Inline.Link("the other section", null, "other-section"), text(", "),
                new Inline.Link("the docs", null, "docs"), text(", "),
                new Inline.Link("a bad link", "javascript:alert(1)", null), text(", "),
                new Inline.Role("kbd", "Ctrl-C"), text(", "), new Inline.Substitution("version")));
        first.add(new Node.Target(at(7), "docs", "https://docs.docker.com/network/"));
        int line = 8;
        for (String kind : List.of("note", "tip", "warning", "important", "caution", "danger", "attention", "hint", "error")) {
            first.add(new Node.Admonition(at(line), kind, List.of(), List.of(para(line + 1, text("A " + kind + " <b>callout</b>.")))));
            line += 2;
        }
        first.add(new Node.Admonition(at(27), "admonition", List.of(text("Heads <up>")), List.of(para(28, text("Generic.")))));
        first.add(new Node.Comment(at(29), "SECRET-COMMENT must never be shown"));
        first.add(new Node.ListBlock(at(30), false, List.of(
                new Node.ListItem(at(30), List.of(para(30, text("first item "), new Inline.Literal("--name")),
                        new Node.ListBlock(at(31), true, List.of(
                                new Node.ListItem(at(31), List.of(para(31, text("nested one")))),
                                new Node.ListItem(at(32), List.of(para(32, text("nested two")))))))),
                new Node.ListItem(at(33), List.of(para(33, text("* not a nested item")), para(34, text("second paragraph")))))));
        first.add(new Node.DefinitionList(at(35), List.of(new Node.Definition(at(35), List.of(text("TERM:: tricky; term")),
                List.of(para(36, text("Its definition.")))))));
        first.add(new Node.FieldList(at(37), List.of(new Node.Field(at(37), "Author", List.of(para(37, text("Jane <Doe>")))))));
        first.add(new Node.BlockQuote(at(37), List.of(para(37, text("Quoted wisdom.")))));
        first.add(new Node.Table(at(37), List.of(List.of(List.of(para(37, text("Name"))), List.of(para(37, text("Value"))))),
                List.of(List.of(List.of(para(37, text("a|b"))), List.of(para(37, text("<i>x</i>")))))));
        first.add(new Node.Image(at(37), "images/diagram.png", Map.of("alt", "A diagram"), true,
                List.of(para(37, text("The diagram")))));
        first.add(new Node.Image(at(37), "https://example.org/remote.png", Map.of(), false, List.of()));
        first.add(new Node.LineBlock(at(37), List.of(List.of(text("line one")), List.of(text("line two")))));
        first.add(new Node.Transition(at(37)));
        first.add(new Node.Directive(at(37), "exotic", "arg", Map.of(), List.of("body <line>")));

        List<Node> second = List.of(
                para(39, text("Run these:")),
                shellBlock(),
                new Node.CodeBlock(at(57), "python", Map.of(), List.of("print(\"<b>hi</b>\")"), 59));
        first.add(new Node.Section(at(38), 2, List.of(text("Other section")), "Other section", List.of("other-section"), second));

        Node.Section top = new Node.Section(at(3), 1, List.of(text("Fixture "), new Inline.Literal("<lesson>")),
                "Fixture <lesson>", List.of("fixture-lesson"), first);
        return new Lesson(FIXTURE, Lesson.Format.RST, "Fixture <lesson>",
                List.of(new Node.Target(at(1), "fixture-lesson", null), top), List.of());
    }

    static Plan plan() {
        Lesson lesson = lesson();
        Node.CodeBlock block = shellBlock();
        List<Step> steps = List.of(
                step(41, StepKind.RUN, "docker network create net-x", Sample.NONE),
                step(43, StepKind.RUN, "echo '<script>alert(1)</script>'", new Sample(List.of("<script>alert(1)</script>"), 44)),
                step(46, StepKind.TEMPLATE, "docker network inspect <network name>", Sample.NONE),
                step(48, StepKind.RUN, "docker network remove", Sample.NONE),
                step(50, StepKind.RUN, "curl -v server:8080/message",
                        new Sample(List.of("* Connected to server (172.28.0.2) port 8080", "----", "include::/etc/passwd[]"), 51)),
                new Step(at(54), 55, StepKind.RUN, "rm -rf /tmp/x \\\n    && echo done", Sample.NONE, "Other section"));
        return new Plan(lesson, List.of(new PlannedBlock(block, steps)),
                List.of(Diagnostic.warning(at(37), "unknown directive \"exotic\" <kept>")));
    }

    static LessonResult result(Plan plan) {
        List<Step> s = plan.steps();
        MatchResult none = new MatchResult(MatchResult.Outcome.NO_SAMPLE, List.of(), List.of(), null);
        List<StepResult> results = List.of(
                new StepResult(s.get(0), new Outcome.Ran(), out("4f2a9c\n"), 0, Duration.ofMillis(120), List.of()),
                new StepResult(s.get(1), new Outcome.Passed(new MatchResult(MatchResult.Outcome.MATCHED, List.of(),
                        List.of(), null), 44), out("<script>alert(1)</script>\n"), 0, Duration.ofMillis(5), List.of()),
                StepResult.notRun(s.get(2), Outcome.NotRun.TEMPLATE),
                new StepResult(s.get(3), new Outcome.Repaired(new Repair("docker network remove",
                        "docker network remove networking-test",
                        "network networking-test was created at line 41 and is the only one the lesson left"),
                        new Outcome.Ran()), out("networking-test\n"), 0, Duration.ofMillis(300), List.of()),
                new StepResult(s.get(4), new Outcome.Mismatch(new MatchResult(MatchResult.Outcome.MISMATCHED,
                        List.of("172.28.0.2 → 172.18.0.3"), List.of("1 line after line 51"),
                        "@@ -51,3 +51,2 @@\n * Connected to server (172.28.0.2) port 8080\n-----\n-include::/etc/passwd[]\n+<html>oops</html>\n"),
                        51), out("* Connected to server (172.18.0.3) port 8080\n<html>oops</html>\n"), 0,
                        Duration.ofMillis(900), List.of()),
                StepResult.notRun(s.get(5), new Outcome.NotRun(Outcome.NotRun.Why.AFTER_FAIL_FAST, 50)));
        List<Leak> leaks = List.of(new Leak(ResourceKind.NETWORK, "net-x", 41, true),
                new Leak(ResourceKind.CONTAINER, "<client>", 0, false));
        List<LedgerEntry> ledger = List.of(new LedgerEntry(new Resource(ResourceKind.NETWORK, "4f2a9c", "net-x"), 41, "Other section", 0));
        return new LessonResult(plan, results, leaks, ledger, List.of(), STARTED, Duration.ofMillis(1325), null);
    }

    static Output out(String merged) {
        return new Output(merged, merged, "");
    }

    static Plan secondPlan() {
        Node.CodeBlock block = new Node.CodeBlock(at(SECOND, 5), "bash", Map.of(), List.of("$ docker network ls"), 7);
        Lesson lesson = new Lesson(SECOND, Lesson.Format.RST, "Second", List.of(
                new Node.Section(at(SECOND, 1), 1, List.of(text("Second")), "Second", List.of(), List.of(
                        new Node.Paragraph(at(SECOND, 3), List.of(text("See "), new Inline.Link("the fixture", null, "other-section"))),
                        block))), List.of());
        Step step = new Step(at(SECOND, 7), 7, StepKind.RUN, "docker network ls", Sample.NONE, "Second");
        return new Plan(lesson, List.of(new PlannedBlock(block, List.of(step))), List.of());
    }

    static SiteModel site() {
        Plan plan = plan();
        Plan second = secondPlan();
        LessonResult secondResult = new LessonResult(second, List.of(new StepResult(second.steps().get(0), new Outcome.Ran(),
                out("NETWORK ID   NAME\n"), 0, Duration.ofMillis(40), List.of())), List.of(), List.of(), List.of(), STARTED,
                Duration.ofMillis(200), null);
        CourseResult course = new CourseResult(List.of(result(plan), secondResult), "20.10.24", STARTED, Duration.ofMillis(4321));
        return SiteModel.ofRun(List.of(plan, second), course);
    }
}
