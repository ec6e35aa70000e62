package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SwarmChangesTest {

    @Test
    void findsTheCommandsThatChangeTheEnginesSwarmMode() {
        assertThat(SwarmChanges.in("docker swarm init")).contains("docker swarm init");
        assertThat(SwarmChanges.in("sudo docker swarm init --advertise-addr 10.0.0.1")).contains("docker swarm init");
        assertThat(SwarmChanges.in("docker swarm join --token SWMTKN-1-x 10.0.0.1:2377")).contains("docker swarm join");
        assertThat(SwarmChanges.in("docker service ls && docker swarm leave --force")).contains("docker swarm leave");
        assertThat(SwarmChanges.in("docker swarm update --autolock=true")).contains("docker swarm update");
    }

    @Test
    void leavesAloneWhatOnlyReadsOrOnlyNamesIt() {
        assertThat(SwarmChanges.in("docker swarm join-token worker")).isEmpty();
        assertThat(SwarmChanges.in("docker swarm init --help")).isEmpty();
        assertThat(SwarmChanges.in("docker info --format '{{.Swarm.LocalNodeState}}'")).isEmpty();
        assertThat(SwarmChanges.in("echo docker swarm init")).isEmpty();
        assertThat(SwarmChanges.in("docker run --rm img docker swarm init")).isEmpty();
    }
}
