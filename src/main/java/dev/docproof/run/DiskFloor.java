package dev.docproof.run;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The free space docproof keeps on the disks of this machine a lesson fills as it runs: its folders', and the
 * engine's storage where that is on this machine (a sandbox's files, its engine's images and containers are
 * there). A lesson writing without end ({@code dd if=/dev/zero of=big}) is stopped before the machine has no
 * room left for the engine, the other lessons and everything else on it.
 */
final class DiskFloor {

    /** What docproof keeps free unless told otherwise (--min-free-disk). */
    static final long DEFAULT_FLOOR = 1_000_000_000L;

    /** Watches nothing (--min-free-disk 0). */
    static final DiskFloor NONE = new DiskFloor(0, List.of());

    /** A disk, named by the first watched path on it. */
    private record Disk(Path shown, FileStore store) {}

    private final long floor;
    private final List<Disk> disks;

    private DiskFloor(long floor, List<Disk> disks) {
        this.floor = floor;
        this.disks = disks;
    }

    /** Keeps {@code floor} bytes free on each disk holding one of {@code paths} (a path not there yet: its folder's). */
    static DiskFloor of(long floor, Collection<Path> paths) {
        if (floor <= 0) {
            return NONE;
        }
        List<Disk> disks = new ArrayList<>();
        Set<FileStore> seen = new HashSet<>();
        for (Path path : paths.stream().filter(Objects::nonNull).toList()) {
            Path existing = path.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            try {
                if (existing != null) {
                    FileStore store = Files.getFileStore(existing);
                    if (seen.add(store)) {
                        disks.add(new Disk(path, store));
                    }
                }
            } catch (IOException unreadable) {
                // a disk this machine will not describe is not watched
            }
        }
        return new DiskFloor(floor, List.copyOf(disks));
    }

    /** Null while every disk has the room; else which one has too little, said for a person. Cheap: asked often. */
    String shortage() {
        for (Disk disk : disks) {
            long free;
            try {
                free = disk.store().getUsableSpace();
            } catch (IOException gone) {
                continue;
            }
            if (free < floor) {
                return "the disk holding " + disk.shown() + " has " + StepOutput.size(free) + " free, less than the "
                        + StepOutput.size(floor) + " docproof keeps free (--min-free-disk)";
            }
        }
        return null;
    }
}
