package dev.docproof.repair;

import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.docproof.shell.ResourceKind.CONTAINER;
import static dev.docproof.shell.ResourceKind.IMAGE;
import static dev.docproof.shell.ResourceKind.NETWORK;
import static dev.docproof.shell.ResourceKind.VOLUME;
import static org.assertj.core.api.Assertions.assertThat;

class GapRepairTest {

    static final Path FILE = Path.of("content/docker-networking.rst");
    static final String CUSTOM = "Custom Network Example";
    static final String TWO = "Two Containers and a Network";

    /** The 20.10 client's wording. */
    static final String NETWORK_RM_ERROR = """
            "docker network rm" requires at least 1 argument.
            See 'docker network rm --help'.

            Usage:  docker network rm NETWORK [NETWORK...]

            Remove one or more networks
            """;

    /** The 28 client's wording. */
    static final String NETWORK_RM_ERROR_28 = """
            docker: 'docker network rm' requires at least 1 argument

            Usage:  docker network rm NETWORK [NETWORK...]

            See 'docker network rm --help' for more information
            """;

    static Step step(int line, String section, String command) {
        return new Step(new SourceSpan(FILE, line, 3), line, StepKind.RUN, command, Sample.NONE, section);
    }

    static LedgerEntry created(ResourceKind kind, String name, int line, String section) {
        return new LedgerEntry(new Resource(kind, "id-" + name, name), line, section, 0);
    }

    static LedgerEntry removed(ResourceKind kind, String name, int line, String section, int removedAt) {
        return new LedgerEntry(new Resource(kind, "id-" + name, name), line, section, removedAt);
    }

    static LedgerEntry preExisting(ResourceKind kind, String name) {
        return new LedgerEntry(new Resource(kind, "id-" + name, name), 0, "", 0);
    }

    static Repair fill(GapRepair.Proposal proposal) {
        assertThat(proposal).isInstanceOf(GapRepair.Proposal.Fill.class);
        return ((GapRepair.Proposal.Fill) proposal).repair();
    }

    static GapRepair.Proposal.None none(GapRepair.Proposal proposal) {
        assertThat(proposal).isInstanceOf(GapRepair.Proposal.None.class);
        return (GapRepair.Proposal.None) proposal;
    }

    @Test
    void theLessonsMissingNetworkIsTheOneCreatedInTheSameSection() {
        // content/docker-networking.rst: my-network at 152, networking-test at 194, the gap at 262.
        List<LedgerEntry> ledger = List.of(
                preExisting(NETWORK, "bridge"), preExisting(NETWORK, "host"), preExisting(NETWORK, "none"),
                created(NETWORK, "my-network", 152, TWO),
                created(NETWORK, "networking-test", 194, CUSTOM),
                removed(CONTAINER, "server", 212, CUSTOM, 259),
                removed(CONTAINER, "client", 222, CUSTOM, 259));

        Repair repair = fill(GapRepair.propose(step(262, CUSTOM, "docker network remove"), NETWORK_RM_ERROR, ledger));

        assertThat(repair.originalCommand()).isEqualTo("docker network remove");
        assertThat(repair.command()).isEqualTo("docker network remove networking-test");
        assertThat(repair.evidence())
                .isEqualTo("networking-test: created at content/docker-networking.rst:194 and still present");
    }

    @Test
    void whitespaceThatEndedTheCommandDoesNotSurviveTheFill() {
        List<LedgerEntry> ledger = List.of(created(NETWORK, "networking-test", 194, CUSTOM));

        Repair repair = fill(GapRepair.propose(step(262, CUSTOM, "docker network remove  "), NETWORK_RM_ERROR, ledger));

        assertThat(repair.originalCommand()).isEqualTo("docker network remove  ");
        assertThat(repair.command()).isEqualTo("docker network remove networking-test");
    }

    @Test
    void recognisesTheNewerClientsWordingToo() {
        List<LedgerEntry> ledger = List.of(created(NETWORK, "networking-test", 194, CUSTOM));

        Repair repair = fill(GapRepair.propose(step(262, CUSTOM, "docker network rm"), NETWORK_RM_ERROR_28, ledger));

        assertThat(repair.command()).isEqualTo("docker network rm networking-test");
    }

    @Test
    void oneCandidateIsFilledInKeepingTheAuthorsSpelling() {
        List<LedgerEntry> ledger = List.of(created(VOLUME, "data", 10, "Volumes"));
        String error = "\"docker volume rm\" requires at least 1 argument.\nSee 'docker volume rm --help'.\n";

        Repair repair = fill(GapRepair.propose(step(20, "Volumes", "docker volume remove -f"), error, ledger));

        assertThat(repair.command()).isEqualTo("docker volume remove -f data");
        assertThat(repair.evidence()).isEqualTo("data: created at content/docker-networking.rst:10 and still present");
    }

