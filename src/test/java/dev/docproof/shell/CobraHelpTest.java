package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CobraHelpTest {

    private final CliModel docker = CliHelpFixtures.docker();

    @Test
    void aCommandPageGivesItsOptionsWithTheirValueTypes() {
        CliCommand connect = docker.command(List.of("network", "connect")).orElseThrow();

        assertThat(connect.usage()).isEqualTo("docker network connect [OPTIONS] NETWORK CONTAINER");
        assertThat(connect.flags()).contains(new CliFlag("alias", null, "strings"), new CliFlag("ip", null, "string"));
        assertThat(docker.flag(docker.command(List.of("run")).orElseThrow(), "-d"))
                .contains(new CliFlag("detach", "d", null));
    }

    @Test
    void aliasesNameTheSameCommand() {
        CliCommand rm = docker.command(List.of("network", "remove")).orElseThrow();

        assertThat(rm.path()).containsExactly("network", "rm");
        assertThat(docker.canonical(docker.command(List.of("container", "run")).orElseThrow())).containsExactly("run");
        assertThat(docker.canonical(docker.command(List.of("image", "rm")).orElseThrow())).containsExactly("rmi");
    }

    @Test
    void groupsListTheirSubcommandsAndTheProgramItsGlobalOptions() {
        assertThat(docker.command(List.of("network")).orElseThrow().subcommands())
                .containsExactly("connect", "create", "disconnect", "inspect", "ls", "prune", "rm");
        assertThat(docker.flag(docker.root(), "-H")).contains(new CliFlag("host", "H", "list"));
        assertThat(docker.root().subcommands()).contains("run", "network", "volume");
    }

    @Test
    void aUsageEndingInACommandEndsOptionsAtTheFirstArgument() {
        assertThat(docker.command(List.of("exec")).orElseThrow().optionsEndAtArgument()).isTrue();
        assertThat(docker.command(List.of("run")).orElseThrow().optionsEndAtArgument()).isTrue();
        assertThat(docker.command(List.of("network", "inspect")).orElseThrow().optionsEndAtArgument()).isFalse();
    }

    @Test
    void theGeneralPagePrintedForAnUnknownNameIsNotThatCommand() {
        String general = DockerCli.BUILT_IN_PAGES.page(List.of());

        assertThat(new CobraHelp("docker").read(List.of("compose"), general)).isEmpty();
    }

    @Test
    void curlsHelpGivesOptionsThatTakeAValue() {
        CliModel curl = CliHelpFixtures.curl();

        assertThat(curl.flag(curl.root(), "-d")).contains(new CliFlag("data", "d", "<data>"));
        assertThat(curl.flag(curl.root(), "--verbose").orElseThrow().takesValue()).isFalse();
        assertThat(curl.flag(curl.root(), "-v")).isPresent();
    }

    @Test
    void helpPagesSurviveTheirCacheFormat() {
        HelpPages pages = DockerCli.BUILT_IN_PAGES;

        HelpPages again = HelpPages.read(pages.write()).orElseThrow();

        assertThat(again).isEqualTo(pages);
        assertThat(HelpPages.read("not help pages")).isEmpty();
    }
}
