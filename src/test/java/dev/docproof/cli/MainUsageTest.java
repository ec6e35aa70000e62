package dev.docproof.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MainUsageTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void versionPrintsOneLineAndExitsZero() {
        Run run = run("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("docproof development build" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpListsEverySubcommandAndExitsZero() {
        Run run = run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: docproof ");
        assertThat(run.out()).contains("plan", "check", "fix", "site", "preview", "doctor", "engine");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnknownOptionIsOneLineAndWhereTheHelpIs() {
        Run run = run("--bogus");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("docproof: unknown option '--bogus'\nsee 'docproof --help'\n");
    }

    @Test
    void aMisspeltCommandGetsASuggestionInAtMostThreeLines() {
        Run run = run("chekc");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("docproof: unknown command 'chekc'\ndid you mean 'check'?\nsee 'docproof --help'\n");
    }

    @Test
    void aMisspeltOptionOfACommandGetsASuggestion() {
        Run run = run("check", "--tiemout", "5s", "content");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("docproof: unknown option '--tiemout'\ndid you mean '--timeout'?\n")
                .endsWith("see 'docproof check --help'\n");
    }

    @Test
    void noCommandIsAUsageErrorNamingTheCommands() {
        Run run = run();
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue(
                "docproof: Missing command: choose one of plan, check, fix, site, preview, merge, doctor, engine");
    }

    @Test
    void subcommandUsageErrorsShowThatSubcommandsUsage() {
        Run run = run("doctor", "--no-such-option");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("docproof: unknown option '--no-such-option'\nsee 'docproof doctor --help'\n");
    }

    @Test
    void theCommandsThatConnectBeforeParsingAreExactlyThoseThatRunLessons() {
        // Main begins their engine connection from the first word alone, so the list must name each of them.
        java.util.Set<String> runLessons = new java.util.TreeSet<>();
        Main.commandLine(new String[0]).getSubcommands().forEach((name, command) -> {
            if (command.getCommand() instanceof RunsLessons) {
                runLessons.add(name);
            }
        });
        assertThat(runLessons).isEqualTo(new java.util.TreeSet<>(RunsLessons.NAMES));
        assertThat(RunsLessons.named(new String[] {"check", "content"})).isTrue();
        assertThat(RunsLessons.named(new String[] {"plan", "content"})).isFalse();
        assertThat(RunsLessons.named(new String[0])).isFalse();
    }
}
