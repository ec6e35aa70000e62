package dev.docproof.repair;

import dev.docproof.shell.ResourceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BindingTest {

    private static final Binding.Candidate WEB =
            new Binding.Candidate(ResourceKind.CONTAINER, "web", 12, "created at a.rst:12 and still present");
    private static final Binding.Candidate APP =
            new Binding.Candidate(ResourceKind.IMAGE, "my-app", 9, "built at a.rst:9");

    @Test
    void onePlaceholderOfAKindWithOneCandidateIsBoundWithItsEvidence() {
        String command = "docker logs {container id}";
        List<Binding.Slot> slots = Binding.slots(command, id -> false);

        Binding.Proposal p = Binding.propose(command, slots, List.of(WEB, APP));

        assertThat(p).isInstanceOfSatisfying(Binding.Proposal.Run.class, run -> {
            assertThat(run.command()).isEqualTo("docker logs web");
            assertThat(run.evidence()).isEqualTo("{container id} → web (created at a.rst:12 and still present)");
        });
    }

    @Test
    void anAuthorsIdThatNamesNothingHereIsBoundByItsPosition() {
        String command = "docker stop 3f9a1c2be4d7";

        Binding.Proposal p = Binding.propose(command, Binding.slots(command, id -> false), List.of(WEB));

        assertThat(p).isInstanceOfSatisfying(Binding.Proposal.Run.class,
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
    void severalCandidatesKeepItATemplateAndNameThem() {
        Binding.Candidate db = new Binding.Candidate(ResourceKind.CONTAINER, "db", 14, "created at a.rst:14");
        String command = "docker stop <container>";

        Binding.Proposal p = Binding.propose(command, Binding.slots(command, id -> false), List.of(WEB, db));

        assertThat(p).isInstanceOfSatisfying(Binding.Proposal.Open.class, open -> {
            assertThat(open.reason()).isEqualTo("<container>: 2 containers made by the lesson fit: web (line 12), db (line 14)");
            assertThat(open.candidates()).containsExactly(WEB, db);
        });
    }

    @Test
    void noCandidateOfTheKindIsSaid() {
        String command = "docker volume rm <volume>";

        assertThat(Binding.propose(command, Binding.slots(command, id -> false), List.of(WEB)))
                .isInstanceOfSatisfying(Binding.Proposal.Open.class, open -> assertThat(open.reason())
                        .isEqualTo("<volume>: the lesson made no volume before this step"));
    }
}
