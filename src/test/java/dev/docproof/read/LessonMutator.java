package dev.docproof.read;

import dev.docproof.lesson.Lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Makes hostile lessons from real ones: a window of a seed lesson, then a few edits that favour the
 * format's own markup (inserted delimiters, directives, indentation, control characters, bytes that are
 * not UTF-8, pieces of other seeds). Deterministic for a given {@link Random}.
 */
public final class LessonMutator {

    private static final List<String> COMMON = List.of("\n", "\n\n", "   ", "    ", "\t", "\r", "\r\n", "\u0000",
            "\u001b[2J", "\uFEFF", "\u00a0", "\u2028", "\\", "`", "*", "_", "|", ":", "<", ">", "[", "]", "$ ", "$ docker run \\\n",
            "<<EOF\n", "\nEOF\n", "...", "# ", "x", "é", "\uD83D\uDE00");

    private static final List<String> RST = List.of("``", "`x`__", "`x <y>`_", "`x`_", "__", "__ ", "__ x\n", ".. ",
            ".. _x:", ".. __:", ".. __: x", ".. |x| replace:: y", "|x|", "::", "::\n\n", "* ", "- ", "#. ", "1. ",
            "(a) ", "i) ", "+---+---+", "+===+===+", "| a | b |", "===", "=== ===", "---", "~~~", ":f: ", ":x:`y`",
            ".. code-block:: bash\n\n   ", ".. code:: console\n", ".. note::", ".. admonition::", ".. figure:: x",
            ".. image:: y", ".. include:: z", ".. raw:: html", ".. toctree::", ".. [#] ", "[#]_", "[1]_", ".. [1] ", ".. tabs::\n\n   .. tab:: A\n", ".. code-tab:: bash",
            ".. tab-set::", ".. rubric:: ", ".. sidebar:: x", ".. container::", "[*]_", ".. [*] ", "[CIT]_",
            ">>> ", "| ", ":kbd:`", ":ref:`x <y>`", "**", "--", "-x", "/x", "\\`", "`` x ``", "x::", "   :option: v");

    private static final List<String> MARKDOWN = List.of("```", "~~~", "```bash\n", "```console\n$ ls\n```", "    ",
            "> ", "> [!NOTE]", "- ", "* ", "1. ", "1) ", "|", "---", "===", "| a | b |\n|---|---|\n", "|:-:|", "[x]: y",
            "[x]", "[x](y)", "![i](j)", "<div>", "</div>", "<!--", "-->", "# ", "## ", "**", "__", "`` ", "\\\n",
            "<pre>", "&amp;", "&#0;", "[^1]", "[^1]: ", "- [ ] ", "+++", "---\ntitle: x\n---\n", "```{note}\n",
            "```{code-block} bash\n:caption: x\n\n", ":::{tip}\n", ":::", "::::{tab-set}\n", ":::{tab-item} A\n",
            "```{eval-rst}\n.. note:: x\n", "```{toctree}\n", "```{admonition} T\n", "---\nkey: v\n---\n", "{bash}");

    private static final List<String> ASCIIDOC = List.of("----", "....", "[source,bash]", "[source,console]\n----\n$ ls\n----",
            "====", "|===", "a|", "2+|", "include::x[]", ":attr: v", "{attr}", "ifdef::x[]", "endif::[]", "[[id]]",
            "<<id>>", "NOTE: ", "[NOTE]", "* ", "** ", ". ", ".Title", "+", "//", "////", "```", "= ", "== ", "=== ",
            ":leveloffset: +1", "[subs=attributes+]", "pass:[x]", "footnote:[x]", "image::x[]", "link:x[y]", "****",
            "--", "[%collapsible]", "[cols=\"1,2\"]", "::", ";;", "<1>", "{counter:x}", "\\{");

    private final Lesson.Format format;
    private final List<String> seeds;
    private final List<String> tokens;

    LessonMutator(Lesson.Format format, List<String> seeds) {
        this.format = format;
        this.seeds = List.copyOf(seeds);
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(switch (format) {
            case RST -> RST;
            case MARKDOWN -> MARKDOWN;
            case ASCIIDOC -> ASCIIDOC;
        });
        this.tokens = List.copyOf(all);
    }

    /** Seeds: the lessons and reader fixtures of this format that the project holds. */
    public static LessonMutator forFormat(Lesson.Format format) {
        List<Path> roots = List.of(Path.of("content"), Path.of("src/test/resources"));
        List<String> seeds = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(f -> LessonFiles.formatOf(f).orElse(null) == format)
                        .filter(f -> !f.toString().contains("fuzz-corpus"))
                        .sorted().forEach(f -> seeds.add(readText(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no " + format + " seed lessons under " + roots);
        }
        return new LessonMutator(format, seeds);
    }

    Lesson.Format format() {
        return format;
    }

    /** One mutated lesson, as bytes (not always UTF-8). */
    public byte[] next(Random random) {
        String seed = seeds.get(random.nextInt(seeds.size()));
        StringBuilder text = new StringBuilder(window(seed, random));
        int edits = 1 + random.nextInt(8);
        for (int k = 0; k < edits; k++) {
            edit(text, random);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(20) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // not UTF-8 any more
        }
        return bytes;
    }

    /** A run of whole lines of the seed, mostly short: small inputs reach the corners faster. */
    private static String window(String seed, Random random) {
        String[] lines = seed.split("\n", -1);
        if (random.nextInt(10) == 0) {
            return seed;
        }
        int from = random.nextInt(lines.length);
        int to = Math.min(lines.length, from + 1 + random.nextInt(40));
        return String.join("\n", List.of(lines).subList(from, to)) + (random.nextBoolean() ? "\n" : "");
    }

    private void edit(StringBuilder text, Random random) {
        int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
        switch (random.nextInt(9)) {
            case 0, 1 -> text.insert(at, token(random));
            case 2 -> text.insert(lineStart(text, at), token(random));
            case 3 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(40)));
            case 4 -> {
                int end = Math.min(text.length(), at + 1 + random.nextInt(80));
                text.insert(at, text.substring(at, end));
            }
            case 5 -> {
                if (at < text.length()) {
                    text.setCharAt(at, (char) random.nextInt(random.nextBoolean() ? 0x80 : 0x3000));
                }
            }
            case 6 -> {
                String other = window(seeds.get(random.nextInt(seeds.size())), random);
                text.insert(lineStart(text, at), other);
            }
            case 7 -> text.insert(lineStart(text, at), " ".repeat(1 + random.nextInt(8)));
            default -> text.setLength(at);
        }
    }

    private String token(Random random) {
        String t = tokens.get(random.nextInt(tokens.size()));
        return random.nextInt(4) == 0 ? t.repeat(2 + random.nextInt(3)) : t;
    }

    private static int lineStart(CharSequence text, int at) {
        int i = Math.min(at, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    private static String readText(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // a seed with bad bytes is welcome
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code rst}, {@code md}, {@code adoc}: the corpus folder and file extension of a format. */
    public static String extension(Lesson.Format format) {
        return switch (format) {
            case RST -> "rst";
            case MARKDOWN -> "md";
            case ASCIIDOC -> "adoc";
        };
    }

    @Override
    public String toString() {
        return format.name().toLowerCase(Locale.ROOT) + " mutator over " + seeds.size() + " seeds";
    }
}
