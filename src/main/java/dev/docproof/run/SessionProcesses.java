package dev.docproof.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every process a session started, found by a token in its environment: a double fork
 * ({@code (sleep 1001 &)}) or {@code setsid} leaves the shell's process tree and its process group, but
 * keeps the environment it inherited. Linux's {@code /proc} is read; elsewhere none is found and the
 * process tree alone counts.
 */
final class SessionProcesses {

    /** The environment variable that carries a session's token into everything it starts. */
    static final String VARIABLE = "DOCPROOF_SESSION";

    private static final Path PROC = Path.of("/proc");

    private SessionProcesses() {}

    /** The live processes whose environment holds {@code DOCPROOF_SESSION=token}. */
    static List<ProcessHandle> carrying(String token) {
        byte[] marker = ("\0" + VARIABLE + "=" + token + "\0").getBytes(StandardCharsets.US_ASCII);
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path entry : entries) {
                if (holds(entry.resolve("environ"), marker)) {
                    ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            // /proc unreadable here: the process tree is all there is to go on
        }
        return found;
    }

    private static boolean holds(Path environ, byte[] marker) {
        byte[] env;
        try {
            env = Files.readAllBytes(environ);
        } catch (IOException | SecurityException gone) {
            return false; // ended meanwhile, or another user's
        }
        // The variable may be first: compare as if a NUL came before the whole block.
        byte[] padded = new byte[env.length + 2];
        System.arraycopy(env, 0, padded, 1, env.length);
        return indexOf(padded, marker) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
