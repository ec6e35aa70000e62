package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code list-table} and {@code csv-table} directives, read into the model's table: an optional
 * title, {@code :header-rows:} (and csv's {@code :header:}) as header rows, each cell's text read as
 * blocks. {@code :widths:}, {@code :width:}, {@code :align:} and {@code :stub-columns:} only change the
 * look and are left to the page. A table that cannot be read keeps its content, with an error.
 */
final class RstTableDirectives {

    private final RstContext ctx;
    private final RstBlockParser blocks;
    private final RstInlineParser inline;

    RstTableDirectives(RstContext ctx, RstBlockParser blocks, RstInlineParser inline) {
        this.ctx = ctx;
        this.blocks = blocks;
        this.inline = inline;
    }

    // ----- list-table -----

    /** A bullet list of rows, each row one bullet list of cells. */
    void listTable(RstLine start, RstExplicit.Parts parts, RstSectionTree out) {
        List<Node> content = shown(blocks.parseNested(parts.content()));
        if (content.size() != 1 || !(content.get(0) instanceof Node.ListBlock rows) || rows.ordered()) {
            ctx.error(start, start.column(), "The \"list-table\" needs one bullet list of rows, each row a bullet list"
                    + " of cells; its content is shown as written");
            content.forEach(out::add);
            return;
        }
        List<List<List<Node>>> table = new ArrayList<>();
        for (Node.ListItem row : rows.items()) {
            List<Node> rowContent = shown(row.children());
            if (rowContent.size() != 1 || !(rowContent.get(0) instanceof Node.ListBlock cells) || cells.ordered()) {
                ctx.error(row.span(), "This \"list-table\" row is not a bullet list of cells (write \"* - cell\""
                        + " and \"  - cell\" under it); its content is kept as one cell");
                table.add(List.of(row.children()));
                continue;
            }
            List<List<Node>> cellBlocks = new ArrayList<>();
            cells.items().forEach(cell -> cellBlocks.add(cell.children()));
            table.add(cellBlocks);
        }
        out.add(table(start, "list-table", parts, table, List.of()));
    }

    private static List<Node> shown(List<Node> nodes) {
        return nodes.stream().filter(n -> !(n instanceof Node.Comment)).toList();
    }

    // ----- csv-table -----

    /** Comma-separated rows from the content or a course file ({@code :file:}); {@code :header:} adds header rows. */
    void csvTable(RstLine start, RstExplicit.Parts parts, RstSectionTree out) {
        Map<String, String> options = parts.options();
        if (options.containsKey("url")) {
            ctx.error(start, start.column(), "The \"csv-table\" option \"url\" is not read (pages are made offline);"
                    + " copy the data into the course and name it with :file:");
            return;
        }
        List<RstLine> data = parts.content();
        if (options.containsKey("file")) {
            if (!data.isEmpty()) {
                ctx.error(start, start.column(), "The \"csv-table\" has both content and a :file: option; the content is read");
            } else {
                RstIncludes.Target target = RstIncludes.resolve(ctx, start, "csv-table", options.get("file").strip());
                data = target == null ? null : RstIncludes.lines(ctx, start, "csv-table", target);
                if (data == null) {
                    return;
                }
            }
        }
        Csv csv = Csv.of(ctx, start, options);
        if (csv == null) {
            return;
        }
        List<List<List<Node>>> header = new ArrayList<>();
        if (options.containsKey("header")) {
            for (List<Csv.Cell> row : csv.rows(List.of(start.at(start.column(), options.get("header"))))) {
                header.add(cells(row));
            }
        }
        List<List<List<Node>>> rows = new ArrayList<>();
        for (List<Csv.Cell> row : csv.rows(data)) {
            rows.add(cells(row));
        }
        if (csv.unclosed != null) {
            ctx.error(csv.unclosed, csv.unclosed.column(), "The \"csv-table\" has a quoted cell that is never closed (add the closing quote)");
        }
        if (header.isEmpty() && rows.isEmpty()) {
            ctx.error(start, start.column(), "The \"csv-table\" is empty; write its rows under it, after a blank line,"
                    + " or name a file with :file:");
            return;
        }
        out.add(table(start, "csv-table", parts, rows, header));
    }

    private List<List<Node>> cells(List<Csv.Cell> row) {
        List<List<Node>> cells = new ArrayList<>();
        for (Csv.Cell cell : row) {
            List<RstLine> lines = new ArrayList<>();
            String[] parts = cell.text().split("\n", -1);
            for (int k = 0; k < parts.length; k++) {
                RstLine at = cell.lines().get(Math.min(k, cell.lines().size() - 1));
                lines.add(at.at(k == 0 ? cell.column() : 1, parts[k].strip()));
            }
            cells.add(blocks.parseNested(lines));
        }
        return cells;
    }

    // ----- both -----

    /** The table node: rows padded to one width, the first {@code :header-rows:} rows moved to the header. */
    private Node.Table table(RstLine start, String name, RstExplicit.Parts parts, List<List<List<Node>>> rows,
                             List<List<List<Node>>> header) {
        int headerRows = count(start, parts.options(), "header-rows", rows.size());
        count(start, parts.options(), "stub-columns", Integer.MAX_VALUE);
        List<List<List<Node>>> head = new ArrayList<>(header);
        head.addAll(rows.subList(0, headerRows));
        List<List<List<Node>>> body = rows.subList(headerRows, rows.size());
        int columns = 0;
        for (List<List<Node>> row : rows) {
            columns = Math.max(columns, row.size());
        }
        for (List<List<Node>> row : header) {
            columns = Math.max(columns, row.size());
        }
        int width = columns;
        if (rows.stream().anyMatch(r -> r.size() != width)) {
            ctx.warn(start, start.column(), "The \"" + name + "\" rows do not all have " + columns
                    + " cells; short rows are filled with empty cells");
        }
        List<Inline> title = parts.arguments().isBlank() ? List.of()
                : inline.parse(start.at(start.column(), parts.arguments().strip()));
        return new Node.Table(ctx.span(start), title, padded(head, columns), padded(body, columns));
    }

    private static List<List<List<Node>>> padded(List<List<List<Node>>> rows, int columns) {
        List<List<List<Node>>> out = new ArrayList<>(rows.size());
        for (List<List<Node>> row : rows) {
            List<List<Node>> cells = new ArrayList<>(row);
            while (cells.size() < columns) {
                cells.add(List.of());
            }
            out.add(List.copyOf(cells));
        }
        return List.copyOf(out);
    }

    /** A whole-number option no larger than {@code max}; 0 (with a warning) when it is not one. */
    private int count(RstLine start, Map<String, String> options, String name, int max) {
        String value = options.get(name);
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        ctx.warn(start, start.column(), "The \"" + name + "\" option \"" + value + "\" is not a number of rows the table"
                + " has (0 to " + (max == Integer.MAX_VALUE ? "its width" : max) + "); 0 is used");
        return 0;
    }

    /** The CSV dialect docutils reads: delimiter, quote and escape characters, spaces after delimiters skipped. */
    static final class Csv {

        record Cell(String text, List<RstLine> lines, int column) {}

        private final char delimiter;
        private final char quote;
        private final char escape;
        private final boolean keepSpace;
        /** Where a quoted cell that is never closed starts; null when every quote closes. */
        RstLine unclosed;

        private Csv(char delimiter, char quote, char escape, boolean keepSpace) {
            this.delimiter = delimiter;
            this.quote = quote;
            this.escape = escape;
            this.keepSpace = keepSpace;
        }

        static Csv of(RstContext ctx, RstLine start, Map<String, String> options) {
            Character delimiter = character(ctx, start, options, "delim", ',');
            Character quote = character(ctx, start, options, "quote", '"');
            Character escape = character(ctx, start, options, "escape", '\0');
            if (delimiter == null || quote == null || escape == null) {
                return null;
            }
            return new Csv(delimiter, quote, escape, options.containsKey("keepspace"));
        }

        private static Character character(RstContext ctx, RstLine start, Map<String, String> options, String name,
                                           char absent) {
            String value = options.get(name);
            if (value == null) {
                return absent;
            }
            String v = value.strip();
            if (v.equals("tab")) {
                return '\t';
            }
            if (v.equals("space")) {
                return ' ';
            }
            if (v.codePointCount(0, v.length()) == 1 && v.length() == 1) {
                return v.charAt(0);
            }
            ctx.error(start, start.column(), "The \"csv-table\" option \"" + name + "\" needs one character"
                    + " (or \"tab\", \"space\"); got \"" + value + "\"");
            return null;
        }

        /** The rows of {@code lines}; a quoted cell may run over several lines; blank lines end no row and hold none. */
        List<List<Cell>> rows(List<RstLine> lines) {
            List<List<Cell>> rows = new ArrayList<>();
            List<Cell> row = new ArrayList<>();
            StringBuilder cell = null;
            List<RstLine> cellLines = new ArrayList<>();
            int cellColumn = 1;
            boolean quoted = false;
            for (RstLine line : lines) {
                String t = line.text();
                if (cell == null && t.isBlank()) {
                    continue;
                }
                int i = 0;
                if (quoted) {
                    cell.append('\n');
                    cellLines.add(line);
                }
                while (true) {
                    if (cell == null) {
                        while (!keepSpace && i < t.length() && t.charAt(i) == ' ' && delimiter != ' ') {
                            i++;
                        }
                        cell = new StringBuilder();
                        cellLines = new ArrayList<>(List.of(line));
                        cellColumn = line.column() + i;
                        if (i < t.length() && t.charAt(i) == quote) {
                            quoted = true;
                            i++;
                        }
                    }
                    if (i >= t.length()) {
                        if (quoted) {
                            break; // the quoted cell goes on on the next line
                        }
                        row.add(new Cell(cell.toString(), cellLines, cellColumn));
                        rows.add(row);
                        row = new ArrayList<>();
                        cell = null;
                        break;
                    }
                    char c = t.charAt(i);
                    if (escape != '\0' && c == escape && i + 1 < t.length()) {
                        cell.append(t.charAt(i + 1));
                        i += 2;
                    } else if (quoted && c == quote) {
                        if (escape == '\0' && i + 1 < t.length() && t.charAt(i + 1) == quote) {
                            cell.append(quote);
                            i += 2;
                        } else {
                            quoted = false;
                            i++;
                        }
                    } else if (!quoted && c == delimiter) {
                        row.add(new Cell(cell.toString(), cellLines, cellColumn));
                        cell = null;
                        i++;
                    } else {
                        cell.append(c);
                        i++;
                    }
                }
            }
            if (cell != null) {
                if (quoted) {
                    unclosed = cellLines.get(0).at(cellColumn, "");
                }
                row.add(new Cell(cell.toString(), cellLines, cellColumn));
                rows.add(row);
            }
            return rows;
        }
    }
}
