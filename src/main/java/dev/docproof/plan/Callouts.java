package dev.docproof.plan;

import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AsciiDoc's callouts: markers at the end of a code line ({@code <1>}, {@code # <2>}, {@code // <3>},
 * {@code <!--4-->}) that Asciidoctor turns into numbered badges. They are not part of the command: a learner
 * copying {@code docker volume create data <1>} from the page gets {@code docker volume create data}. Pure.
 */
public final class Callouts {

    private static final Pattern TRAILING = Pattern.compile(
            "\\s*(?:(?://|#|--|;;) ?)?(?:<(?:\\d+|\\.)>|<!--(?:\\d+|\\.)-->)(?:\\s*(?:<(?:\\d+|\\.)>|<!--(?:\\d+|\\.)-->))*\\s*$");

    private static final Pattern NUMBER = Pattern.compile("\\d+|\\.");

    private Callouts() {}

    /** The callout markers ending {@code line}, with the space before them; "" when there are none. */
    public static String trailing(String line) {
        Matcher m = TRAILING.matcher(line);
        return m.find() ? line.substring(m.start()) : "";
    }

    /** The numbers of the callouts ending {@code line}, in order ({@code .} for an auto-numbered one). */
    public static List<String> numbers(String line) {
        Matcher m = NUMBER.matcher(trailing(line));
        List<String> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    /** {@code line} without the callout markers that end it. */
    public static String strip(String line) {
        return line.substring(0, line.length() - trailing(line).length());
    }

    /** The block as its commands read, each line without its callouts. */
    static Node.CodeBlock strip(Node.CodeBlock block) {
        if (block.lines().stream().allMatch(line -> trailing(line).isEmpty())) {
            return block;
        }
        return new Node.CodeBlock(block.span(), block.language(), block.options(),
                block.lines().stream().map(Callouts::strip).toList(), block.firstLine(), block.indent());
    }
}
