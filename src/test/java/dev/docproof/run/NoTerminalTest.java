package dev.docproof.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoTerminalTest {

    @Test
    void aCommandTheContainerRunsAndEndsWithRunsWithoutATerminal() {
        assertThat(NoTerminal.inCommand("docker exec -it client curl -v server:8080/message"))
                .isEqualTo("docker exec -i client curl -v server:8080/message");
        assertThat(NoTerminal.inCommand("docker run -ti --rm alpine echo hi")).isEqualTo("docker run -i --rm alpine echo hi");
        assertThat(NoTerminal.inCommand("sudo docker container run --tty -e A=1 --rm alpine ls -t /"))
                .isEqualTo("sudo docker container run  -e A=1 --rm alpine ls -t /");
        assertThat(NoTerminal.inCommand("docker run -t alpine bash -c 'echo hi' && docker exec -it box ls"))
                .isEqualTo("docker run  alpine bash -c 'echo hi' && docker exec -i box ls");
    }

    @Test
    void anInteractiveSessionADetachedContainerAndAnythingElseAreLeftAsWritten() {
        for (String command : new String[] {
                "docker run -it ubuntu",                       // the image's own command: a shell, typically
                "docker run -it --rm ubuntu bash",             // a shell alone
                "docker exec -it client /bin/sh",
                "docker run -itd --name client simple-client", // detached: no terminal asked for
                "docker run -d -t alpine sleep 9",
                "docker run --rm -e T=-t alpine env",          // a value, not the flag
                "docker run -i --rm alpine cat",               // no -t
                "docker logs -t server",                       // not run or exec
                "echo docker run -it alpine ls",
                "docker run \"-it\" alpine ls"}) {             // quoted: as the author wrote it
            assertThat(NoTerminal.inCommand(command)).as(command).isEqualTo(command);
        }
    }
}
