package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NeedsTest {

    @Test
    void programsAreTheCommandWordsWithoutBuiltinsOrAssignments() {
        assertThat(Needs.programs("cd app && FOO=1 brew install jq | grep x; echo done; sudo aws s3 ls"))
                .containsExactly("brew", "grep", "sudo", "aws");
    }

    @Test
    void theFunctionsACommandDefinesAndTheNamesInItsArithmeticAreNoPrograms() {
        assertThat(Needs.programs("greet() {\n  echo \"hi $1\"\n}\ngreet docker")).isEmpty();
        assertThat(Needs.programs("function bye {\n  tput bel\n}")).containsExactly("tput");
        assertThat(Needs.programs("for ((i = 1; i <= 3; i++)); do\n  seq $i\ndone\n(( n = i * 2 ))")).containsExactly("seq");
    }

    @Test
    void dockerPluginsAreTheCommandsAClientListsOnlyWithThePluginInstalled() {
        assertThat(Needs.dockerPlugins("docker compose up -d && docker --debug buildx build . && docker compose ps"
                + " && docker network ls && sudo docker compose down")).containsExactly("compose", "buildx");
        assertThat(Needs.dockerPlugins("docker build -t x . && docker-compose up")).isEmpty();
    }

    @Test
    void sudoIsAProgramAsIsTheOneItRunsAfterItsOptions() {
        assertThat(Needs.programs("sudo -u postgres -E PGDATA=/x psql -c 'select 1'")).containsExactly("sudo", "psql");
        assertThat(Needs.programs("sudo mkdir -p /opt/hello && sudo cp app.sh /opt/hello/"))
                .containsExactly("sudo", "mkdir", "cp");
    }

    @Test
    void onlyHostsWithADotThatAreNotLocalAreTheInternet() {
        assertThat(Needs.internetHosts("git clone https://github.com/a/b.git && curl http://localhost:8000/"
                + " && curl http://server:8080/x && curl http://192.168.1.4/ && git clone git@gitlab.com:a/b"))
                .containsExactly("github.com", "gitlab.com");
    }

    @Test
    void pullsAreTheImagesDockerPullFetches() {
        assertThat(Needs.pulls("docker pull redis:alpine && docker run -d redis:alpine")).containsExactly("redis:alpine");
    }

    @Test
    void imagesMadeAreThoseBuiltTaggedOrPulled() {
        assertThat(ImagesMade.by("docker build --tag my-app . && docker tag my-app me/app:1 && docker pull redis"
                + " && docker build -t=x . && docker build -tother ."))
                .containsExactly("my-app", "me/app:1", "x", "other", "redis");
    }
}
