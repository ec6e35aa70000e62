package dev.docproof.read;

import dev.docproof.lesson.Lesson;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the tree and diagnostics the reader produces for a file (a tool for writing tests). */
public final class RstDebugMain {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Lesson lesson = new RstReader().read(file, Files.readString(file));
        System.out.print(RstNodes.print(lesson.nodes()));
        lesson.diagnostics().forEach(System.out::println);
    }
}