    @Test
    void noCandidateIsRefused() {
        GapRepair.Proposal.None none = none(GapRepair.propose(step(262, CUSTOM, "docker network remove"),
                NETWORK_RM_ERROR, List.of()));

        assertThat(none.reason()).contains("needs a network").contains("the lesson created none");
        assertThat(none.candidates()).isEmpty();
    }

    @Test
    void twoCandidatesCreatedByTheSameStepAreATie() {
        List<LedgerEntry> ledger = List.of(created(VOLUME, "logs", 30, "Run"), created(VOLUME, "data", 30, "Run"));
        String error = "docker: 'docker volume rm' requires at least 1 argument\n";

        GapRepair.Proposal.None none = none(GapRepair.propose(step(40, "Run", "docker volume rm"), error, ledger));

        assertThat(none.reason()).contains("2 created by the lesson fit equally well").contains("logs").contains("data");
        assertThat(none.candidates()).extracting(e -> e.resource().name()).containsExactlyInAnyOrder("logs", "data");
    }

    @Test
    void aResourceThatExistedBeforeTheLessonIsNeverProposed() {
        List<LedgerEntry> ledger = List.of(preExisting(NETWORK, "networking-test"));

        GapRepair.Proposal.None none = none(GapRepair.propose(step(262, CUSTOM, "docker network remove"),
                NETWORK_RM_ERROR, ledger));

        assertThat(none.reason()).contains("networking-test existed before the lesson");
    }

    @Test
    void aCandidateAlreadyRemovedByAnEarlierStepIsNotProposed() {
        List<LedgerEntry> ledger = List.of(
                removed(NETWORK, "my-network", 152, TWO, 160),
                created(NETWORK, "networking-test", 194, CUSTOM));
        Repair repair = fill(GapRepair.propose(step(262, TWO, "docker network rm"), NETWORK_RM_ERROR, ledger));
        assertThat(repair.command()).isEqualTo("docker network rm networking-test");

        GapRepair.Proposal.None none = none(GapRepair.propose(step(262, TWO, "docker network rm"), NETWORK_RM_ERROR,
                List.of(removed(NETWORK, "my-network", 152, TWO, 160))));
        assertThat(none.reason()).contains("my-network was removed at line 160");
    }

    @Test
    void aResourceOfAnotherKindIsNeverProposed() {
        List<LedgerEntry> ledger = List.of(created(CONTAINER, "server", 212, CUSTOM), created(VOLUME, "v", 200, CUSTOM));

        GapRepair.Proposal.None none = none(GapRepair.propose(step(262, CUSTOM, "docker network remove"),
                NETWORK_RM_ERROR, ledger));

        assertThat(none.reason()).contains("needs a network");
        assertThat(none.candidates()).isEmpty();
    }

    @Test
    void theSameSectionWinsOverAMoreRecentResourceElsewhere() {
        List<LedgerEntry> ledger = List.of(
                created(NETWORK, "mine", 100, "Clean up"),
                created(NETWORK, "newer-elsewhere", 150, "Other"));

        Repair repair = fill(GapRepair.propose(step(200, "Clean up", "docker network rm"), NETWORK_RM_ERROR, ledger));

        assertThat(repair.command()).isEqualTo("docker network rm mine");
    }

    @Test
    void theMostRecentWinsAmongResourcesFromOtherSections() {
        List<LedgerEntry> ledger = List.of(
                created(NETWORK, "older", 100, "First"),
                created(NETWORK, "newer", 150, "Second"));

        Repair repair = fill(GapRepair.propose(step(200, "Clean up", "docker network rm"), NETWORK_RM_ERROR, ledger));

        assertThat(repair.command()).isEqualTo("docker network rm newer");
        assertThat(repair.evidence()).startsWith("newer: created at content/docker-networking.rst:150");
    }

    @Test
    void aStepWithoutAUsageErrorIsNeverChanged() {
        List<LedgerEntry> ledger = List.of(created(NETWORK, "networking-test", 194, CUSTOM));

        assertThat(GapRepair.propose(step(262, CUSTOM, "docker network remove"),
                "Error response from daemon: network networking-test has active endpoints\n", ledger))
                .isEqualTo(new GapRepair.Proposal.NoGap());
    }

    @Test
    void aTemplateIsNeverRepaired() {
        Step template = new Step(new SourceSpan(FILE, 98, 3), 98, StepKind.TEMPLATE, "docker network rm",
                Sample.NONE, "");
        assertThat(GapRepair.propose(template, NETWORK_RM_ERROR, List.of(created(NETWORK, "n", 50, ""))))
                .isEqualTo(new GapRepair.Proposal.NoGap());
    }

