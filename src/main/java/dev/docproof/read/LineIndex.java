package dev.docproof.read;

import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Maps character offsets of a text to 1-based lines and columns, and gives back exact source lines. */
final class LineIndex {

    private final Path file;
    private final String text;
    private final int[] lineStarts;

    LineIndex(Path file, String text) {
        this.file = file;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line of a character offset. */
    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    SourceSpan spanOf(int offset) {
        int line = lineOf(offset);
        return new SourceSpan(file, line, offset - lineStarts[line - 1] + 1);
    }

    SourceSpan spanAtLine(int line) {
        return new SourceSpan(file, line, 1);
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** Source line {@code line} (1-based) without its line ending. */
    String line(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }
}
