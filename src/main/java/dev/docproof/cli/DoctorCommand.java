package dev.docproof.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "doctor", description = "(not built yet)")
final class DoctorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Main.SETUP_ERROR;
    }
}
