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
import java.util.HexFormat;
import java.util.List;

/** Strict UTF-8 decoding that reports each bad byte sequence at its line and column, then reads on. */
final class Utf8 {

    record Decoded(String text, List<Diagnostic> diagnostics) {}

    /** Beyond this many, one summary line stands for the rest: a file in another encoding needs one fix. */
    private static final int MAX_REPORTED = 10;

    private Utf8() {}

    static Decoded decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        List<Diagnostic> diagnostics = new ArrayList<>();
        int bad = 0;
        SourceSpan firstUnreported = null;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                bad++;
                if (bad <= MAX_REPORTED) {
                    byte[] sequence = new byte[result.length()];
                    in.get(in.position(), sequence);
                    diagnostics.add(Diagnostic.error(position(file, out), "not UTF-8: byte"
                            + (sequence.length > 1 ? "s 0x" : " 0x") + HexFormat.of().formatHex(sequence)
                            + " read as U+FFFD; save the file as UTF-8"));
                } else if (firstUnreported == null) {
                    firstUnreported = position(file, out);
                }
                in.position(in.position() + result.length());
                out.put('\uFFFD');
            } else if (result.isUnderflow()) {
                break;
            } else {
                throw new IllegalStateException("output buffer sized for the input overflowed");
            }
        }
        decoder.flush(out);
        if (bad > MAX_REPORTED) {
            diagnostics.add(Diagnostic.error(firstUnreported, (bad - MAX_REPORTED)
                    + " more byte sequences from here on are not UTF-8; is the file in another encoding?"));
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark is not content
        }
        return new Decoded(text, diagnostics);
    }

    /** Line and column (in characters as a reader sees them) of the end of what was decoded so far. */
    private static SourceSpan position(Path file, CharBuffer decodedSoFar) {
        int end = decodedSoFar.position();
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
