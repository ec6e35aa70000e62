package dev.docproof.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadsTest {

    @ParameterizedTest(name = "{0} fetches {1}")
    @CsvSource(delimiter = '|', textBlock = """
            git clone https://github.com/LaunchCodeEducation/starter.git                  | starter
            git clone --depth 1 -b main https://github.com/org/app.git my-app             | my-app
            git clone git@github.com:org/course-repo.git                                  | course-repo
            cd /tmp && git clone https://gitlab.example.com/group/tool/                   | tool
            wget https://example.com/files/data.csv                                       | data.csv
            wget -q -O settings.json https://example.com/api/settings?x=1                 | settings.json
            curl -fsSLO https://example.com/install.sh                                    | install.sh
            curl -O https://example.com/a.tgz && tar xzf a.tgz                            | a.tgz
            curl -L -o app.zip https://example.com/download                               | app.zip
            curl --output=notes.txt https://example.com/notes                             | notes.txt
            wget -qO page.html https://example.com/                                       | page.html
            curl -so out.json https://example.com/api                                     | out.json
            git clone https://github.com/org/app.git /opt/app                             |
            curl https://example.com/install.sh                                           |
            curl -o - https://example.com/install.sh                                      |
            git status                                                                    |
            """)
    void whatACommandFetchesIntoTheWorkingFolder(String command, String fetched) {
        List<String> expected = fetched == null ? List.of() : Arrays.asList(fetched.split(","));
        assertThat(Downloads.by(command)).isEqualTo(expected);
    }
}
