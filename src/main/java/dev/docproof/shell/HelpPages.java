package dev.docproof.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CLI's help texts as it printed them, one page per command, kept together in one text so that they can be
 * cached per client version and shipped as a test fixture. The format:
 * <pre>
 * docproof-help 1
 * program docker
 * version Docker version 28.2.2, build e6534b4
 * === docker
 * (the page of {@code docker --help})
 * === docker network connect
 * ...
 * </pre>
 */
public record HelpPages(String program, String version, Map<List<String>, String> pages) {

    private static final String MAGIC = "docproof-help 1";
    private static final String PAGE = "=== ";

    public HelpPages {
        Map<List<String>, String> copy = new LinkedHashMap<>();
        pages.forEach((path, text) -> copy.put(List.copyOf(path), text));
        pages = java.util.Collections.unmodifiableMap(copy);
    }

    public String page(List<String> path) {
        return pages.get(path);
    }

    public String write() {
        StringBuilder out = new StringBuilder(MAGIC).append('\n')
                .append("program ").append(program).append('\n')
                .append("version ").append(version).append('\n');
        pages.forEach((path, text) -> {
            out.append(PAGE).append(program);
            path.forEach(word -> out.append(' ').append(word));
            out.append('\n').append(text);
            if (!text.endsWith("\n")) {
                out.append('\n');
            }
        });
        return out.toString();
    }

    /** The pages written by {@link #write()}; empty when {@code text} is not in that format. */
    public static Optional<HelpPages> read(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 3 || !lines[0].equals(MAGIC) || !lines[1].startsWith("program ")
                || !lines[2].startsWith("version ")) {
            return Optional.empty();
        }
        String program = lines[1].substring("program ".length());
        String version = lines[2].substring("version ".length());
        Map<List<String>, String> pages = new LinkedHashMap<>();
        List<String> path = null;
        StringBuilder page = new StringBuilder();
        for (int i = 3; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(PAGE)) {
                if (path != null) {
                    pages.put(path, page.toString());
                }
                List<String> words = Arrays.asList(line.substring(PAGE.length()).split(" "));
                if (!words.get(0).equals(program)) {
                    return Optional.empty();
                }
                path = new ArrayList<>(words.subList(1, words.size()));
                page.setLength(0);
            } else if (path != null && !(i == lines.length - 1 && line.isEmpty())) {
                page.append(line).append('\n');
            }
        }
        if (path != null) {
            pages.put(path, page.toString());
        }
        return Optional.of(new HelpPages(program, version, pages));
    }
}
