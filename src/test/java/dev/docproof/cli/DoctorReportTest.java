package dev.docproof.cli;

import dev.docproof.docker.ImageProvisioner.State;
import dev.docproof.docker.RunOwner;
import dev.docproof.docker.SandboxReaper;
import dev.docproof.shell.ImageRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorReportTest {

    private static final DoctorReport.EngineFacts UP =
            DoctorReport.EngineFacts.answering("20.10.24", "1.41", "socket /var/run/docker.sock");
    private static final ImageRef HTTP = ImageRef.parse("launchcodedevops/simple-http");
    private static final String HTTP_RECIPE = "content/images/launchcodedevops/simple-http";

    private static DoctorReport.ImageFacts http(Optional<State> state) {
        return new DoctorReport.ImageFacts(HTTP, state, Optional.of(HTTP_RECIPE), List.of("content/x.rst:211"));
    }

    private static DoctorReport.Report report(DoctorReport.EngineFacts engine, DoctorReport.ImageFacts... images) {
        return DoctorReport.of(new DoctorReport.Facts(engine, List.of("content"), 1, List.of(images), List.of()));
    }

    @Test
    void anAnsweringEngineWithEveryImagePresentIsReady() {
        DoctorReport.Report report = report(UP, http(Optional.of(State.PRESENT)));
        assertThat(report.ready()).isTrue();
        assertThat(report.lines()).containsExactly(
                "engine: Docker 20.10.24, API 1.41, found via socket /var/run/docker.sock",
                "lessons: 1 file under content run 1 image",
                "  launchcodedevops/simple-http:latest: present (content/x.rst:211)",
                "ready");
    }

    @Test
    void aBuildableImageIsAProblemFixedByTheEngineCommand() {
        DoctorReport.Report report = report(UP, http(Optional.of(State.BUILDABLE)));
        assertThat(report.ready()).isFalse();
        assertThat(report.lines()).containsSubsequence(
                "  launchcodedevops/simple-http:latest: PROBLEM: missing, buildable from recipe " + HTTP_RECIPE
                        + " (content/x.rst:211)",
                "    fix: ./docproof engine",
                "not ready: 1 problem");
    }

    @Test
    void aStaleImageIsAProblemFixedByTheEngineCommand() {
        assertThat(report(UP, http(Optional.of(State.STALE))).lines()).containsSubsequence(
                "  launchcodedevops/simple-http:latest: PROBLEM: present, but recipe " + HTTP_RECIPE
                        + " changed since it was built (content/x.rst:211)",
                "    fix: ./docproof engine");
    }

    @Test
    void aMissingImageWithoutRecipeSaysHowToProvideIt() {
        ImageRef other = ImageRef.parse("nginx:1.25");
        DoctorReport.Report report = report(UP,
                new DoctorReport.ImageFacts(other, Optional.of(State.MISSING), Optional.empty(), List.of("a.md:3")));
        assertThat(report.lines()).containsSubsequence(
                "  nginx:1.25: PROBLEM: missing, and content/images has no recipe for it (a.md:3)",
                "    fix: add content/images/nginx/Dockerfile, or where a registry is reachable:"
                        + " ./docproof engine --pull nginx:1.25");
    }

    @Test
    void anEngineThatDoesNotAnswerIsOneProblemAndImagesAreUnknown() {
        DoctorReport.Report report = report(DoctorReport.EngineFacts.down("No Docker engine answers.", false),
                http(Optional.empty()));
        assertThat(report.ready()).isFalse();
        assertThat(report.lines()).containsExactly(
                "engine: PROBLEM: No Docker engine answers.",
                "  fix: ./docproof engine",
                "lessons: 1 file under content run 1 image",
                "  launchcodedevops/simple-http:latest: unknown (no engine); buildable from recipe " + HTTP_RECIPE
                        + " (content/x.rst:211)",
                "not ready: 1 problem");
    }

    @Test
    void anEngineChosenByDockerHostIsTheUsersToStart() {
        assertThat(report(DoctorReport.EngineFacts.down("No Docker engine answers.", true)).lines())
                .contains("  fix: start the engine DOCKER_HOST names, or: unset DOCKER_HOST; ./docproof engine");
    }

    @Test
    void anEngineReachedOverTcpSaysHowDocproofSpeaksToIt() {
        DoctorReport.EngineFacts tls = DoctorReport.EngineFacts.answering("20.10.24", "1.41",
                "DOCKER_HOST=tcp://10.0.0.5:2376", "TLS (DOCKER_TLS_VERIFY), the engine's certificate verified against"
                        + " /certs/ca.pem, client certificate /certs/cert.pem");
        assertThat(report(tls).lines()).startsWith(
                "engine: Docker 20.10.24, API 1.41, found via DOCKER_HOST=tcp://10.0.0.5:2376",
                "  spoken to over TLS (DOCKER_TLS_VERIFY), the engine's certificate verified against /certs/ca.pem,"
                        + " client certificate /certs/cert.pem");
    }

    @Test
    void aTlsProblemGivesItsOwnFix() {
        assertThat(report(DoctorReport.EngineFacts.down("The Docker engine at tcp://10.0.0.5:2376 speaks TLS, and docproof"
                + " sent plain HTTP.", true, "Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH")).lines())
                .contains("  fix: Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH");
    }

    @Test
    void lessonProblemsCountAndAreListed() {
        DoctorReport.Report report = DoctorReport.of(new DoctorReport.Facts(UP, List.of("nowhere"), 0, List.of(),
                List.of("nowhere: no such file or folder")));
        assertThat(report.problems()).isEqualTo(1);
        assertThat(report.lines()).containsExactly(
                "engine: Docker 20.10.24, API 1.41, found via socket /var/run/docker.sock",
                "lessons: PROBLEM: nowhere: no such file or folder",
                "lessons: 0 files under nowhere run 0 images",
                "not ready: 1 problem");
    }

    @Test
    void sandboxesWhoseRunIsGoneAreLeftoversWithTheirFixAndThoseOfRunningRunsAreNotListed() {
        Instant t = Instant.parse("2026-12-01T21:40:03Z");
        RunOwner gone = new RunOwner("run1", 41, t, "vm", t, "content/x.rst");
        RunOwner live = new RunOwner("run2", 42, t, "vm", t, "content/y.rst");
        DoctorReport.Report report = DoctorReport.of(new DoctorReport.Facts(UP, List.of("content"), 0, List.of(),
                List.of(), List.of(
                new SandboxReaper.Found("aaaaaaaaaaaa1111", "lesson", gone, RunOwner.Liveness.GONE, "running"),
                new SandboxReaper.Found("bbbbbbbbbbbb2222", "lesson", live, RunOwner.Liveness.RUNNING, "running"))));
        assertThat(report.ready()).isFalse();
        assertThat(report.lines()).containsSubsequence(
                "sandboxes: PROBLEM: left over: sandbox aaaaaaaaaaaa (for content/x.rst, owner pid 41 on vm:"
                        + " gone, running)",
                "  fix: the next docproof check removes it, or: docker rm -f -v aaaaaaaaaaaa1111",
                "not ready: 1 problem");
        assertThat(report.lines()).noneMatch(line -> line.contains("bbbbbbbbbbbb"));
    }

    @Test
    void whatARunThatIsGoneLeftBesidesItsSandboxIsAProblemTheNextCheckFixes() {
        String left = "pid 4242 on vm, started 2026-12-01T21:40:03Z, lesson content/x.rst: container server";
        DoctorReport.Report report = DoctorReport.of(new DoctorReport.Facts(UP, List.of("content"), 1, List.of(), List.of(),
                List.of(), List.of(), List.of(left)));

        assertThat(report.ready()).isFalse();
        assertThat(report.lines()).containsSubsequence(
                "leftovers: PROBLEM: left by a docproof run that is gone: " + left,
                "  fix: the next docproof check removes it",
                "not ready: 1 problem");
    }
}
