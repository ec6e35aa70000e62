package dev.docproof.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a lesson file's bytes, written beside its results so a merge can tell that the lesson it
 * reads is the one the shard ran; and of any bytes, for names that must not collide.
 */
public final class SourceDigest {

    private SourceDigest() {}

    /** The digest in hex; null when the file cannot be read (a lesson that was unreadable stays comparable). */
    public static String of(Path file) {
        try {
            return HexFormat.of().formatHex(sha256(Files.readAllBytes(file)));
        } catch (IOException unreadable) {
            return null;
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
