package dev.docproof.docker;

import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.ResourceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.docproof.docker.LedgerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {

    private final List<String[]> cleanups = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestCreated() {
        cleanups.forEach(LedgerTestEngine::removeQuietly);
    }

    private String network(String name) {
        cleanups.add(new String[] {"network", "rm", name});
        return name;
    }

    private String volume(String name) {
        cleanups.add(new String[] {"volume", "rm", "-f", name});
        return name;
    }

    private String container(String name) {
        cleanups.add(0, new String[] {"rm", "-f", name});
        return name;
    }

    @Test
    void autoRemovedContainerCountsAsRemovedByTheStepThatStoppedIt() throws Exception {
        dev.docproof.testsupport.TestEngine.ready();
        String server = container(LedgerTestEngine.uniqueName("server"));
        Ledger ledger = new Ledger(LedgerTestEngine.client());
        ledger.begin();

        docker("run", "-d", "--rm", "--name", server, "launchcodedevops/simple-http");
        ledger.record(10, "Run");
        docker("stop", server);
        ledger.record(20, "Stop");
        // Whether or not the engine has finished removing it, the next steps are not blamed for it.
        ledger.record(30, "Later");
        docker("network", "ls");
        ledger.record(40, "Later still");

        // Only this test's container: others may create resources on the shared engine meanwhile.
        assertThat(ledger.entries()).filteredOn(e -> e.resource().name().equals(server))
                .extracting(LedgerEntry::createdAtLine, LedgerEntry::removedAtLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, 20));
    }

    @Test
    void attributesEachResourceToTheStepThatCreatedOrRemovedIt() throws Exception {
        String image = LedgerTestEngine.tinyImage();
        String net = network(LedgerTestEngine.uniqueName("net"));
        String vol = volume(LedgerTestEngine.uniqueName("vol"));
        String box = container(LedgerTestEngine.uniqueName("box"));
        Ledger ledger = new Ledger(LedgerTestEngine.client());
        ledger.begin();

        docker("network", "create", net);
        ledger.record(10, "First");
        docker("volume", "create", vol);
        docker("create", "--name", box, "--network", net, image);
        ledger.record(20, "Second");
        docker("volume", "rm", vol);
        ledger.record(30, "Third");

        assertThat(ledger.entries()).extracting(e -> e.resource().kind(), e -> e.resource().name(),
                        LedgerEntry::createdAtLine, LedgerEntry::createdInSection, LedgerEntry::removedAtLine)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ResourceKind.NETWORK, net, 10, "First", 0),
                        org.assertj.core.groups.Tuple.tuple(ResourceKind.CONTAINER, box, 20, "Second", 0),
                        org.assertj.core.groups.Tuple.tuple(ResourceKind.VOLUME, vol, 20, "Second", 30));
    }

    @Test
    void removesWhatTheLessonLeftBehindAndNeverWhatExistedBefore() throws Exception {
        String image = LedgerTestEngine.tinyImage();
        String before = network(LedgerTestEngine.uniqueName("before"));
        String net = network(LedgerTestEngine.uniqueName("net"));
        String box = container(LedgerTestEngine.uniqueName("box"));
        String vol = volume(LedgerTestEngine.uniqueName("vol"));
        docker("network", "create", before);
        Ledger ledger = new Ledger(LedgerTestEngine.client());
        ledger.begin();

        docker("network", "create", net);
        docker("create", "--name", box, "--network", net, image);
        docker("volume", "create", vol);
        ledger.record(7, "");

        List<Ledger.Removal> removals = ledger.removeLeftBehind();

        assertThat(removals).extracting(r -> r.entry().resource().kind(), r -> r.entry().resource().name(),
                        Ledger.Removal::removed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ResourceKind.CONTAINER, box, true),
                        org.assertj.core.groups.Tuple.tuple(ResourceKind.NETWORK, net, true),
                        org.assertj.core.groups.Tuple.tuple(ResourceKind.VOLUME, vol, true));
        LedgerSnapshot after = ledger.snapshot();
        assertThat(after.named(ResourceKind.CONTAINER, box)).isEmpty();
        assertThat(after.named(ResourceKind.NETWORK, net)).isEmpty();
        assertThat(after.named(ResourceKind.VOLUME, vol)).isEmpty();
        assertThat(after.named(ResourceKind.NETWORK, before)).as("created before the lesson").isPresent();
    }

    @Test
    void aPreExistingResourceTheLessonRemovesIsRecordedButNotCountedAsTheLessons() throws Exception {
        String before = network(LedgerTestEngine.uniqueName("before"));
        docker("network", "create", before);
        Ledger ledger = new Ledger(LedgerTestEngine.client());
        ledger.begin();

        docker("network", "rm", before);
        ledger.record(12, "Clean up");

        assertThat(ledger.entries()).singleElement().satisfies(e -> {
            assertThat(e.resource().name()).isEqualTo(before);
            assertThat(e.preExisting()).isTrue();
            assertThat(e.removedAtLine()).isEqualTo(12);
        });
        assertThat(ledger.removeLeftBehind()).isEmpty();
    }

    @Test
    void aNameTheLessonWillCreateThatAlreadyExistsIsAClashWithTheFix() throws Exception {
        String taken = network(LedgerTestEngine.uniqueName("taken"));
        String free = LedgerTestEngine.uniqueName("free");
        docker("network", "create", taken);
        Ledger ledger = new Ledger(LedgerTestEngine.client());

        List<Ledger.Clash> clashes = Ledger.clashes(List.of(
                new Ledger.Clash(ResourceKind.NETWORK, taken, 194),
                new Ledger.Clash(ResourceKind.NETWORK, free, 200),
                new Ledger.Clash(ResourceKind.CONTAINER, taken, 211)), ledger.snapshot());

        assertThat(clashes).containsExactly(new Ledger.Clash(ResourceKind.NETWORK, taken, 194));
        assertThat(clashes.get(0).message())
                .contains("network \"" + taken + "\"")
                .contains("not created by this lesson")
                .contains("`docker network rm " + taken + "`");
    }
}
