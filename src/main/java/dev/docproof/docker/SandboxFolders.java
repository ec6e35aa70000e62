package dev.docproof.docker;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders sandboxes share with this machine ({@code docproof-sandbox-*} in the temp folder). Each is made with
 * its run's owner written into it first, so that the folder of a run killed before its sandbox's container existed,
 * which no container names, is still found and removed by a later run. A folder whose run still lives, or that holds
 * no owner (being made at this moment, or not docproof's), is never touched.
 */
public final class SandboxFolders {

    static final String PREFIX = "docproof-sandbox-";
    private static final String OWNER = "owner.properties";

    /** A sandbox folder whose run is gone. */
    public record Left(Path folder, RunOwner owner) {

        /** e.g. "folder /tmp/docproof-sandbox-1 of a sandbox (for content/x.rst, owner pid 123 on vm: gone)". */
        public String describe() {
            return "folder " + folder + " of a sandbox (for " + owner.lesson() + ", owner pid " + owner.pid() + " on "
                    + owner.host() + ": gone)";
        }
    }

    private SandboxFolders() {}

    /** A new sandbox folder under {@code tmp}, readable only by this user, naming {@code owner}. */
    static Path create(Path tmp, RunOwner owner) throws IOException {
        Path folder = Files.createTempDirectory(tmp, PREFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        owner.writeTo(folder.resolve(OWNER));
        return folder;
    }

    /** Removes the sandbox folders under {@code tmp} whose run is gone, and returns them. */
    public static List<Left> reap(Path tmp) {
        List<Left> left = left(tmp);
        left.forEach(l -> Folders.delete(l.folder()));
        return left;
    }

    /** The sandbox folders under {@code tmp} whose run is gone. */
    public static List<Left> left(Path tmp) {
        List<Left> left = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path folder : folders) {
                RunOwner.readFrom(folder.resolve(OWNER)).filter(RunOwner::ownerGone)
                        .ifPresent(owner -> left.add(new Left(folder, owner)));
            }
        } catch (IOException e) {
            // an unreadable temp folder holds nothing we could remove anyway
        }
        return left;
    }
}
