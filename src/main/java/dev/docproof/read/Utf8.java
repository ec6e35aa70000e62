package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.SourceSpan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** Strict UTF-8 decoding that reports each bad byte sequence at its line and column, then reads on. */
final class Utf8 {

    record Decoded(String text, List<Diagnostic> diagnostics) {}

    /** Beyond this many, one summary line stands for the rest: a file in another encoding needs one fix. */
    private static final int MAX_REPORTED = 10;

    private Utf8() {}

    static Decoded decode(Path file, byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xff && bytes[1] == (byte) 0xfe
                || bytes[0] == (byte) 0xfe && bytes[1] == (byte) 0xff)) {
            // Read as UTF-8, every other byte would be a NUL: one error says what the whole file needs.
            return new Decoded("", List.of(Diagnostic.error(new SourceSpan(file, 1, 1), "the file is UTF-16 (it starts"
                    + " with the byte order mark 0x" + HexFormat.of().formatHex(bytes, 0, 2) + "); nothing was read:"
                    + " save the file as UTF-8")));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        Problems notUtf8 = new Problems(file, "byte sequences from here on are not UTF-8; is the file in another encoding?");
        Problems nuls = new Problems(file, "NUL bytes from here on; is this a binary file?");
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                byte[] sequence = new byte[result.length()];
                in.get(in.position(), sequence);
                notUtf8.add(out, out.position(), "not UTF-8: byte" + (sequence.length > 1 ? "s 0x" : " 0x")
                        + HexFormat.of().formatHex(sequence) + " read as U+FFFD; save the file as UTF-8");
                in.position(in.position() + result.length());
                out.put('\uFFFD');
            } else if (result.isUnderflow()) {
                break;
            } else {
                throw new IllegalStateException("output buffer sized for the input overflowed");
            }
        }
        decoder.flush(out);
        for (int i = 0; i < out.position(); i++) {
            if (out.get(i) == '\0') {
                // Valid UTF-8, but no lesson holds one: a reader would drop it or take it for the text's end.
                nuls.add(out, i, "a NUL byte (0x00) read as U+FFFD; is this a binary file? Remove the byte");
                out.put(i, '\uFFFD');
            }
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark is not content
        }
        List<Diagnostic> diagnostics = new ArrayList<>(notUtf8.diagnostics());
        diagnostics.addAll(nuls.diagnostics());
        diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
        return new Decoded(text, diagnostics);
    }

    /** Bad bytes of one kind: each reported at its place, up to {@link #MAX_REPORTED}, then one line for the rest. */
    private static final class Problems {

        private final Path file;
        private final String more;
        private final List<Diagnostic> reported = new ArrayList<>();
        private int count;
        private SourceSpan firstUnreported;

        /** @param more what the line for the rest says after their number */
        Problems(Path file, String more) {
            this.file = file;
            this.more = more;
        }

        void add(CharBuffer decoded, int at, String message) {
            count++;
            if (count <= MAX_REPORTED) {
                reported.add(Diagnostic.error(position(file, decoded, at), message));
            } else if (firstUnreported == null) {
                firstUnreported = position(file, decoded, at);
            }
        }

        List<Diagnostic> diagnostics() {
            List<Diagnostic> all = new ArrayList<>(reported);
            if (count > MAX_REPORTED) {
                all.add(Diagnostic.error(firstUnreported, (count - MAX_REPORTED) + " more " + more));
            }
            return all;
        }
    }

    /** Line and column (in characters as a reader sees them) of the character at {@code end} of what was decoded. */
    private static SourceSpan position(Path file, CharBuffer decodedSoFar, int end) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (decodedSoFar.get(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int bom = line == 1 && end > 0 && decodedSoFar.get(0) == '\uFEFF' ? 1 : 0;
        String lineSoFar = new String(decodedSoFar.array(), lineStart + bom, end - lineStart - bom);
        return new SourceSpan(file, line, lineSoFar.codePointCount(0, lineSoFar.length()) + 1);
    }
}
