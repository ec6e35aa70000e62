package dev.docproof.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "engine", description = "(not built yet)")
final class EngineCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Main.SETUP_ERROR;
    }
}
