package dev.docproof.docker;

import dev.docproof.shell.ResourceKind;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks on the names a lesson gives what it creates, one per name and engine, so two runs of lessons that
 * share a name (a container {@code server}, a network {@code networking-test}) never run at once against
 * one engine: the second is refused with who holds the name. Lock files on this machine (kept, empty when
 * free), each holding its holder's description while held; the operating system releases them when the
 * holder dies, so a killed run never blocks the next one. Runs on other machines sharing an engine are not seen here (the name check still
 * refuses a name the engine already has).
 */
public final class NameLocks implements AutoCloseable {

    /** A name the lesson creates, with the line of the step creating it. */
    public record Name(ResourceKind kind, String name, int line) {}

    /** A name another run holds: what to tell the user, without the file position. */
    public record Held(Name name, String holder) {

        public String message() {
            String kind = name.kind().jsonName();
            return "the lesson creates the " + kind + " \"" + name.name() + "\", and another docproof run is using that"
                    + " name on the same engine now (" + holder + "). Two runs of lessons that share names cannot"
                    + " run at once on one engine: wait for that run to end and run again, or give each lesson its"
                    + " own engine.";
        }
    }

    /** Thrown when a name is held by another run; the lesson must not start. */
    public static final class HeldException extends Exception {
        private final transient Held held;

        HeldException(Held held) {
            super(held.message());
            this.held = held;
        }

        public Held held() {
            return held;
        }
    }

    private record Lock(Path file, FileChannel channel, FileLock lock) {}

    /**
     * The lock files this process holds, with their holders. Checked before a file is opened: a second
     * descriptor of a locked file, once closed, would release the lock this process holds on it.
     */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final List<Lock> locks;

    private NameLocks(List<Lock> locks) {
        this.locks = locks;
    }

    /** The folder where this machine's docproof runs keep their name locks. */
    public static Path defaultFolder() {
        return defaultFolderIn(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The lock folder of runs whose temporary folder is {@code tmp}. */
    public static Path defaultFolderIn(Path tmp) {
        return tmp.resolve("docproof-locks");
    }

    /**
     * Takes the lock on every name in {@code names} for {@code engine} (its address), or none of them.
     *
     * @throws HeldException when another run (in this process or another) holds one of them
     */
    public static NameLocks acquire(Path folder, String engine, RunOwner owner, List<Name> names)
            throws HeldException, EngineException {
        List<Lock> taken = new ArrayList<>();
        String prefix = digest(engine);
        String holder = owner.describe();
        try {
            Files.createDirectories(folder);
            for (Name name : names.stream().distinct().sorted(Comparator.comparing(Name::kind).thenComparing(Name::name)).toList()) {
                Path file = folder.resolve(prefix + "-" + name.kind().jsonName() + "-"
                        + URLEncoder.encode(name.name(), StandardCharsets.UTF_8) + ".lock");
                if (taken.stream().anyMatch(l -> l.file.equals(file))) {
                    continue;
                }
                String heldHere = HELD_HERE.putIfAbsent(file, holder);
                if (heldHere != null) {
                    release(taken);
                    throw new HeldException(new Held(name, heldHere));
                }
                Lock lock = tryLock(file, holder);
                if (lock == null) {
                    HELD_HERE.remove(file);
                    release(taken);
                    throw new HeldException(new Held(name, holder(file)));
                }
                taken.add(lock);
            }
            return new NameLocks(taken);
        } catch (IOException e) {
            release(taken);
            throw new EngineException("cannot lock the lesson's names in " + folder + ": " + e.getMessage()
                    + ". Check that the folder is writable.", e);
        }
    }

    /**
     * The lock on {@code file}, with {@code text} written in it, or null when another process holds it.
     * The file is never opened a second time by its holder, nor deleted: closing any descriptor of a
     * locked file releases the process's lock on it, and a deleted lock file could be locked twice.
     */
    private static Lock tryLock(Path file, String text) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        return new Lock(file, channel, lock);
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? "a run that is starting" : text;
        } catch (IOException e) {
            return "a run that is just ending";
        }
    }

    private static String digest(String engine) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(engine.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void release(List<Lock> locks) {
        for (Lock l : locks) {
            try {
                l.channel.truncate(0);
                l.lock.release();
                l.channel.close();
            } catch (IOException e) {
                // the process's end releases it in any case
            } finally {
                HELD_HERE.remove(l.file);
            }
        }
    }

    @Override
    public void close() {
        release(locks);
    }
}
