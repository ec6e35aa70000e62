package dev.docproof.plan;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a code block is the content of a file the reader is told to create, and which file. Pure.
 *
 * <p>Evidence, strongest first: the block's caption or title is a file name ({@code :caption: Dockerfile},
 * AsciiDoc's {@code .docker-compose.yml}, a Markdown fence's {@code title="app.py"}); or the paragraph right
 * before it tells the reader to put it into exactly one named file ("Paste this into ``Dockerfile``:").
 * A paragraph that names a file without such an instruction, or names several, is ambiguous: the block stays
 * prose and the planner says how to mark it.
 */
final class FileTargets {

    /** The file a block goes into, or why it may be one. */
    sealed interface Verdict {
        record File(String name, String evidence) implements Verdict {}

        record Ambiguous(String why) implements Verdict {}

        record None() implements Verdict {}
    }

    private static final Set<String> BARE_NAMES = Set.of("dockerfile", "containerfile", "makefile", "procfile",
            "vagrantfile", "jenkinsfile", "gemfile", ".env", ".dockerignore", ".gitignore");
    /** A path whose last part has an extension files in lessons have, or starts with a dot ({@code .env}). */
    private static final Pattern FILE_NAME = Pattern.compile("(?:[\\w.-]+/)*(?:[\\w-]+(?:\\.[\\w-]+)*\\.(?:"
            + "ya?ml|json|toml|ini|cfg|conf|env|txt|md|rst|adoc|py|js|mjs|ts|java|go|rb|php|rs|c|h|cpp|sh|bash|html|css"
            + "|xml|properties|sql|service|socket|timer|lock|gradle|kts|tf|dockerfile|conf\\.d)|\\.[\\w]+(?:\\.[\\w]+)*)");
    private static final Pattern INSTRUCTION = Pattern.compile(
            "\\b(?:paste|put|save|write|add|copy|create|place|enter|type|store)\\b.*\\b(?:in|into|to|as|named|called|file)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_OPTION = Pattern.compile("\\btitle=\"?([^\"\\s]+)\"?");

    private FileTargets() {}

    static Verdict of(Node.CodeBlock block, Node before) {
        Optional<String> caption = caption(block);
        if (caption.isPresent() && isFileName(caption.get())) {
            return new Verdict.File(caption.get(), "the block's caption names " + caption.get());
        }
        if (!(before instanceof Node.Paragraph paragraph)) {
            return new Verdict.None();
        }
        List<String> named = namedFiles(paragraph.content());
        if (named.isEmpty()) {
            return new Verdict.None();
        }
        String text = Inline.plain(paragraph.content());
        boolean instructs = INSTRUCTION.matcher(text).find() && text.strip().endsWith(":");
        if (instructs && named.size() == 1) {
            return new Verdict.File(named.get(0), "the sentence before the block says to put it into " + named.get(0));
        }
        return new Verdict.Ambiguous("the sentence before the block names " + String.join(", ", named)
                + (instructs ? "" : " without saying to put the block there"));
    }

    private static Optional<String> caption(Node.CodeBlock block) {
        String caption = block.options().get("caption");
        if (caption == null) {
            caption = block.options().get("title");
        }
        if (caption == null && block.options().containsKey("info")) {
            Matcher m = TITLE_OPTION.matcher(block.options().get("info"));
            caption = m.find() ? m.group(1) : null;
        }
        return Optional.ofNullable(caption).map(String::strip);
    }

    /** A word that names a file: {@code Dockerfile}, {@code docker-compose.yml}, {@code app/main.py}, {@code .env}. */
    static boolean isFileName(String word) {
        if (word.isEmpty() || word.contains(" ") || word.startsWith("http")) {
            return false;
        }
        String last = word.substring(word.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return BARE_NAMES.contains(last) || FILE_NAME.matcher(word).matches();
    }

    /** File names in a paragraph: its literals, and bare words such as Dockerfile, in the order they stand. */
    private static List<String> namedFiles(List<Inline> content) {
        List<String> names = new ArrayList<>();
        for (Inline inline : content) {
            if (inline instanceof Inline.Literal l && isFileName(l.text().strip())) {
                names.add(l.text().strip());
            } else if (inline instanceof Inline.Text t) {
                for (String word : t.text().split("[\\s,;:()\"']+")) {
                    String w = word.replaceAll("[.!?]+$", "");
                    if (BARE_NAMES.contains(w.toLowerCase(Locale.ROOT)) && !names.contains(w)) {
                        names.add(w);
                    }
                }
            }
        }
        return names.stream().distinct().toList();
    }
}
