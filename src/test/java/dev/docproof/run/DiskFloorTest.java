package dev.docproof.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiskFloorTest {

    @TempDir
    Path dir;

    @Test
    void aDiskWithMoreRoomThanTheFloorIsNoShortage() {
        assertThat(DiskFloor.of(1, List.of(dir)).shortage()).isNull();
    }

    @Test
    void aDiskUnderTheFloorIsNamedByThePathGivenWithItsFreeSpaceAndTheOptionThatSetsIt() {
        String shortage = DiskFloor.of(Long.MAX_VALUE, List.of(dir)).shortage();

        assertThat(shortage).startsWith("the disk holding " + dir + " has ")
                .endsWith(" free, less than the 9223372036.9 GB docproof keeps free (--min-free-disk)");
    }

    @Test
    void aPathNotMadeYetIsWatchedOnTheDiskOfTheFolderItWillBeIn() {
        Path later = dir.resolve("not/made/yet");

        assertThat(DiskFloor.of(Long.MAX_VALUE, List.of(later)).shortage()).startsWith("the disk holding " + later + " has ");
        assertThat(Files.exists(later)).isFalse();
    }

    @Test
    void pathsOnOneDiskAreOneDiskNamedByTheFirst() throws Exception {
        Path second = Files.createDirectory(dir.resolve("second"));

        assertThat(DiskFloor.of(Long.MAX_VALUE, List.of(second, dir)).shortage()).startsWith("the disk holding " + second + " ");
    }

    @Test
    void noFloorWatchesNothing() {
        assertThat(DiskFloor.of(0, List.of(dir)).shortage()).isNull();
    }
}
