package dev.docproof.docker;

import dev.docproof.shell.ImageRef;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The image of a lesson's sandbox on an engine of another machine: {@link SandboxImage} with a Java runtime and the
 * running docproof's classes, which run the lesson inside ({@code /opt/docproof/docproof}). Its recipe is made anew
 * from the running docproof each time, so the image is rebuilt when docproof or the sandbox image changes.
 */
public final class RemoteSandboxImage {

    public static final ImageRef REFERENCE = new ImageRef("docproof/sandbox-docproof", "latest", "");
    /** docproof's command inside the image. */
    public static final String COMMAND = "/opt/docproof/docproof";
    public static final String MAIN = "dev.docproof.cli.Main";
    /** The Java runtime, under a name of docproof's own (see the recipe). */
    public static final String RUNTIME = "/usr/local/lib/docproof/docproof-jvm";
    private static final String TEMP = "/run/docproof-tmp";
    /** The heap of docproof inside: it runs one lesson, whose steps keep at most --max-output each. */
    private static final String HEAP = "256m";
    /**
     * What a sandbox gets beyond the lesson's own memory bound for docproof inside it (its heap and the runtime's own
     * memory), so that a lesson near its bound is what the kernel stops, as in a sandbox on this machine's engine.
     */
    public static final long DOCPROOF_MEMORY = 512L * 1024 * 1024;

    private RemoteSandboxImage() {}

    /** Builds the image (the sandbox image first) unless the engine has it from the running docproof. */
    static void ensure(Engine engine, Path workDir, Consumer<String> progress) throws EngineException {
        SandboxImage.ensure(engine, workDir, progress);
        Path folder = null;
        try {
            Files.createDirectories(workDir);
            folder = Files.createTempDirectory(workDir.toAbsolutePath(), "sandbox-docproof-recipe-");
            String base = engine.image(SandboxImage.REFERENCE.canonical()).map(Engine.ImageFacts::id).orElse("");
            ImageRecipe recipe = writeRecipe(folder, base, classpath());
            Optional<String> before = engine.image(REFERENCE.canonical()).map(Engine.ImageFacts::id);
            new ImageProvisioner(engine, ImageRecipes.of(List.of(recipe)), workDir, progress).ensure(List.of(REFERENCE));
            before.filter(id -> !engine.image(REFERENCE.canonical()).map(Engine.ImageFacts::id).orElse("").equals(id))
                    .ifPresent(id -> removeReplaced(engine, id));
        } catch (IOException e) {
            throw new EngineException("cannot write the recipe of the sandbox image with docproof into " + workDir + ": "
                    + e.getMessage());
        } finally {
            if (folder != null) {
                Folders.delete(folder);
            }
        }
    }

    /**
     * Removes the image a rebuild replaced (the classes of an earlier docproof, which no later run uses) unless a
     * sandbox still runs it, so that every docproof change does not leave its classes on the engine's disk.
     */
    private static void removeReplaced(Engine engine, String id) {
        try {
            engine.client().removeImageCmd(id).withNoPrune(false).exec();
        } catch (RuntimeException inUse) {
            // a running sandbox of another docproof still uses it; it goes as an untagged image, as the engine prunes
        }
    }

    /**
     * The recipe as a folder: the Dockerfile naming the sandbox image it builds on ({@code base}, its id), and
     * {@code docproof/}: each of {@code classpath}'s entries under {@code lib/}, in order, and the command that runs
     * docproof with them.
     */
    static ImageRecipe writeRecipe(Path folder, String base, List<Path> classpath) throws IOException {
        try (InputStream in = Objects.requireNonNull(RemoteSandboxImage.class.getResourceAsStream(
                "sandbox-docproof/Dockerfile"), "docproof's jar lacks the recipe of the sandbox image with docproof")) {
            String dockerfile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("Dockerfile"), "# built on " + base + "\n" + dockerfile);
        }
        Path lib = Files.createDirectories(folder.resolve("docproof/lib"));
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < classpath.size(); i++) {
            Path entry = classpath.get(i);
            // numbered only: a jar's name (java-diff-utils) would put "java" in the command line a lesson's pkill reads
            String name = String.format(Files.isDirectory(entry) ? "%03d" : "%03d.jar", i);
            Folders.copy(entry, lib.resolve(name));
            entries.add("/opt/docproof/lib/" + name);
        }
        // The runtime's options in a file of arguments, so that the command line a lesson's `pkill -f java` reads does
        // not say "java"; its temporary files out of the lesson's /tmp, as they are on this machine's sandboxes.
        Files.write(folder.resolve("docproof/arguments"), List.of("-Djava.io.tmpdir=" + TEMP, "-XX:-UsePerfData",
                "-Xmx" + HEAP, "-XX:TieredStopAtLevel=1", "-Xlog:disable", "-Xshare:auto", "-cp", String.join(":", entries),
                MAIN));
        Path command = folder.resolve("docproof/docproof");
        Files.writeString(command, "#!/bin/sh\n# docproof, as the docproof outside the sandbox runs it\n"
                + "mkdir -p " + TEMP + "\n"
                + "exec " + RUNTIME + " @/opt/docproof/arguments \"$@\"\n");
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new ImageRecipe(REFERENCE, folder, ImageRecipes.sha256(folder));
    }

    /**
     * The running docproof's class path: each entry of {@code java.class.path}, and of the {@code Class-Path} of the
     * jars among them (as {@code java -jar} and a manifest-only jar name the rest).
     */
    static List<Path> classpath() throws IOException {
        return classpath(System.getProperty("java.class.path"));
    }

    static List<Path> classpath(String javaClassPath) throws IOException {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : javaClassPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                add(Path.of(entry).toAbsolutePath().normalize(), entries);
            }
        }
        return List.copyOf(entries);
    }

    private static void add(Path entry, Set<Path> entries) throws IOException {
        if (!Files.exists(entry) || !entries.add(entry) || Files.isDirectory(entry)) {
            return;
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(entry.toFile())) {
            manifest = jar.getManifest();
        }
        String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        if (listed == null) {
            return;
        }
        for (String item : listed.trim().split("\\s+")) {
            try {
                URI resolved = entry.toUri().resolve(URI.create(item)); // relative to the jar, or a whole file: URL
                if ("file".equals(resolved.getScheme())) {
                    add(Path.of(resolved).normalize(), entries);
                }
            } catch (IllegalArgumentException e) {
                // a Class-Path item that names no file here adds nothing to what runs
            }
        }
    }
}