    @Test
    void containerCommandsInBothFormsGetAContainer() {
        List<LedgerEntry> ledger = List.of(created(CONTAINER, "web", 5, "S"), created(NETWORK, "net", 4, "S"));

        assertThat(fill(GapRepair.propose(step(9, "S", "docker stop"),
                "\"docker stop\" requires at least 1 argument.\n", ledger)).command()).isEqualTo("docker stop web");
        assertThat(fill(GapRepair.propose(step(9, "S", "docker container rm -f"),
                "docker: 'docker container rm' requires at least 1 argument\n", ledger)).command())
                .isEqualTo("docker container rm -f web");
        assertThat(fill(GapRepair.propose(step(9, "S", "docker logs --tail 5"),
                "\"docker logs\" requires exactly 1 argument.\n", ledger)).command())
                .isEqualTo("docker logs --tail 5 web");
    }

    @Test
    void anImageIsTakenOnlyFromImagesTheLessonBuilt() {
        List<LedgerEntry> ledger = List.of(preExisting(IMAGE, "debian:bookworm"), created(IMAGE, "my-app", 3, "Build"));

        assertThat(fill(GapRepair.propose(step(9, "Build", "docker rmi"),
                "docker: 'docker rmi' requires at least 1 argument\n", ledger)).command()).isEqualTo("docker rmi my-app");
        assertThat(fill(GapRepair.propose(step(9, "Build", "docker image remove"),
                "\"docker image rm\" requires at least 1 argument.\n", ledger)).command())
                .isEqualTo("docker image remove my-app");
    }

    @Test
    void connectGetsTheMissingContainerAfterTheNetwork() {
        List<LedgerEntry> ledger = List.of(created(NETWORK, "net", 4, "S"), created(CONTAINER, "web", 5, "S"));
        String error = "\"docker network connect\" requires exactly 2 arguments.\n";

        assertThat(fill(GapRepair.propose(step(9, "S", "docker network connect net"), error, ledger)).command())
                .isEqualTo("docker network connect net web");
    }

    @Test
    void connectGetsTheMissingNetworkBeforeTheContainer() {
        List<LedgerEntry> ledger = List.of(created(NETWORK, "net", 4, "S"), created(CONTAINER, "web", 5, "S"));
        String error = "docker: 'docker network connect' requires 2 arguments\n";

        assertThat(fill(GapRepair.propose(step(9, "S", "docker network connect --alias api web"), error, ledger))
                .command()).isEqualTo("docker network connect --alias api net web");
    }

    @Test
    void connectWithAWordTheLedgerDoesNotKnowIsRefused() {
        List<LedgerEntry> ledger = List.of(created(NETWORK, "net", 4, "S"), created(CONTAINER, "web", 5, "S"));
        String error = "\"docker network connect\" requires exactly 2 arguments.\n";

        assertThat(none(GapRepair.propose(step(9, "S", "docker network connect mystery"), error, ledger)).reason())
                .contains("cannot tell which argument");
        assertThat(none(GapRepair.propose(step(9, "S", "docker network connect"), error, ledger)).reason())
                .contains("lacks 2 arguments");
    }

    @Test
    void execGetsItsContainerButNeverAnInventedCommand() {
        List<LedgerEntry> ledger = List.of(created(CONTAINER, "client", 5, "S"));
        String error = "\"docker exec\" requires at least 2 arguments.\n";

        assertThat(fill(GapRepair.propose(step(9, "S", "docker exec -e A=1 ls"), error, ledger)).command())
                .isEqualTo("docker exec -e A=1 client ls");
        assertThat(none(GapRepair.propose(step(9, "S", "docker exec -it client"), error, ledger)).reason())
                .contains("lacks its command");
    }

    @Test
    void theGapIsFilledInTheRightCommandOfAListAndBeforeRedirections() {
        List<LedgerEntry> ledger = List.of(created(NETWORK, "net", 4, "S"));

        assertThat(fill(GapRepair.propose(step(9, "S", "docker network ls && docker network rm >/dev/null 2>&1; echo done"),
                NETWORK_RM_ERROR, ledger)).command())
                .isEqualTo("docker network ls && docker network rm net >/dev/null 2>&1; echo done");
    }

    @Test
    void aResourceCreatedAfterTheStepIsNotAWitness() {
        List<LedgerEntry> ledger = List.of(created(NETWORK, "later", 300, CUSTOM));

        assertThat(none(GapRepair.propose(step(262, CUSTOM, "docker network rm"), NETWORK_RM_ERROR, ledger)).reason())
                .contains("later is created later, at line 300");
    }

    @Test
    void aCommandDocproofDoesNotKnowIsRefused() {
        assertThat(none(GapRepair.propose(step(9, "S", "docker plugin rm"),
                "\"docker plugin rm\" requires at least 1 argument.\n", List.of())).reason())
                .contains("does not know which arguments `docker plugin rm` takes");
    }

    @Test
    void tooManyArgumentsIsNotAGap() {
        assertThat(GapRepair.propose(step(9, "S", "docker logs a b"),
                "\"docker logs\" requires at most 1 argument.\n", List.of(created(CONTAINER, "a", 1, "S"))))
                .isEqualTo(new GapRepair.Proposal.NoGap());
    }
}
