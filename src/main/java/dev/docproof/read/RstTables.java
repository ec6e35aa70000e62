package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Grid tables (cells found by walking their borders from each top-left corner, as docutils does) and
 * simple tables (columns from the {@code ===} borders). Cell content is parsed as blocks. A table
 * that cannot be read becomes a paragraph of its raw text plus an error, so nothing is lost.
 */
final class RstTables {

    private final RstContext ctx;
    private final RstBlockParser blocks;

    RstTables(RstContext ctx, RstBlockParser blocks) {
        this.ctx = ctx;
        this.blocks = blocks;
    }

    /** {@code +-...-+}: the top border of a grid table. */
    static boolean isGridTop(String t) {
        if (t.length() < 3 || t.charAt(0) != '+' || t.charAt(1) != '-' || t.charAt(t.length() - 1) != '+') {
            return false;
        }
        for (int k = 1; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c != '-' && c != '+') {
                return false;
            }
        }
        return t.charAt(t.length() - 2) == '-';
    }

    /** {@code ===  ===}: the top border of a simple table (at least two columns). */
    static boolean isSimpleTop(String t) {
        if (t.charAt(0) != '=') {
            return false;
        }
        boolean gap = false;
        for (int k = 1; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == ' ') {
                gap = true;
            } else if (c != '=') {
                return false;
            }
        }
        return gap;
    }

    private static boolean isSimpleBorder(String t) {
        if (t.isEmpty() || t.charAt(0) != '=') {
            return false;
        }
        for (int k = 1; k < t.length(); k++) {
            if (t.charAt(k) != '=' && t.charAt(k) != ' ') {
                return false;
            }
        }
        return true;
    }

    // ----- grid tables -----

    private record Cell(int top, int left, int bottom, int right) {}

    int grid(List<RstLine> lines, int i, RstSectionTree out) {
        int end = i;
        while (end < lines.size() && !lines.get(end).blank()) {
            end++;
        }
        List<RstLine> block = lines.subList(i, end);
        int width = 0;
        for (RstLine l : block) {
            width = Math.max(width, l.text().length());
        }
        char[][] grid = new char[block.size()][];
        int headSep = -1;
        for (int r = 0; r < block.size(); r++) {
            char[] row = Arrays.copyOf(block.get(r).text().toCharArray(), width);
            for (int c = block.get(r).text().length(); c < width; c++) {
                row[c] = ' ';
            }
            if (r > 0 && row.length > 1 && row[0] == '+' && row[1] == '=') {
                headSep = r;
                for (int c = 0; c < width; c++) {
                    if (row[c] == '=') {
                        row[c] = '-';
                    }
                }
            }
            grid[r] = row;
        }
        List<Cell> cells = new GridScan(grid).cells();
        if (cells == null) {
            RstLine last = block.get(block.size() - 1);
            malformed(lines, i, end, out, last, "Malformed grid table: borders do not close every cell"
                    + " (check that each row ends with a +---+ border and all lines are aligned)");
            return end;
        }
        List<List<List<Node>>> header = new ArrayList<>();
        List<List<List<Node>>> body = new ArrayList<>();
        int currentTop = -1;
        List<List<Node>> row = null;
        for (Cell cell : cells) {
            if (cell.top() != currentTop) {
                row = new ArrayList<>();
                (headSep >= 0 && cell.top() < headSep ? header : body).add(row);
                currentTop = cell.top();
            }
            row.add(blocks.parseNested(cellLines(block, cell)));
        }
        out.add(new Node.Table(ctx.span(lines.get(i)), freeze(header), freeze(body)));
        return end;
    }

    private static List<RstLine> cellLines(List<RstLine> block, Cell cell) {
        List<RstLine> content = new ArrayList<>();
        for (int r = cell.top() + 1; r < cell.bottom(); r++) {
            RstLine line = block.get(r);
            String t = line.text();
            String part = t.length() > cell.left() + 1 ? t.substring(cell.left() + 1, Math.min(t.length(), cell.right())) : "";
            content.add(line.at(line.column() + cell.left() + 1, part.stripTrailing()));
        }
        int indent = RstLine.minIndent(content, 0, content.size());
        return RstLine.dedent(content, 0, content.size(), indent, indent);
    }

    /** docutils' grid-table walk: from each corner scan right, down, left and up to close a cell. */
    private static final class GridScan {
        private final char[][] g;
        private final int bottom;
        private final int right;
        private final int[] done;

        GridScan(char[][] g) {
            this.g = g;
            this.bottom = g.length - 1;
            this.right = g[0].length - 1;
            this.done = new int[g[0].length];
            Arrays.fill(done, -1);
        }

        List<Cell> cells() {
            List<Cell> cells = new ArrayList<>();
            List<int[]> corners = new ArrayList<>();
            corners.add(new int[] {0, 0});
            while (!corners.isEmpty()) {
                int[] corner = corners.remove(0);
                int top = corner[0];
                int left = corner[1];
                if (top == bottom || left == right || top <= done[left]) {
                    continue;
                }
                Cell cell = scanRight(top, left);
                if (cell == null) {
                    continue;
                }
                for (int c = cell.left(); c < cell.right(); c++) {
                    done[c] = cell.bottom() - 1;
                }
                cells.add(cell);
                corners.add(new int[] {top, cell.right()});
                corners.add(new int[] {cell.bottom(), left});
                corners.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            }
            for (int c = 0; c < right; c++) {
                if (done[c] != bottom - 1) {
                    return null;
                }
            }
            cells.sort((a, b) -> a.top() != b.top() ? Integer.compare(a.top(), b.top()) : Integer.compare(a.left(), b.left()));
            return cells;
        }

        private Cell scanRight(int top, int left) {
            char[] line = g[top];
            for (int c = left + 1; c <= right; c++) {
                if (line[c] == '+') {
                    int cellBottom = scanDown(top, left, c);
                    if (cellBottom >= 0) {
                        return new Cell(top, left, cellBottom, c);
                    }
                } else if (line[c] != '-') {
                    return null;
                }
            }
            return null;
        }

        private int scanDown(int top, int left, int cellRight) {
            for (int r = top + 1; r <= bottom; r++) {
                if (g[r][cellRight] == '+') {
                    if (scanLeft(top, left, r, cellRight)) {
                        return r;
                    }
                } else if (g[r][cellRight] != '|') {
                    return -1;
                }
            }
            return -1;
        }

        private boolean scanLeft(int top, int left, int cellBottom, int cellRight) {
            char[] line = g[cellBottom];
            for (int c = cellRight - 1; c > left; c--) {
                if (line[c] != '+' && line[c] != '-') {
                    return false;
                }
            }
            if (line[left] != '+') {
                return false;
            }
            for (int r = cellBottom - 1; r > top; r--) {
                if (g[r][left] != '+' && g[r][left] != '|') {
                    return false;
                }
            }
            return true;
        }
    }

    // ----- simple tables -----

    int simple(List<RstLine> lines, int i, RstSectionTree out) {
        String top = lines.get(i).text();
        int found = 0;
        int end = -1;
        int headSep = -1;
        for (int k = i + 1; k < lines.size(); k++) {
            String t = lines.get(k).text();
            if (isSimpleBorder(t)) {
                if (t.length() != top.length()) {
                    malformed(lines, i, k + 1, out, lines.get(k),
                            "Malformed simple table: this border does not match the top border (make them the same length)");
                    return k + 1;
                }
                found++;
                if (found == 2 || k + 1 == lines.size() || lines.get(k + 1).blank()) {
                    end = k;
                    if (found == 2) {
                        headSep = firstBorderAfter(lines, i);
                    }
                    break;
                }
            }
        }
        if (end < 0) {
            int stop = i;
            while (stop < lines.size() && !lines.get(stop).blank()) {
                stop++;
            }
            malformed(lines, i, stop, out, lines.get(i),
                    "Malformed simple table: no bottom border found (close it with a line like the top border)");
            return stop;
        }
        int[][] columns = columns(top);
        List<List<List<Node>>> header = new ArrayList<>();
        List<List<List<Node>>> body = new ArrayList<>();
        List<List<RstLine>> rowCells = null;
        List<List<List<RstLine>>> rows = new ArrayList<>();
        List<Boolean> inHeader = new ArrayList<>();
        for (int k = i + 1; k < end; k++) {
            RstLine line = lines.get(k);
            String t = line.text();
            if (k == headSep || isColumnSpanUnderline(t)) {
                continue;
            }
            boolean continuation = rowCells != null && columnText(t, columns[0][0], columns[0][1]).isBlank() && !t.isBlank();
            if (!continuation && !t.isBlank()) {
                rowCells = new ArrayList<>();
                for (int c = 0; c < columns.length; c++) {
                    rowCells.add(new ArrayList<>());
                }
                rows.add(rowCells);
                inHeader.add(headSep >= 0 && k < headSep);
            }
            if (rowCells == null) {
                continue;
            }
            for (int c = 0; c < columns.length; c++) {
                int from = columns[c][0];
                int to = c + 1 < columns.length ? columns[c + 1][0] : Integer.MAX_VALUE;
                rowCells.get(c).add(line.at(line.column() + from, columnText(t, from, to).stripTrailing()));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            List<List<Node>> cells = new ArrayList<>();
            for (List<RstLine> cell : rows.get(r)) {
                int indent = RstLine.minIndent(cell, 0, cell.size());
                cells.add(blocks.parseNested(RstLine.dedent(cell, 0, cell.size(), indent, indent)));
            }
            (inHeader.get(r) ? header : body).add(List.copyOf(cells));
        }
        out.add(new Node.Table(ctx.span(lines.get(i)), List.copyOf(header), List.copyOf(body)));
        return end + 1;
    }

    private static int firstBorderAfter(List<RstLine> lines, int i) {
        for (int k = i + 1; k < lines.size(); k++) {
            if (isSimpleBorder(lines.get(k).text())) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isColumnSpanUnderline(String t) {
        if (t.isEmpty() || t.charAt(0) != '-') {
            return false;
        }
        for (int k = 0; k < t.length(); k++) {
            if (t.charAt(k) != '-' && t.charAt(k) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static int[][] columns(String border) {
        List<int[]> cols = new ArrayList<>();
        int k = 0;
        while (k < border.length()) {
            if (border.charAt(k) == '=') {
                int start = k;
                while (k < border.length() && border.charAt(k) == '=') {
                    k++;
                }
                cols.add(new int[] {start, k});
            } else {
                k++;
            }
        }
        return cols.toArray(new int[0][]);
    }

    private static String columnText(String t, int from, int to) {
        if (from >= t.length()) {
            return "";
        }
        return t.substring(from, Math.min(to, t.length()));
    }

    private void malformed(List<RstLine> lines, int from, int to, RstSectionTree out, RstLine at, String message) {
        ctx.error(at, at.column(), message);
        StringBuilder raw = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                raw.append('\n');
            }
            raw.append(lines.get(k).text());
        }
        out.add(new Node.Paragraph(ctx.span(lines.get(from)), List.<Inline>of(new Inline.Text(raw.toString()))));
    }

    private static List<List<List<Node>>> freeze(List<List<List<Node>>> rows) {
        List<List<List<Node>>> frozen = new ArrayList<>(rows.size());
        for (List<List<Node>> row : rows) {
            frozen.add(List.copyOf(row));
        }
        return List.copyOf(frozen);
    }
}
