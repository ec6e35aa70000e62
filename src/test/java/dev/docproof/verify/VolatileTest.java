package dev.docproof.verify;

import dev.docproof.lesson.Sample;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each volatile kind: a documented value matches another value of its kind on the same line, as drift. */
class VolatileTest {

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SHA256_ID      | sha256:1a43c6f0cecc                                                     | sha256:751c4c09e57b
            LONG_ID        | 1a43c6f0cecc5b1e2e5e5c0a0f6c1f7b8e2d1a43c6f0cecc5b1e2e5e5c0a0f6c | 751c4c09e57b5b1e2e5e5c0a0f6c1f7b8e2d1a43c6f0cecc5b1e2e5e5c0a0f6c
            SHORT_ID       | 1a43c6f0cecc                                                            | 751c4c09e57b
            TIMESTAMP      | 2026-11-30T11:46:04.123Z                                                | 2026-12-01T00:00:00Z
            TIMESTAMP      | 2026-11-30 11:46:04 +0000 UTC                                           | 2026-12-02 08:01:59 +0000 UTC
            TIMESTAMP      | Mon, 30 Nov 2026 12:07:31 GMT                                           | Tue, 01 Dec 2026 08:00:00 GMT
            TIMESTAMP      | Mon Nov 30 11:46:04 UTC 2026                                            | Tue Dec  1 08:00:00 UTC 2026
            TIMESTAMP      | Mar  4 09:12                                                            | Dec 13 06:25
            TIMESTAMP      | Mon Mar 4 09:14:02 2024 +0100                                           | Thu Dec 3 09:01:01 2026 +0000
            TIMESTAMP      | 12/Mar/2024 15:04:33                                                    | 03/Dec/2026 09:02:53
            TIMESTAMP      | 12/Mar/2024:15:04:33 +0000                                              | 03/Dec/2026:09:02:53 +0100
            TIMESTAMP      | Mar  4  2024                                                            | Dec  3 06:25
            TIMESTAMP      | Mar  4 09:12:45                                                         | Dec 13 06:25:02
            COMMIT_ID      | 3a4b5c6                                                                 | 5132397
            COMMIT_ID      | 9fceb02d0ae598e95dc970b74767f19372d61af8                                | 5132397e0c1b8f3a9d2e4c6b8a0f1e3d5c7b9a1f
            FILE_OWNERS    | -rw-r--r-- 1 learner learner                                            | -rw-r--r-- 1 root root
            HOME_FOLDER    | /home/student                                                           | /lesson
            HOME_FOLDER    | /Users/ada.lovelace                                                     | /home/runner/work
            FILE_OWNERS    | drwxr-xr-x. 2 ana staff                                                 | drwxr-xr-x. 2 root    root
            FILE_OWNERS    | drwxrwxrwt 12 root root                                                 | drwxrwxrwt 1 root root
            IPV4           | 172.28.0.2                                                              | 192.168.144.2
            LOOPBACK       | 127.0.0.1                                                               | ::1
            LOOPBACK       | [::1]                                                                   | 127.0.0.1
            RELATIVE_TIME  | 3 seconds ago                                                           | About a minute ago
            RELATIVE_TIME  | Less than a second ago                                                  | 2 hours ago
            DURATION       | 0.012s                                                                  | 12ms
            DURATION       | 1m30s                                                                   | 2.5s
            SIZE           | 168MB                                                                   | 5.58kB
            SIZE           | 31 bytes                                                                | 1024 bytes
            PROGRESS_METER | 100    31  100    31    0     0    997      0 --:--:-- --:--:-- --:--:--  1631 | 100   2048  100  2048    0     0  12.3k      0  0:00:01 --:--:--  0:00:01 12.3k
            """)
    void documentedValueMatchesAnotherOfItsKindAsDrift(Volatile kind, String documented, String actual) {
        int end = kind.detectAt(documented, 0);
        assertThat(end).as("%s recognised as %s", documented, kind).isEqualTo(documented.length());
        for (Volatile earlier : Volatile.values()) {
            if (earlier.ordinal() < kind.ordinal()) {
                assertThat(earlier.detectAt(documented, 0)).as("%s taken by %s first", documented, earlier).isNegative();
            }
        }
        MatchResult result = Matcher.match(new Sample(List.of("value: " + documented + " (end)"), 7), Path.of("x.rst"),
                "", "value: " + actual + " (end)\n", "");
        assertThat(result.outcome()).isEqualTo(MatchResult.Outcome.MATCHED);
        assertThat(result.drift()).containsExactly("line 7: " + documented + " → " + actual);
    }

    @ParameterizedTest(name = "{0} is not volatile")
    @CsvSource(delimiter = '|', textBlock = """
            curl/7.88.1            | curl/7.99.9
            HTTP/1.1               | HTTP/2.0
            port 8080 (#0)         | port 8081 (#0)
            Content-Length: 31     | Content-Length: 44
            networking-test        | networking-tests
            deadbeef               | 5132397
            /home                  | /root
            /etc/hosts             | /etc/host
            build 1234567          | build 7654321
            -rw-r--r-- 1 ana ana   | -rwxr-xr-x 1 root root
            -rw-r--r-- 1 ana ana   | -rw-r--r-- 2 root root
            Mar  4 09:12 (log)     | Mar  4 09:12 (logs)
            """)
    void ordinaryTextMustBeEqual(String documented, String actual) {
        MatchResult result = Matcher.match(new Sample(List.of(documented), 1), Path.of("x.rst"), "", actual + "\n", "");
        assertThat(result.outcome()).isEqualTo(MatchResult.Outcome.MISMATCHED);
    }

    @org.junit.jupiter.api.Test
    void theAuthorsHomeFolderStandsForAnyFolderThePathContinuesFrom() {
        MatchResult init = Matcher.match(new Sample(List.of("Initialized empty Git repository in /home/student/hello-git/.git/"),
                18), Path.of("x.rst"), "", "Initialized empty Git repository in /lesson/hello-git/.git/\n", "");
        MatchResult elsewhere = Matcher.match(new Sample(List.of("Initialized empty Git repository in /home/student/hello-git/.git/"),
                18), Path.of("x.rst"), "", "Initialized empty Git repository in /lesson/other/.git/\n", "");

        assertThat(init.outcome()).isEqualTo(MatchResult.Outcome.MATCHED);
        assertThat(init.drift()).containsExactly("line 18: /home/student → /lesson");
        assertThat(elsewhere.outcome()).isEqualTo(MatchResult.Outcome.MISMATCHED);
    }

    @org.junit.jupiter.api.Test
    void shortIdDocumentedWhereTheFullOneIsPrintedIsTheSameValue() {
        String full = "3f9a1c2be4d7b5e1e2e5e5c0a0f6c1f7b8e2d1a43c6f0cecc5b1e2e5e5c0a0f6";
        MatchResult shortForFull = Matcher.match(new Sample(List.of("id 3f9a1c2be4d7"), 3), Path.of("x.rst"), "",
                "id " + full + "\n", "");
        MatchResult fullForShort = Matcher.match(new Sample(List.of("id " + full), 3), Path.of("x.rst"), "",
                "id 3f9a1c2be4d7\n", "");
        assertThat(shortForFull.outcome()).isEqualTo(MatchResult.Outcome.MATCHED);
        assertThat(shortForFull.drift()).isEmpty();
        assertThat(fullForShort.outcome()).isEqualTo(MatchResult.Outcome.MATCHED);
        assertThat(fullForShort.drift()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anotherContainersFullIdIsDriftNotFailure() {
        MatchResult other = Matcher.match(new Sample(List.of("id 3f9a1c2be4d7"), 3), Path.of("x.rst"), "",
                "id 751c4c09e57b5b1e2e5e5c0a0f6c1f7b8e2d1a43c6f0cecc5b1e2e5e5c0a0f6c\n", "");
        assertThat(other.outcome()).isEqualTo(MatchResult.Outcome.MATCHED);
        assertThat(other.drift()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} ↔ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0:8080->80/tcp                                     | 0.0.0.0:8080->80/tcp, :::8080->80/tcp
            0.0.0.0:8080->80/tcp                                     | 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp
            0.0.0.0:8080->80/tcp, :::8080->80/tcp                    | 0.0.0.0:8080->80/tcp
            0.0.0.0:8080->80/tcp, :::8080->80/tcp                    | 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp
            0.0.0.0:80->80/tcp, 0.0.0.0:443->443/tcp                 | 0.0.0.0:80->80/tcp, :::80->80/tcp, 0.0.0.0:443->443/tcp, :::443->443/tcp
            0.0.0.0:80->80/tcp, 0.0.0.0:443->443/tcp                 | 0.0.0.0:80->80/tcp, 0.0.0.0:443->443/tcp, :::80->80/tcp, :::443->443/tcp
            127.0.0.1:5432->5432/tcp                                 | 127.0.0.1:5432->5432/tcp
            """)
    void publishedPortsMatchWithOrWithoutTheirIpv6TwinsInEitherNotation(String documented, String actual) {
        MatchResult result = Matcher.match(new Sample(List.of("abc   nginx   " + documented + "   web"), 4), Path.of("x.rst"),
                "", "abc   nginx   " + actual + "   web\n", "");
        assertThat(result.outcome()).isEqualTo(MatchResult.Outcome.MATCHED);
        assertThat(result.drift()).isEmpty();
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0:8080->80/tcp                     | 0.0.0.0:8081->80/tcp, :::8081->80/tcp
            0.0.0.0:8080->80/tcp, :::8080->80/tcp    | 127.0.0.1:8080->80/tcp
            0.0.0.0:80->80/tcp, 0.0.0.0:443->443/tcp | 0.0.0.0:80->80/tcp, :::80->80/tcp
            0.0.0.0:8080->80/tcp                     | 0.0.0.0:8080->80/udp
            """)
    void thePortsTheLessonPublishedMustBeAsWritten(String documented, String actual) {
        MatchResult result = Matcher.match(new Sample(List.of("ports " + documented), 4), Path.of("x.rst"), "",
                "ports " + actual + "\n", "");
        assertThat(result.outcome()).isEqualTo(MatchResult.Outcome.MISMATCHED);
    }

    @org.junit.jupiter.api.Test
    void theIpv6TwinOfAPortLineIsNeitherRequiredNorAbridged() {
        String v4 = "80/tcp -> 0.0.0.0:8080\n";
        MatchResult twinPrinted = Matcher.match(new Sample(List.of("80/tcp -> 0.0.0.0:8080"), 9), Path.of("x.rst"), "",
                v4 + "80/tcp -> [::]:8080\n", "");
        MatchResult twinDocumented = Matcher.match(new Sample(List.of("80/tcp -> 0.0.0.0:8080", "80/tcp -> :::8080"), 9),
                Path.of("x.rst"), "", v4, "");
        MatchResult otherNotation = Matcher.match(new Sample(List.of("80/tcp -> 0.0.0.0:8080", "80/tcp -> :::8080"), 9),
                Path.of("x.rst"), "", v4 + "80/tcp -> [::]:8080\n", "");
        MatchResult otherPort = Matcher.match(new Sample(List.of("80/tcp -> 0.0.0.0:8080"), 9), Path.of("x.rst"), "",
                "80/tcp -> 0.0.0.0:9090\n80/tcp -> [::]:9090\n", "");

        for (MatchResult result : List.of(twinPrinted, twinDocumented, otherNotation)) {
            assertThat(result).isEqualTo(new MatchResult(MatchResult.Outcome.MATCHED, List.of(), List.of(), null));
        }
        assertThat(otherPort.outcome()).isEqualTo(MatchResult.Outcome.MISMATCHED);
    }

    @org.junit.jupiter.api.Test
    void aCtrlCLineIsNotRequired() {
        MatchResult stopped = Matcher.match(new Sample(List.of("172.18.0.1 - - [12/Mar/2024 15:04:33] \"GET / HTTP/1.1\" 200 -",
                "^C"), 3), Path.of("x.rst"), "", "", "172.18.0.1 - - [03/Dec/2026 09:02:53] \"GET / HTTP/1.1\" 200 -\n");

        assertThat(stopped.outcome()).isEqualTo(MatchResult.Outcome.MATCHED);
        assertThat(stopped.abridged()).isEmpty();
    }
}
