package dev.docproof.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed after making its sandbox's folder and before the sandbox's container existed leaves a folder no
 * container label names: the next run finds it by the owner written in it.
 */
class SandboxFoldersTest {

    @TempDir
    Path tmp;

    @Test
    void theFolderOfARunThatIsGoneIsRemovedAndSaid() throws Exception {
        Path left = SandboxFolders.create(tmp, deadOwner());
        Files.writeString(left.resolve("shared.mark"), "token");

        assertThat(SandboxFolders.reap(tmp)).singleElement().satisfies(l -> {
            assertThat(l.folder()).isEqualTo(left);
            assertThat(l.describe()).startsWith("folder " + left + " of a sandbox (for content/x.rst, owner pid ")
                    .endsWith(": gone)");
        });
        assertThat(left).doesNotExist();
    }

    @Test
    void aLiveRunsFolderAndAFolderNamingNoOwnerAreLeftAlone() throws Exception {
        Path live = SandboxFolders.create(tmp, RunOwner.of("content/x.rst"));
        Path beingMade = Files.createDirectory(tmp.resolve(SandboxFolders.PREFIX + "1"));
        Path notASandbox = Files.createDirectory(tmp.resolve("other"));
        deadOwner().writeTo(notASandbox.resolve("owner.properties"));

        assertThat(SandboxFolders.reap(tmp)).isEmpty();

        assertThat(live).isDirectory();
        assertThat(beingMade).isDirectory();
        assertThat(notASandbox.resolve("owner.properties")).exists();
    }

    private static RunOwner deadOwner() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        RunOwner self = RunOwner.of("content/x.rst");
        return new RunOwner("r", ended.pid(), self.processStarted(), self.host(), self.started(), "content/x.rst");
    }
}
