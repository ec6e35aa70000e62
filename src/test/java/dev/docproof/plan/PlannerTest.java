package dev.docproof.plan;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Node.CodeBlock;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlannerTest {

    private static final Path FILE = Path.of("lesson.md");

    private static CodeBlock block(String language, int firstLine, String... lines) {
        return new CodeBlock(new SourceSpan(FILE, firstLine - 1, 1), language, Map.of(), List.of(lines), firstLine, 0);
    }

    private static Plan plan(Node... nodes) {
        return Planner.plan(new Lesson(FILE, Lesson.Format.MARKDOWN, "t", List.of(nodes), List.of()));
    }

    @Test
    void promptLinesBecomeStepsStartingAfterThePrompt() {
        CodeBlock indented = new CodeBlock(new SourceSpan(FILE, 9, 1), "bash", Map.of(),
                List.of("$ docker network ls", "$  echo two"), 10, 4);

        List<Step> steps = plan(indented).steps();

        assertThat(steps).extracting(Step::line, s -> s.span().column(), Step::lastLine, Step::kind, Step::command)
                .containsExactly(tuple(10, 7, 10, StepKind.RUN, "docker network ls"),
                        tuple(11, 8, 11, StepKind.RUN, "echo two"));
        assertThat(steps.get(0).sample()).isEqualTo(Sample.NONE);
    }

    /**
     * A transcript shows the shell's secondary prompt before the lines a command continues on, as a terminal does; it
     * is no part of the command. A here-document's own {@code > } lines stay its content when its end is unprompted.
     */
    @Test
    void theSecondaryPromptOfContinuedLinesIsNoPartOfTheCommand() {
        List<Step> steps = plan(block("console", 1,
                "$ cat <<EOF > greeting.txt",
                "> hello",
                ">",
                "> EOF",
                "$ docker run --rm \\",
                ">   alpine echo hi",
                "hi",
                "$ cat <<EOF > quote.md",
                "> quoted",
                "EOF",
                "$ curl -v localhost:8080",
                "> GET / HTTP/1.1")).steps();

        assertThat(steps).extracting(Step::line, Step::lastLine, Step::command, s -> s.sample().lines()).containsExactly(
                tuple(1, 4, "cat <<EOF > greeting.txt\nhello\n\nEOF", List.of()),
                tuple(5, 6, "docker run --rm \\\n  alpine echo hi", List.of("hi")),
                tuple(8, 10, "cat <<EOF > quote.md\n> quoted\nEOF", List.of()),
                tuple(11, 11, "curl -v localhost:8080", List.of("> GET / HTTP/1.1")));
    }

    private static Node.Paragraph paragraph(int line, String text) {
        return new Node.Paragraph(new SourceSpan(FILE, line, 1), List.of(new Inline.Text(text)));
    }

    /** Courses often show a command's output in a block of its own right after the command's block. */
    @Test
    void anOutputBlockRightAfterAShellBlockIsTheSampleOfItsLastCommand() {
        Plan plan = plan(block("bash", 2, "$ docker volume create notes", "notes", "$ echo $GREETING"),
                block("text", 7, "", "hi", "there", ""),
                block("bash", 11, "$ docker ps"),
                block(null, 14, "CONTAINER ID   IMAGE"),
                block("console", 17, "$ docker network ls"),
                block("console", 20, "NETWORK ID     NAME"));

        assertThat(plan.steps()).extracting(Step::command, Step::sample).containsExactly(
                tuple("docker volume create notes", new Sample(List.of("notes"), 3)),
                tuple("echo $GREETING", new Sample(List.of("hi", "there"), 8)),
                tuple("docker ps", new Sample(List.of("CONTAINER ID   IMAGE"), 14)),
                tuple("docker network ls", new Sample(List.of("NETWORK ID     NAME"), 20)));
        assertThat(plan.diagnostics()).isEmpty(); // the console block of output alone is no transcript missing prompts
    }

    @Test
    void aSentenceThatAnnouncesOutputJoinsTheBlocksWhateverTheOutputsLanguage() {
        for (String sentence : List.of("Output:", "You should see something like this:", "The command prints:",
                "It returns the network's details:", "The response looks like this:",
                "The engine answers with the network's details:")) {
            Plan plan = plan(block("bash", 2, "docker network inspect demo"), paragraph(5, sentence),
                    block("json", 8, "[", "  {\"Name\": \"demo\"}", "]"));

            assertThat(plan.steps()).as(sentence).extracting(Step::sample)
                    .containsExactly(new Sample(List.of("[", "  {\"Name\": \"demo\"}", "]"), 8));
        }
    }

    /** Taking a block for output where the author meant something else would fail a step that is right. */
    @Test
    void aBlockIsNoOutputSampleUnlessItsPlaceSaysSo() {
        List<List<Node>> shown = List.of(
                // a sentence that says nothing of output
                List.of(block("bash", 2, "$ docker run -d app"), paragraph(5, "Then edit the settings:"),
                        block("text", 8, "debug = true")),
                // a block of another language with nothing to introduce it
                List.of(block("bash", 2, "$ docker run -d app"), block("yaml", 5, "services: {}")),
                // more than one sentence between
                List.of(block("bash", 2, "$ docker run -d app"), paragraph(5, "It starts."),
                        paragraph(7, "You should see:"), block("text", 9, "abc123")),
                // a command that shows its own output already
                List.of(block("console", 2, "$ echo hi", "hi"), block("text", 6, "hi again")),
                // a marker says what the block is
                List.of(block("bash", 2, "$ echo hi"), new Node.Comment(new SourceSpan(FILE, 5, 1),
                        "docproof: output: ignore"), block("text", 7, "hi")),
                // no shell block right before
                List.of(paragraph(2, "The output:"), block("text", 4, "hi")));
        List<List<Sample>> samples = shown.stream()
                .map(nodes -> plan(nodes.toArray(Node[]::new)).steps().stream().map(Step::sample).toList()).toList();

        assertThat(samples).containsExactly(List.of(Sample.NONE), List.of(Sample.NONE), List.of(Sample.NONE),
                List.of(new Sample(List.of("hi"), 3)), List.of(Sample.NONE), List.of());
    }

    @Test
    void belowAScriptOfSeveralCommandsTheSampleIsTheLastOnesWithTheOthersBeforeItAsFarBackAsTheScriptsStart() {
        List<Step> script = plan(block("bash", 2, "docker pull alpine", "docker run --rm alpine echo hi"),
                paragraph(5, "Output:"), block("text", 7, "hi")).steps();
        List<Step> transcript = plan(block("console", 2, "$ docker pull alpine", "$ docker run --rm alpine echo hi"),
                block("text", 6, "hi")).steps();

        assertThat(script).extracting(Step::sample).containsExactly(Sample.NONE, new Sample(List.of("hi"), 7, 1));
        assertThat(transcript).extracting(Step::sample).containsExactly(Sample.NONE, new Sample(List.of("hi"), 6, 0));
    }

    @Test
    void aCompoundCommandIsOneStepAsBashReadsIt() {
        List<Step> script = plan(block("bash", 1, "for name in alpha beta; do", "  echo \"c-$name\"", "done",
                "greet() {", "  echo \"hi $1\"", "}", "greet docker")).steps();
        List<Step> transcript = plan(block("console", 1, "$ if [ -d /etc ]; then", ">   echo yes", "> fi", "yes",
                "$ for ((i = 1; i <= 2; i++)); do", ">   echo \"$i\"", "> done", "1", "2")).steps();

        assertThat(script).extracting(Step::line, Step::command).containsExactly(
                tuple(1, "for name in alpha beta; do\n  echo \"c-$name\"\ndone"),
                tuple(4, "greet() {\n  echo \"hi $1\"\n}"), tuple(7, "greet docker"));
        assertThat(transcript).extracting(Step::command, Step::sample).containsExactly(
                tuple("if [ -d /etc ]; then\n  echo yes\nfi", new Sample(List.of("yes"), 4)),
                tuple("for ((i = 1; i <= 2; i++)); do\n  echo \"$i\"\ndone", new Sample(List.of("1", "2"), 8)));
    }

    @Test
    void aCompoundCommandLeftOpenIsAWarningAtItsFirstLine() {
        Plan plan = plan(block("bash", 1, "while true; do", "  echo forever"));

        assertThat(plan.steps()).extracting(Step::command).containsExactly("while true; do\n  echo forever");
        assertThat(plan.diagnostics()).extracting(d -> d.span().line(), Diagnostic::message).containsExactly(
                tuple(1, "the command is not finished (bash waits for `done`) when the block ends"));
    }

    @Test
    void theCommentsOfAPrintedFileAndAScriptsFirstLineAreOutputNotNarration() {
        List<Step> steps = plan(block("console", 1, "$ head -3 app/serve.sh", "#!/bin/bash",
                "# Writes a status page, then serves it.", "set -e", "$ docker ps", "# output", "CONTAINER ID")).steps();

        assertThat(steps).extracting(Step::sample).containsExactly(
                new Sample(List.of("#!/bin/bash", "# Writes a status page, then serves it.", "set -e"), 2),
                new Sample(List.of("CONTAINER ID"), 7));
    }

    @Test
    void aStepWhoseExitStatusTheNextStepEchoesIsMeantToEndWithIt() {
        List<Step> steps = plan(block("console", 1, "$ false", "$ echo $?", "1", "$ ls /nope",
                "$ echo \"exit code: $?\"", "exit code: 2", "$ true", "$ echo $?", "0", "$ grep -q x y", "$ echo $?",
                "1", "3")).steps();

        assertThat(steps).extracting(s -> s.marks().expectExit())
                .containsExactly(1, null, 2, null, null, null, null, null);
    }

    @Test
    void commentLinesAreNarrationNotSteps() {
        List<Step> steps = plan(block("bash", 1, "# list networks", "$ docker network ls", "# done")).steps();

        assertThat(steps).extracting(Step::command).containsExactly("docker network ls");
        assertThat(steps.get(0).sample().isEmpty()).isTrue();
    }

    @Test
    void aCommentTypedAtAPromptIsNarrationAndEndsTheStepBeforeIt() {
        List<Step> steps = plan(block("console", 1, "$ echo stored", "stored", "$ # the volume keeps the note \\",
                "$ cat note", "stored")).steps();

        assertThat(steps).extracting(Step::command).containsExactly("echo stored", "cat note");
        assertThat(steps).extracting(Step::sample).containsExactly(new Sample(List.of("stored"), 2),
                new Sample(List.of("stored"), 5));
    }

    @Test
    void trailingSpacesAreTrimmedFromCommands() {
        assertThat(plan(block("bash", 1, "$ docker network remove ")).steps())
                .extracting(Step::command).containsExactly("docker network remove");
    }

    @Test
    void placeholdersAndElisionsMakeTemplates() {
        List<Step> steps = plan(block("bash", 1,
                "$ docker network inspect <network name>",
                "$ docker run --name one --network net ...",
                "$ docker exec <container name> curl <alias>:<port> -v",
                "$ sort < in.txt > out.txt",
                "$ cat <<EOF > x", "hi", "EOF",
                "$ diff <(ls a) <(ls b)",
                "$ echo '<h1>hi</h1>' > index.html",
                "$ echo \"...\"")).steps();

        assertThat(steps).extracting(Step::kind).containsExactly(StepKind.TEMPLATE, StepKind.TEMPLATE,
                StepKind.TEMPLATE, StepKind.RUN, StepKind.RUN, StepKind.RUN, StepKind.RUN, StepKind.RUN);
    }

    @Test
    void templateReasonNamesThePlaceholderOrElision() {
        assertThat(Templates.reason("docker network create <network name>")).hasValue("placeholder <network name>");
        assertThat(Templates.reason("docker run --network my-network ...")).hasValue("elision ...");
        assertThat(Templates.reason("curl -H 'Authorization: Bearer <token>' x")).hasValue("placeholder <token>");
        assertThat(Templates.reason("cat <<-'EOF' 2>&1")).isEmpty();
    }

    @Test
    void continuationLinesJoinIntoOneCommand() {
        List<Step> steps = plan(block("bash", 5,
                "$ docker run -d \\",
                "    --name server \\  ",
                "    nginx",
                "$ echo next")).steps();

        assertThat(steps).extracting(Step::line, Step::lastLine, Step::command).containsExactly(
                tuple(5, 7, "docker run -d \\\n    --name server \\\n    nginx"),
                tuple(8, 8, "echo next"));
    }

    @Test
    void hereDocumentBodiesJoinTheCommandUpToTheirDelimiter() {
        List<Step> steps = plan(block("bash", 1,
                "$ cat <<'EOF' > /tmp/x",
                "$ not a prompt inside a here-document",
                "  keep  ",
                "EOF",
                "$ cat <<-END",
                "\tbody",
                "\tEND",
                "$ wc -l /tmp/x")).steps();

        assertThat(steps).extracting(Step::line, Step::lastLine, Step::command).containsExactly(
                tuple(1, 4, "cat <<'EOF' > /tmp/x\n$ not a prompt inside a here-document\n  keep  \nEOF"),
                tuple(5, 7, "cat <<-END\n\tbody\n\tEND"),
                tuple(8, 8, "wc -l /tmp/x"));
    }

    @Test
    void unclosedHereDocumentAndDanglingContinuationAreWarned() {
        Plan plan = plan(block("bash", 1, "$ cat <<EOF", "text"), block("bash", 10, "$ echo a \\"));

        assertThat(plan.steps()).extracting(Step::command).containsExactly("cat <<EOF\ntext", "echo a \\");
        assertThat(plan.diagnostics()).extracting(d -> d.span().line(), Diagnostic::severity, Diagnostic::message)
                .containsExactly(
                        tuple(1, Diagnostic.Severity.WARNING, "the here-document <<EOF is not closed before the block ends"),
                        tuple(10, Diagnostic.Severity.WARNING, "the command continues (`\\`) past the end of the block"));
    }

    @Test
    void outputAfterACommandIsItsSampleKeepingInnerBlanksAndTrimmingTrailingOnes() {
        List<Step> steps = plan(block("console", 20,
                "$ ls",
                "a",
                "",
                "b",
                "",
                "",
                "$ pwd",
                "/tmp")).steps();

        assertThat(steps.get(0).sample()).isEqualTo(new Sample(List.of("a", "", "b"), 21));
        assertThat(steps.get(1).sample()).isEqualTo(new Sample(List.of("/tmp"), 27));
    }

    @Test
    void outputAfterACommentStillBelongsToTheCommandBeforeIt() {
        List<Step> steps = plan(block("bash", 1,
                "$ curl -v server:8080/message",
                "",
                "# output",
                "# we can see how the alias was resolved",
                "...",
                "# not a comment once the output started",
                "using container aliases works!")).steps();

        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).sample()).isEqualTo(new Sample(List.of("...",
                "# not a comment once the output started", "using container aliases works!"), 5));
    }

    @Test
    void outputWithNoCommandBeforeItIsWarnedOnce() {
        Plan plan = plan(block("bash", 3, "stray output", "more", "$ echo hi", "hi"));

        assertThat(plan.steps()).extracting(Step::command).containsExactly("echo hi");
        assertThat(plan.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "lesson.md:3:1: warning: output with no command before it; commands start with a `$ ` prompt");
    }

    /**
     * A transcript written with a prompt docproof does not read (a {@code #} root prompt) runs nothing; the warning
     * says which line reads how, and what to write instead.
     */
    @Test
    void aWarningAboutATranscriptWithOtherPromptsSaysWhatToWrite() {
        Plan rootPrompt = plan(block("console", 3, "# Who am I?", "# whoami", "root", "$ echo hi", "hi"));
        Plan onlyRoot = plan(block("console", 3, "# apt-get update"));
        Plan comment = plan(block("console", 3, "# the list of containers", "CONTAINER ID   IMAGE"));

        assertThat(rootPrompt.steps()).extracting(Step::command).containsExactly("echo hi");
        assertThat(rootPrompt.diagnostics()).extracting(Diagnostic::toString).containsExactly("lesson.md:5:1: warning:"
                + " output with no command before it; commands start with a `$ ` prompt; `#` lines are comments, not a root"
                + " prompt: if `# whoami` is a command to run as root, write `$ sudo whoami`");
        assertThat(onlyRoot.diagnostics()).extracting(Diagnostic::message).containsExactly("a console block without"
                + " `$ ` prompts: its lines read as output, nothing to run; `#` lines are comments, not a root prompt: if"
                + " `# apt-get update` is a command to run as root, write `$ sudo apt-get update`");
        assertThat(comment.diagnostics()).extracting(Diagnostic::message).containsExactly("a console block without"
                + " `$ ` prompts: its lines read as output, nothing to run; `#` lines are comments, not a root prompt: if"
                + " `# the list of containers` is a command to run as root, write `$ sudo the list of containers`");
    }

    /**
     * A zsh transcript, as macOS courses show it, has {@code % } prompts: its commands run and the lines after them
     * are their output, never commands of a script; curl's {@code   % Total} header stays output.
     */
    @Test
    void aZshTranscriptWithPercentPromptsRunsItsCommandsAndKeepsTheirOutput() {
        List<Step> zsh = plan(block("zsh", 4, "% echo hello", "hello", "% curl -s localhost", "  % Total    % Received"))
                .steps();
        List<Step> mixed = plan(block("console", 4, "$ echo hi", "% not a prompt here")).steps();
        List<Step> script = plan(block("bash", 4, "cat > paper.tex <<EOF", "% preamble", "EOF")).steps();

        assertThat(zsh).extracting(Step::line, s -> s.span().column(), Step::command, s -> s.sample().lines())
                .containsExactly(tuple(4, 3, "echo hello", List.of("hello")),
                        tuple(6, 3, "curl -s localhost", List.of("  % Total    % Received")));
        assertThat(mixed).extracting(Step::command, s -> s.sample().lines())
                .containsExactly(tuple("echo hi", List.of("% not a prompt here")));
        assertThat(script).extracting(Step::command).containsExactly("cat > paper.tex <<EOF\n% preamble\nEOF");
    }

    @Test
    void aTranscriptWhosePromptsNameUserAndHostRunsItsCommandsAtTheirColumns() {
        List<Step> ubuntu = plan(block("console", 4, "Last login: Mon Nov 30 09:12:45 on ttys000", "student@ubuntu:~/app$ echo hello", "hello",
                "student@ubuntu:~/app$ ls", "app.py")).steps();
        List<Step> others = plan(block("console", 4, "[ada@centos ~]$ whoami", "ada", "root@server:/# id -u", "0")).steps();
        List<Step> mixed = plan(block("console", 4, "$ cat prompt.txt", "student@ubuntu:~$ echo not run")).steps();

        assertThat(ubuntu).extracting(Step::line, s -> s.span().column(), Step::command, s -> s.sample().lines())
                .containsExactly(tuple(5, 23, "echo hello", List.of("hello")), tuple(7, 23, "ls", List.of("app.py")));
        assertThat(others).extracting(Step::command, s -> s.sample().lines())
                .containsExactly(tuple("whoami", List.of("ada")), tuple("id -u", List.of("0")));
        assertThat(mixed).extracting(Step::command, s -> s.sample().lines())
                .containsExactly(tuple("cat prompt.txt", List.of("student@ubuntu:~$ echo not run")));
    }

    @Test
    void shellBlockWithoutPromptsIsAScriptOfCommands() {
        List<Step> steps = plan(block("sh", 1,
                "#!/bin/sh",
                "mkdir -p /tmp/x",
                "  cp a \\",
                "     /tmp/x",
                "",
                "ls /tmp/x")).steps();

        assertThat(steps).extracting(Step::line, s -> s.span().column(), Step::command).containsExactly(
                tuple(2, 1, "mkdir -p /tmp/x"), tuple(3, 3, "cp a \\\n     /tmp/x"), tuple(6, 1, "ls /tmp/x"));
        assertThat(steps).allSatisfy(s -> assertThat(s.sample().isEmpty()).isTrue());
    }

    @Test
    void consoleBlockWithoutPromptsIsOutputOnlyAndWarned() {
        Plan plan = plan(block("console", 4, "total 0", "drwx a"));

        assertThat(plan.blocks()).isEmpty();
        assertThat(plan.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "a console block without `$ ` prompts: its lines read as output, nothing to run");
    }

    @Test
    void blockWithoutLanguageIsShellOnlyWhenItCarriesPrompts() {
        Plan plan = plan(block(null, 1, "$ echo hi", "hi"), block(null, 5, "just text"),
                block("python", 9, "$ not shell"), block("yaml", 12, "a: 1"));

        assertThat(plan.blocks()).extracting(b -> b.block().firstLine()).containsExactly(1);
        assertThat(plan.steps()).extracting(Step::command).containsExactly("echo hi");
        assertThat(plan.diagnostics()).isEmpty();
    }

    @Test
    void blocksNestedAnywhereArePlannedInDocumentOrderWithTheirNearestSection() {
        Node.Section inner = new Node.Section(new SourceSpan(FILE, 10, 1), 2, List.of(new Inline.Text("Inner")),
                "Inner", List.of(), List.of(
                        new Node.Admonition(new SourceSpan(FILE, 11, 1), "note", List.of(),
                                List.of(block("bash", 13, "$ echo in-note"))),
                        new Node.ListBlock(new SourceSpan(FILE, 15, 1), false, List.of(
                                new Node.ListItem(new SourceSpan(FILE, 15, 1), List.of(
                                        new Node.BlockQuote(new SourceSpan(FILE, 16, 1),
                                                List.of(block("shell", 17, "$ echo in-list-quote")))))))));
        Node.Section outer = new Node.Section(new SourceSpan(FILE, 1, 1), 1, List.of(), "Outer", List.of(),
                List.of(block("zsh", 3, "$ echo first"), inner, block("bash", 30, "$ echo after-inner")));

        List<Step> steps = plan(block("bash", 0 + 1, "$ echo before"), outer).steps();

        assertThat(steps).extracting(Step::command, Step::section).containsExactly(
                tuple("echo before", ""), tuple("echo first", "Outer"), tuple("echo in-note", "Inner"),
                tuple("echo in-list-quote", "Inner"), tuple("echo after-inner", "Outer"));
    }

    @Test
    void readerDiagnosticsComeFirstInThePlan() {
        Diagnostic fromReader = Diagnostic.error(new SourceSpan(FILE, 1, 1), "bad");
        Plan plan = Planner.plan(new Lesson(FILE, Lesson.Format.MARKDOWN, "t",
                List.of(block("console", 3, "out")), List.of(fromReader)));

        assertThat(plan.diagnostics()).hasSize(2).first().isEqualTo(fromReader);
    }

    @Test
    void bareDollarPromptIsWarnedAndSkipped() {
        Plan plan = plan(block("bash", 1, "$", "$ echo ok"));

        assertThat(plan.steps()).extracting(Step::command).containsExactly("echo ok");
        assertThat(plan.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("a `$` prompt with no command after it; nothing to run here");
    }
}
