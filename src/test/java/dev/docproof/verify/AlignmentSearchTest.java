package dev.docproof.verify;

import dev.docproof.lesson.Sample;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The table search and the bounded memoised search (used beyond the table's size) find equally good answers. */
class AlignmentSearchTest {

    private static final Pattern COUNT = Pattern.compile(": (\\d+) actual lines? not shown");

    @Test
    void tableAndBoundedSearchAgreeOnRandomOutputs() {
        Random random = new Random(42);
        String[] words = {"alpha", "beta", "gamma", "id 4f3c2a1b0e9d", "ip 10.0.0.1", "", "delta"};
        String[] documented = {"alpha", "beta", "gamma", "id 0123456789ab", "ip 10.0.0.2", "...", "<word>", "epsilon"};
        for (int round = 0; round < 400; round++) {
            String out = lines(random, words, random.nextInt(8));
            String err = lines(random, words, random.nextInt(8));
            List<String> sample = new ArrayList<>();
            for (int k = 1 + random.nextInt(5); k > 0; k--) {
                sample.add(documented[random.nextInt(documented.length)]);
            }
            Sample s = new Sample(sample, 1);
            MatchResult table = Matcher.match(s, Path.of("x.rst"), "", out, err);
            MatchResult search = Matcher.match(s, Path.of("x.rst"), "", out, err, 0);
            String why = sample + " / " + out.replace("\n", "|") + " / " + err.replace("\n", "|");
            assertThat(search.outcome()).as(why).isEqualTo(table.outcome());
            assertThat(abridgedLines(search)).as(why).isEqualTo(abridgedLines(table));
            assertThat(search.drift().size()).as(why).isEqualTo(table.drift().size());
        }
    }

    private static String lines(Random random, String[] words, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(words[random.nextInt(words.length)]).append('\n');
        }
        return text.toString();
    }

    private static int abridgedLines(MatchResult result) {
        return result.abridged().stream().mapToInt(a -> {
            var m = COUNT.matcher(a);
            assertThat(m.find()).as(a).isTrue();
            return Integer.parseInt(m.group(1));
        }).sum();
    }
}
