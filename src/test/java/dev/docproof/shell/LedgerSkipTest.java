package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerSkipTest {

    @Test
    void plainFileUtilitiesCannotTouchTheEngine() {
        assertThat(LedgerSkip.engineFree("mkdir /tmp/networking-test")).isTrue();
        assertThat(LedgerSkip.engineFree("echo 'using container aliases works!' > /tmp/networking-test/message"))
                .isTrue();
        assertThat(LedgerSkip.engineFree("rm -rf /tmp/networking-test")).isTrue();
        assertThat(LedgerSkip.engineFree("cd /tmp && ls -l 2>&1 | head -3")).isTrue();
    }

    @Test
    void dockerScriptsSubstitutionsAndBackgroundJobsGetTheirSnapshot() {
        assertThat(LedgerSkip.engineFree("docker network ls")).isFalse();
        assertThat(LedgerSkip.engineFree("mkdir x; docker network create y")).isFalse();
        assertThat(LedgerSkip.engineFree("./setup.sh")).isFalse();
        assertThat(LedgerSkip.engineFree("make up")).isFalse();
        assertThat(LedgerSkip.engineFree("echo $(docker network create y)")).isFalse();
        assertThat(LedgerSkip.engineFree("echo `docker network create y`")).isFalse();
        assertThat(LedgerSkip.engineFree("cat <(docker ps)")).isFalse();
        assertThat(LedgerSkip.engineFree("echo hi &")).isFalse();
        assertThat(LedgerSkip.engineFree("sed -n 'e docker ps' file")).isFalse();
        assertThat(LedgerSkip.engineFree("")).isFalse();
    }

    @Test
    void functionsAliasesPathAndBackgroundJobsEndSkippingForTheRestOfTheLesson() {
        assertThat(LedgerSkip.mayChangeLater("echo() { docker network create x; }")).isTrue();
        assertThat(LedgerSkip.mayChangeLater("function mkdir { docker run -d img; }")).isTrue();
        assertThat(LedgerSkip.mayChangeLater("alias rm='docker rm'")).isTrue();
        assertThat(LedgerSkip.mayChangeLater("export PATH=/opt/bin:$PATH")).isTrue();
        assertThat(LedgerSkip.mayChangeLater("source ./env.sh")).isTrue();
        assertThat(LedgerSkip.mayChangeLater(". ./env.sh")).isTrue();
        assertThat(LedgerSkip.mayChangeLater("docker run --name web img &")).isTrue();
        assertThat(LedgerSkip.mayChangeLater("docker exec client curl -v server:8080/message")).isFalse();
        assertThat(LedgerSkip.mayChangeLater("docker network inspect bridge | sed -n '/Containers/,/Options/p' 2>&1"))
                .isFalse();
    }
}
