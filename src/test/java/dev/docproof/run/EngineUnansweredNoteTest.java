package dev.docproof.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EngineUnansweredNoteTest {

    @Test
    void aSlowCallAndAStoppedEngineAreEachOneSentenceNamingTheCallAndTheWait() {
        assertThat(new Note.EngineUnanswered("unix:///var/run/docker.sock", "POST /images/create", Duration.ofSeconds(9),
                true).describe()).isEqualTo("the engine at unix:///var/run/docker.sock was slow: the step's"
                + " `POST /images/create` had waited 9.0s for an answer, and the engine still answers other calls, so"
                + " that call itself is slow");
        assertThat(new Note.EngineUnanswered("unix:///var/run/docker.sock", "GET /networks", Duration.ofSeconds(3),
                false).describe()).isEqualTo("the engine at unix:///var/run/docker.sock stopped answering: the step's"
                + " `GET /networks` had waited 3.0s for an answer, and the engine does not answer a ping either (is"
                + " dockerd stopped or overloaded?)");
    }
}
