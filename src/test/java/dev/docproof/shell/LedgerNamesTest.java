package dev.docproof.shell;

import dev.docproof.shell.LedgerNames.PlannedName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerNamesTest {

    @Test
    void readsTheNetworkNameOfNetworkCreate() {
        assertThat(LedgerNames.plannedNames("docker network create networking-test"))
                .containsExactly(new PlannedName(ResourceKind.NETWORK, "networking-test"));
        assertThat(LedgerNames.plannedNames("docker network create --driver bridge --subnet 10.9.0.0/24 lab"))
                .containsExactly(new PlannedName(ResourceKind.NETWORK, "lab"));
    }

    @Test
    void readsTheContainerNameOfRunAndCreateButNotOfTheContainersOwnArguments() {
        assertThat(LedgerNames.plannedNames(
                "docker run -d --rm --name server --network networking-test -v /tmp/x/:/var/www/:ro image"))
                .containsExactly(new PlannedName(ResourceKind.CONTAINER, "server"));
        assertThat(LedgerNames.plannedNames("docker run -itd --name=client image"))
                .containsExactly(new PlannedName(ResourceKind.CONTAINER, "client"));
        assertThat(LedgerNames.plannedNames("docker container create -e A=1 --name 'quoted' image"))
                .containsExactly(new PlannedName(ResourceKind.CONTAINER, "quoted"));
        assertThat(LedgerNames.plannedNames("docker run --rm image tool --name inner")).isEmpty();
    }

    @Test
    void readsTheImageNamesABuildCommitImportOrTagGivesButNotAPull() {
        assertThat(LedgerNames.plannedNames("docker build -t app -t app:2 ."))
                .containsExactly(new PlannedName(ResourceKind.IMAGE, "app"), new PlannedName(ResourceKind.IMAGE, "app:2"));
        assertThat(LedgerNames.plannedNames("docker tag app registry.local/app && docker commit box snap"))
                .containsExactly(new PlannedName(ResourceKind.IMAGE, "registry.local/app"),
                        new PlannedName(ResourceKind.IMAGE, "snap"));
        assertThat(LedgerNames.plannedNames("docker pull redis:alpine; docker import x.tar imported"))
                .containsExactly(new PlannedName(ResourceKind.IMAGE, "imported"));
        assertThat(LedgerNames.plannedNames("docker export box | docker image import - imported:2"))
                .containsExactly(new PlannedName(ResourceKind.IMAGE, "imported:2"));
    }

    @Test
    void readsVolumeNamesGivenEitherWay() {
        assertThat(LedgerNames.plannedNames("docker volume create data"))
                .containsExactly(new PlannedName(ResourceKind.VOLUME, "data"));
        assertThat(LedgerNames.plannedNames("docker volume create --name data2 -d local"))
                .containsExactly(new PlannedName(ResourceKind.VOLUME, "data2"));
        assertThat(LedgerNames.plannedNames("docker volume create")).isEmpty();
    }

    @Test
    void findsEveryCreationInListsPipesAndContinuationsAndIgnoresTheRest() {
        assertThat(LedgerNames.plannedNames("docker network create a && \\\n  docker run --name b img > /dev/null 2>&1; "
                + "docker network inspect a | sed -n 1p # docker network create c"))
                .containsExactly(new PlannedName(ResourceKind.NETWORK, "a"), new PlannedName(ResourceKind.CONTAINER, "b"));
        assertThat(LedgerNames.plannedNames("docker network ls")).isEmpty();
        assertThat(LedgerNames.plannedNames("echo docker network create x")).isEmpty();
        assertThat(LedgerNames.plannedNames("docker exec client curl -v server:8080/message")).isEmpty();
    }

    @Test
    void readsTheImageARunOrCreateStartsFrom() {
        assertThat(LedgerNames.imagesUsed("docker run -d --rm --name server --network networking-test"
                + " -v /tmp/networking-test/:/var/www/:ro launchcodedevops/simple-http"))
                .containsExactly("launchcodedevops/simple-http");
        assertThat(LedgerNames.imagesUsed("docker run -itd --name client --network=net launchcodedevops/simple-client sh"))
                .containsExactly("launchcodedevops/simple-client");
        assertThat(LedgerNames.imagesUsed("docker network create x; docker exec client curl server")).isEmpty();
    }
}
