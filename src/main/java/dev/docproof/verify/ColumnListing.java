package dev.docproof.verify;

import dev.docproof.lesson.Sample;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A sample of names laid out in columns, as {@code ls} shows them at the author's terminal, against the same
 * names one per line, as {@code ls} writes them into a pipe. The layout follows the terminal's width and the order
 * its locale's collation ({@code app.py  Dockerfile} or {@code Dockerfile  app.py}), so only the names count. Pure.
 */
public final class ColumnListing {

    private static final Pattern COLUMN_GAP = Pattern.compile("\\s{2,}|\\t+");

    private ColumnListing() {}

    /** Whether {@code stdout}, one name per line, holds exactly the names the sample shows in columns. */
    public static boolean sameNames(Sample sample, String stdout) {
        if (sample.lines().stream().anyMatch(line -> line.contains("...") || line.contains("…"))) {
            return false; // an elided sample says some names are left out: the full comparison judges it
        }
        List<String> documented = sample.lines().stream()
                .flatMap(line -> Arrays.stream(COLUMN_GAP.split(line.strip())))
                .filter(name -> !name.isEmpty()).map(ColumnListing::unquoted).sorted().toList();
        List<String> actual = TerminalText.render(stdout).stream().map(String::strip).filter(name -> !name.isEmpty())
                .sorted().toList();
        return !documented.isEmpty() && documented.equals(actual);
    }

    /** At a terminal ls quotes a name holding a blank ({@code 'my notes.txt'}); into a pipe it does not. */
    private static String unquoted(String name) {
        return name.length() > 2 && name.startsWith("'") && name.endsWith("'") ? name.substring(1, name.length() - 1) : name;
    }
}
