package dev.docproof.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells a prompt-less shell block that holds file content (an env file, an INI or systemd unit, YAML, JSON)
 * from one that holds commands. Pure. Every line that is not blank or a comment must read as data; one line
 * that reads as a command keeps the block runnable.
 */
final class DataBlocks {

    private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*=(?:\"[^\"]*\"|'[^']*'|[^\\s;&|`$()]*)");
    private static final Pattern INI_SECTION = Pattern.compile("\\[[A-Za-z][\\w .:-]*]");
    private static final Pattern INI_KEY = Pattern.compile("[A-Za-z][\\w.-]*\\s*=\\s*.*");
    private static final Pattern YAML_KEY = Pattern.compile("\\s*(?:- )?[\\w.\"'-]+:(?:\\s.*)?");
    private static final Pattern YAML_ITEM = Pattern.compile("\\s*- .*");

    private DataBlocks() {}

    /** Whether the block's lines read as data rather than commands. */
    static boolean isData(List<String> lines) {
        List<String> content = lines.stream().filter(l -> !l.isBlank() && !Prompts.isComment(l)).toList();
        if (content.isEmpty()) {
            return false;
        }
        String first = content.get(0).strip();
        String last = content.get(content.size() - 1).strip();
        if ((first.startsWith("{") && last.endsWith("}")) || (first.startsWith("[{") && last.endsWith("]"))) {
            return true; // JSON
        }
        if (content.stream().allMatch(l -> KEY_VALUE.matcher(l.strip()).matches())) {
            return true; // an env file: KEY=value
        }
        boolean sections = content.stream().anyMatch(l -> INI_SECTION.matcher(l.strip()).matches());
        if (sections && content.stream().allMatch(l -> INI_SECTION.matcher(l.strip()).matches()
                || INI_KEY.matcher(l.strip()).matches())) {
            return true; // INI, a systemd unit
        }
        boolean keys = content.stream().anyMatch(l -> YAML_KEY.matcher(l).matches());
        return keys && content.stream().allMatch(l -> l.strip().equals("---") || YAML_KEY.matcher(l).matches()
                || YAML_ITEM.matcher(l).matches() || l.startsWith(" "));
    }
}
