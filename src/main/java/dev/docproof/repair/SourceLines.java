package dev.docproof.repair;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A file's bytes cut into lines, each with its own line end, so that lines nobody edits are written back
 * exactly as they were read (CRLF or LF, a missing final newline, bytes that are not UTF-8).
 */
final class SourceLines {

    /** One line: its bytes without the line end, and the line end ("\n", "\r\n" or "" for a last line without one). */
    record Line(byte[] content, String eol) {

        /** The line as text; null when its bytes are not UTF-8. */
        String text() {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        static Line of(String text, String eol) {
            return new Line(text.getBytes(StandardCharsets.UTF_8), eol);
        }
    }

    private SourceLines() {}

    static List<Line> split(byte[] bytes) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                boolean crlf = i > start && bytes[i - 1] == '\r';
                lines.add(new Line(Arrays.copyOfRange(bytes, start, crlf ? i - 1 : i), crlf ? "\r\n" : "\n"));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(new Line(Arrays.copyOfRange(bytes, start, bytes.length), ""));
        }
        return lines;
    }

    static byte[] join(List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Line line : lines) {
            out.writeBytes(line.content());
            out.writeBytes(line.eol().getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** The line end most lines use: what a new line gets. */
    static String dominantEol(List<Line> lines) {
        long crlf = lines.stream().filter(l -> l.eol().equals("\r\n")).count();
        long lf = lines.stream().filter(l -> l.eol().equals("\n")).count();
        return crlf > lf ? "\r\n" : "\n";
    }

    /** The text of each line for display: UTF-8 with bad bytes replaced, line ends dropped. */
    static List<String> display(byte[] bytes) {
        return split(bytes).stream().map(l -> new String(l.content(), StandardCharsets.UTF_8)).toList();
    }
}
