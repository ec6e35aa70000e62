package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

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

    @Test
    void theQuickAliasReadingFindsWhatTheWholeReadingFindsOnEveryPageOfTheBuiltInClient() {
        HelpFormat format = KnownCli.DOCKER.format();
        java.util.Map<List<String>, String> pages = DockerCli.BUILT_IN_PAGES.pages();
        int withAliases = 0;
        for (java.util.Map.Entry<List<String>, String> page : pages.entrySet()) {
            List<List<String>> whole = format.read(page.getKey(), page.getValue()).map(CliCommand::aliases).orElse(List.of());
            assertThat(format.aliases(page.getKey(), page.getValue())).as(String.join(" ", page.getKey())).isEqualTo(whole);
            withAliases += whole.isEmpty() ? 0 : 1;
        }
        assertThat(withAliases).as("pages that have aliases, so the comparison means something").isGreaterThan(20);
        // A page read under a path its usage does not name gives no command, so no aliases either.
        String ps = pages.get(List.of("container", "ls"));
        assertThat(format.aliases(List.of("network", "ls"), ps)).isEmpty();
    }

    @Test
    void theModelReadsPagesAsItIsAskedAndAnswersAsAWholeReadingWould() {
        HelpFormat format = KnownCli.DOCKER.format();
        CliModel model = CliModel.of(DockerCli.BUILT_IN_PAGES, format);
        DockerCli.BUILT_IN_PAGES.pages().forEach((path, page) -> {
            Optional<CliCommand> whole = format.read(path, page);
            if (whole.isPresent()) {
                assertThat(model.command(path)).contains(whole.get());
                for (List<String> alias : whole.get().aliases()) {
                    assertThat(model.command(alias)).as(String.join(" ", alias)).isPresent();
                }
            }
        });
        assertThat(model.command(List.of("network", "remove")).map(CliCommand::name)).contains("network rm");
        assertThat(model.command(List.of("no-such-command"))).isEmpty();
        assertThat(model.isEmpty()).isFalse();
    }
}
