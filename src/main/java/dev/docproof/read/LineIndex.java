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
    /** Where each line of {@link #text} stands in the file, for a text cut out of it; null: the file's own text. */
    private final int[] fileLines;
    private final int[] columnShifts;

    LineIndex(Path file, String text) {
        this(file, text, null, null);
    }

    /**
     * An index of a text cut out of the file (a container's content without its indentation): its line {@code i}
     * (0-based) is the file's line {@code fileLines[i]}, starting {@code columnShifts[i]} columns in.
     */
    static LineIndex cutOut(Path file, String text, int[] fileLines, int[] columnShifts) {
        return new LineIndex(file, text, fileLines, columnShifts);
    }

    private LineIndex(Path file, String text, int[] fileLines, int[] columnShifts) {
        this.fileLines = fileLines;
        this.columnShifts = columnShifts;
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
        int column = offset - lineStarts[line - 1] + 1;
        return fileLines == null ? new SourceSpan(file, line, column)
                : new SourceSpan(file, fileLines[line - 1], column + columnShifts[line - 1]);
    }

    SourceSpan spanAtLine(int line) {
        return fileLines == null ? new SourceSpan(file, line, 1) : new SourceSpan(file, fileLines[line - 1], 1);
    }

    /** How many spaces {@code line} starts with. */
    static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The offset where line {@code line} (1-based) starts. */
    int startOf(int line) {
        return lineStarts[line - 1];
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
