package dev.docproof.repair;

import dev.docproof.shell.ResourceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding follows the gap repair's rule: the step's own section first, then the most recently made; a tie binds nothing. */
class BindingTest {

    private static final Binding.Candidate WEB =
            new Binding.Candidate(ResourceKind.CONTAINER, "web", 12, "Intro", "created at a.rst:12 and still present");
    private static final Binding.Candidate APP =
            new Binding.Candidate(ResourceKind.IMAGE, "my-app", 9, "", "built at a.rst:9");

    private static Binding.Proposal propose(String command, String section, Binding.Candidate... candidates) {
        return Binding.propose(command, section, Binding.slots(command, id -> false), List.of(candidates));
    }

    @Test
    void onePlaceholderOfAKindWithOneCandidateIsBoundWithItsEvidence() {
        Binding.Proposal p = propose("docker logs {container id}", "Intro", WEB, APP);

        assertThat(p).isInstanceOfSatisfying(Binding.Proposal.Run.class, run -> {
            assertThat(run.command()).isEqualTo("docker logs web");
            assertThat(run.evidence()).isEqualTo("{container id} → web (created at a.rst:12 and still present)");
        });
    }

    @Test
    void anAuthorsIdThatNamesNothingHereIsBoundByItsPosition() {
        assertThat(propose("docker stop 3f9a1c2be4d7", "Intro", WEB))
                .isInstanceOfSatisfying(Binding.Proposal.Run.class,
                        run -> assertThat(run.command()).isEqualTo("docker stop web"));
    }

    @Test
    void anIdThatNamesAResourceHereIsLeftAsWritten() {
        assertThat(Binding.slots("docker stop 3f9a1c2be4d7", id -> id.equals("3f9a1c2be4d7"))).isEmpty();
    }

    @Test
    void placeholderWithoutAKindWordTakesTheKindOfItsPosition() {
        assertThat(Binding.slots("docker run --rm [NAME]", id -> false)).extracting(Binding.Slot::kind)
                .containsExactly(ResourceKind.IMAGE);
        assertThat(Binding.slots("docker network connect <net> <thing>", id -> false)).extracting(Binding.Slot::kind)
                .containsExactly(ResourceKind.NETWORK, ResourceKind.CONTAINER);
    }

    @Test
    void asInARepairTheStepsOwnSectionWinsThenTheMostRecent() {
        Binding.Candidate db = new Binding.Candidate(ResourceKind.CONTAINER, "db", 14, "Databases", "created at a.rst:14");
        Binding.Candidate cache = new Binding.Candidate(ResourceKind.CONTAINER, "cache", 16, "Databases", "created at a.rst:16");

        assertThat(propose("docker stop <container>", "Intro", WEB, db, cache))
                .isInstanceOfSatisfying(Binding.Proposal.Run.class,
                        run -> assertThat(run.command()).isEqualTo("docker stop web"));
        assertThat(propose("docker stop <container>", "Elsewhere", WEB, db, cache))
                .isInstanceOfSatisfying(Binding.Proposal.Run.class,
                        run -> assertThat(run.command()).isEqualTo("docker stop cache"));
    }

    @Test
    void aTieKeepsItATemplateAndNamesTheCandidates() {
        Binding.Candidate db = new Binding.Candidate(ResourceKind.CONTAINER, "db", 12, "Intro", "created at a.rst:12");

        assertThat(propose("docker stop <container>", "Intro", WEB, db))
                .isInstanceOfSatisfying(Binding.Proposal.Open.class, open -> {
                    assertThat(open.reason())
                            .isEqualTo("<container>: 2 containers made by the lesson fit equally well: web (line 12), db (line 12)");
                    assertThat(open.candidates()).containsExactly(WEB, db);
                });
    }

    @Test
    void noCandidateOfTheKindIsSaid() {
        assertThat(propose("docker volume rm <volume>", "Intro", WEB))
                .isInstanceOfSatisfying(Binding.Proposal.Open.class, open -> assertThat(open.reason())
                        .isEqualTo("<volume>: the lesson made no volume before this step"));
    }
}
