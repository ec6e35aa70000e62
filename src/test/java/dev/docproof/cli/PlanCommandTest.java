package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {

    private static final String FIXTURE = "src/test/resources/cli/networking.md";

    private record Result(int code, String out, String err) {}

    /** The clients' help is read once per version into target/cli-help; later runs say nothing about it. */
    @org.junit.jupiter.api.BeforeAll
    static void helpIsCached() {
        CliHelps.load(new PrintWriter(java.io.Writer.nullWriter()));
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void planListsEachBlockWithItsStepsKindsAndSamples() {
        Result result = run("plan", FIXTURE);

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                src/test/resources/cli/networking.md: 2 shell blocks, 2 runnable steps, 1 template
                block at line 5 (bash)
                      7 run      docker network create docproof-cli-net
                      8 template docker network inspect <network name> \\
                                     --format '{{.Name}}'
                                 (template: placeholder <network name>)
                                 (binds <network name> to the network the lesson made)
                block at line 14 (console)
                     15 run      docker network ls --filter name=docproof-cli-net
                                 sample at line 17:
                                 | NETWORK ID     NAME               DRIVER    SCOPE
                                 | ...            docproof-cli-net   bridge    local
                src/test/resources/cli/networking.md:8:3: note: template `docker network inspect <network name> --format '{{.Name}}'` is unverified: no runnable step of the lesson is an instance of it; it only reads, so a run binds it from evidence and runs it where it can
                """);
        assertThat(result.code()).isEqualTo(Main.OK);
    }

    /** A run binds a template only to run it: never one that changes state, nor one a runnable step already checks. */
    @Test
    void templatesARunNeverBindsShowNoBinding(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("lesson.md");
        Files.writeString(lesson, """
                # Networks

                ```bash
                $ docker network create <network name>
                $ docker network create docproof-plan-net
                $ docker network connect <network name> <container name>
                $ docker network ls --filter name=<network name>
                $ docker network inspect <network name>
                $ docker network inspect docproof-plan-net
                ```
                """);

        Result text = run("plan", lesson.toString());
        Result json = run("plan", "--format", "json", lesson.toString());

        assertThat(text.code()).isEqualTo(Main.OK);
        // create and inspect: an instance follows; connect: it changes state; ls: it only reads, nothing checks it
        assertThat(text.out()).containsOnlyOnce("(binds").contains("""
                      7 template docker network ls --filter name=<network name>
                                 (template: placeholder <network name>)
                                 (binds <network name> to the network the lesson made)
                """).contains("""
                      8 template docker network inspect <network name>
                                 (template: placeholder <network name>)
                                 (instances: line 9)
                """);
        JsonNode steps = new ObjectMapper().readTree(json.out()).at("/lessons/0/blocks/0/steps");
        assertThat(steps).extracting(step -> step.get("line").asInt() + ":" + step.get("bindings").size())
                .containsExactly("4:0", "5:0", "6:0", "7:1", "8:0", "9:0");
    }

    @Test
    void aStepRunningAFullScreenProgramOrOneThatPrintsUntilStoppedSaysHowItRuns(@TempDir Path dir) throws IOException {
        Path lesson = Files.writeString(dir.resolve("lesson.md"), """
                # Editing

                ```console
                $ nano notes.txt
                $ top -b -n 1 | head -1
                $ docker logs -f web
                ```
                """);

        Result text = run("plan", lesson.toString());

        assertThat(text.out()).contains("      4 run      nano notes.txt\n"
                + "                 (needs a person at a terminal: nano; skipped when run)\n"
                + "      5 run      top -b -n 1 | head -1\n"
                + "      6 run      docker logs -f web\n"
                + "                 (prints until stopped: runs 5.0s, then gets Ctrl-C)\n");
    }

    /** A step that reaches the engine around the lesson's labelling socket is a warning at its word; one that only names DOCKER_HOST is not. */
    @Test
    void aStepThatTalksToTheEngineAroundTheLedgerIsAWarningSayingWhatToWriteInstead(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("lesson.md");
        Files.writeString(lesson, """
                # Remote engines

                ```console
                $ echo $DOCKER_HOST
                $ docker run -e DOCKER_HOST=tcp://docker:2375 --rm docker:cli version
                $ docker -H unix:///var/run/docker.sock run -d --name web nginx
                $ export DOCKER_HOST=tcp://10.0.0.5:2375
                ```
                """);

        Result text = run("plan", lesson.toString());
        Result json = run("plan", "--format", "json", lesson.toString());

        assertThat(text.code()).isEqualTo(Main.OK);
        assertThat(text.out()).contains(lesson + ":6:10: warning: `docker -H` talks to an engine around docproof's"
                + " ledger: what it creates is not recorded in the lesson's ledger, so it is never reported as a leak"
                + " and, with --isolation host, never removed (the next run is refused a name it took); leave the"
                + " option out: the lesson's DOCKER_HOST already leads to the engine\n");
        assertThat(text.out()).contains(lesson + ":7:10: warning: `DOCKER_HOST=tcp://10.0.0.5:2375` sends every later"
                + " docker command of the lesson around docproof's ledger");
        JsonNode findings = new ObjectMapper().readTree(json.out()).at("/lessons/0/findings");
        assertThat(findings).extracting(f -> f.get("line").asInt() + ":" + f.get("kind").asText() + ":" + f.get("severity").asText())
                .containsExactly("6:ledger-bypass:warning", "7:ledger-bypass:warning");
    }

    @Test
    void jsonKeepsTheDocumentedShape() {
        Result result = run("plan", "--format", "json", FIXTURE);

        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isEqualTo(Main.OK);
        assertThat(result.out()).isEqualTo("""
                {
                  "diagnostics" : [ ],
                  "lessons" : [ {
                    "source" : "src/test/resources/cli/networking.md",
                    "format" : "markdown",
                    "title" : "A small network lesson",
                    "diagnostics" : [ ],
                    "files" : [ ],
                    "blocks" : [ {
                      "line" : 5,
                      "language" : "bash",
                      "firstLine" : 6,
                      "steps" : [ {
                        "line" : 7,
                        "column" : 3,
                        "lastLine" : 7,
                        "kind" : "run",
                        "command" : "docker network create docproof-cli-net",
                        "section" : "Make a network",
                        "file" : null,
                        "skip" : null,
                        "markers" : [ ],
                        "needs" : [ ],
                        "bindings" : [ ],
                        "sample" : [ ],
                        "sampleLine" : null,
                        "sampleOfEarlierSteps" : 0
                      }, {
                        "line" : 8,
                        "column" : 3,
                        "lastLine" : 9,
                        "kind" : "template",
                        "command" : "docker network inspect <network name> \\\\\\n    --format '{{.Name}}'",
                        "section" : "Make a network",
                        "reason" : "placeholder <network name>",
                        "instances" : [ ],
                        "file" : null,
                        "skip" : null,
                        "markers" : [ ],
                        "needs" : [ ],
                        "bindings" : [ {
                          "written" : "<network name>",
                          "kind" : "network",
                          "authorValue" : false
                        } ],
                        "sample" : [ ],
                        "sampleLine" : null,
                        "sampleOfEarlierSteps" : 0
                      } ]
                    }, {
                      "line" : 14,
                      "language" : "console",
                      "firstLine" : 15,
                      "steps" : [ {
                        "line" : 15,
                        "column" : 3,
                        "lastLine" : 15,
                        "kind" : "run",
                        "command" : "docker network ls --filter name=docproof-cli-net",
                        "section" : "Look at it",
                        "file" : null,
                        "skip" : null,
                        "markers" : [ ],
                        "needs" : [ ],
                        "bindings" : [ ],
                        "sample" : [ "NETWORK ID     NAME               DRIVER    SCOPE", "...            docproof-cli-net   bridge    local" ],
                        "sampleLine" : 17,
                        "sampleOfEarlierSteps" : 0
                      } ]
                    } ],
                    "findings" : [ {
                      "line" : 8,
                      "column" : 3,
                      "kind" : "unverified-template",
                      "severity" : "note",
                      "message" : "template `docker network inspect <network name> --format '{{.Name}}'` is unverified: no runnable step of the lesson is an instance of it; it only reads, so a run binds it from evidence and runs it where it can",
                      "suggestion" : null,
                      "evidence" : null
                    } ]
                  } ]
                }
                """);
    }

    @Test
    void jsonParsesAndCarriesTheStepFields() throws IOException {
        JsonNode root = new ObjectMapper().readTree(run("plan", "--format=json", FIXTURE).out());

        JsonNode step = root.path("lessons").path(0).path("blocks").path(1).path("steps").path(0);
        assertThat(step.path("kind").asText()).isEqualTo("run");
        assertThat(step.path("sample").size()).isEqualTo(2);
        assertThat(step.path("sampleLine").asInt()).isEqualTo(17);
    }

    @Test
    void missingFileExitsTwoWithItsPositionAndAHint() {
        Result result = run("plan", "content/no-such-lesson.rst");

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                content/no-such-lesson.rst:1:1: error: no such file or folder
                docproof: nothing was planned; correct or remove the path above
                """);
        assertThat(result.code()).isEqualTo(Main.SETUP_ERROR);
    }

    @Test
    void folderWithoutLessonsExitsTwo() {
        Result result = run("plan", "src/test/resources/cli/empty-folder");

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                src/test/resources/cli/empty-folder:1:1: error: folder holds no lessons (.rst, .md, .adoc)
                docproof: nothing was planned; correct or remove the path above
                """);
        assertThat(result.code()).isEqualTo(Main.SETUP_ERROR);
    }

    @Test
    void aFolderWithALinkLoopIsStillPlannedAsCheckRunsIt(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/a.md"), "# A\n\n```console\n$ echo hi\n```\n");
        Files.createSymbolicLink(dir.resolve("sub/up"), dir);

        Result result = run("plan", dir.toString());

        assertThat(result.err()).contains(dir.resolve("sub/up") + ":1:1: warning: skipped: a symbolic link to a folder"
                + " that holds it (a loop)").doesNotContain("nothing was planned");
        assertThat(result.out()).contains(dir.resolve("sub/a.md") + ": 1 shell block, 1 runnable step");
        assertThat(result.code()).isEqualTo(Main.OK);
    }

    @Test
    void controlCharactersOfAFileNameOrASampleReachTheTerminalEscaped(@TempDir Path dir) throws IOException {
        Path lesson = Files.writeString(dir.resolve("evil\u001b]0;title\u0007.md"),
                "# T\n\n```console\n$ echo hi\n\u001b[2Jcleared\u009b\n```\n");

        Result result = run("plan", lesson.toString());

        assertThat(result.code()).isEqualTo(Main.OK);
        assertThat(result.out()).contains(dir + "/evil\\x1b]0;title\\x07.md: 1 shell block")
                .contains("| \\x1b[2Jcleared\\x9b").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void aMissingPathBesideAReadableLessonExitsTwoNamingItAndPlansNothing() {
        Result result = run("plan", "missing-folder", FIXTURE);

        assertThat(result.err()).isEqualTo("missing-folder:1:1: error: no such file or folder\n"
                + "docproof: nothing was planned; correct or remove the path above\n");
        assertThat(result.out()).isEmpty();
        assertThat(result.code()).isEqualTo(Main.SETUP_ERROR);
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAndTheRestOfTheLessonIsStillPlanned(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("latin1.md");
        String before = "# Caf";
        String after = "\n\n```bash\n$ echo still read\n```\n";
        byte[] bytes = (before + "\u0000" + after).getBytes(StandardCharsets.US_ASCII);
        bytes[before.length()] = (byte) 0xE9; // "é" as Latin-1 writes it
        Files.write(lesson, bytes);

        Result result = run("plan", lesson.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(lesson + ": 1 shell block, 1 runnable step, 0 templates\n"
                + lesson + ":1:6: error: not UTF-8: byte 0xe9 read as U+FFFD; save the file as UTF-8\n"
                + "block at line 3 (bash)\n"
                + "      4 run      echo still read\n");
        assertThat(result.code()).isEqualTo(Main.FAILURES);
    }

    @Test
    void includesAreReadFromTheFolderNamedAsCheckReadsThemAndTheirBlocksStandAtTheInclude(@TempDir Path course) throws IOException {
        Files.createDirectories(course.resolve("files"));
        Files.writeString(course.resolve("files/Dockerfile"), "FROM launchcodedevops/simple-http\n");
        Path lesson = Files.createDirectories(course.resolve("part")).resolve("build.rst");
        Files.writeString(lesson, """
                Build
                =====

                .. literalinclude:: ../files/Dockerfile
                   :caption: Dockerfile
                """);

        Result result = run("plan", course.toString());

        assertThat(result.out()).isEqualTo(lesson + ": 1 shell block, 1 runnable step, 0 templates\n"
                + "block at line 4 (no language): " + course.resolve("files/Dockerfile") + " from line 1\n"
                + "      1 run      cat > Dockerfile <<'DOCPROOF_EOF'\n"
                + "                 FROM launchcodedevops/simple-http\n"
                + "                 DOCPROOF_EOF\n"
                + "                 (writes the block to Dockerfile)\n");
        assertThat(result.code()).isEqualTo(Main.OK);
    }

    @Test
    void unknownFormatIsAUsageError() {
        Result result = run("plan", "--format", "xml", FIXTURE);

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("docproof: Invalid value for option '--format': expected one of"
                + " [text, json] (case-sensitive) but was 'xml'\nsee 'docproof plan --help'\n");
        assertThat(result.code()).isEqualTo(Main.SETUP_ERROR);
    }

    @Test
    void noPathIsAUsageError() {
        Result result = run("plan");

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("docproof: Missing required parameter: 'FILE|DIR'\nsee 'docproof plan --help'\n");
        assertThat(result.code()).isEqualTo(Main.SETUP_ERROR);
    }
}
