package dev.docproof.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A classic build's answer as the lesson would get it without docproof's labels. The engine adds each label a build
 * asks for as one more {@code LABEL} step after the Dockerfile's own, and counts them in every {@code Step N/M}: the
 * lesson's output would show {@code Step 1/12} where its author saw {@code Step 1/5}, then seven steps naming
 * docproof. Here those steps go, with the lines they print, and each count is the Dockerfile's own; the id line of the
 * last step shown names the image the build ends with. The answer is a stream of JSON messages, one per line; what is
 * not a step's line passes as it came. Fed piece by piece.
 */
final class BuildSteps {

    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : ");
    /** {@code  ---> 6e7f8a9b0c1d}: the image a step ended with. */
    private static final Pattern ID_LINE = Pattern.compile(" ---> ([0-9a-f]{12})\\s*");
    private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]{12})");

    private final int added;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    /** Inside one of the added steps: its lines go too, up to the next step or the build's end. */
    private boolean dropping;
    /**
     * The last {@code  ---> ID} line, held back until the next message says whether the added steps follow it: then
     * it names the image they end with, as the line before {@code Successfully built} does at a learner's terminal.
     */
    private byte[] held;
    private String heldId;

    /** @param added how many labels the build was given, each a step the engine added */
    BuildSteps(int added) {
        this.added = added;
    }

    /** The complete messages among what came so far, as the lesson gets them; the rest waits for its end of line. */
    byte[] accept(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                partial.write(data, from, i + 1 - from);
                out.write(message(partial.toByteArray()));
                partial.reset();
                from = i + 1;
            }
        }
        partial.write(data, from, data.length - from);
        return out.toByteArray();
    }

    /** What is left at the end of the answer (a last message without an end of line). */
    byte[] rest() throws IOException {
        byte[] last = partial.size() == 0 ? new byte[0] : message(partial.toByteArray());
        partial.reset();
        return joined(last, release(null));
    }

    private byte[] message(byte[] line) throws IOException {
        JsonNode message;
        try {
            message = ApiCall.JSON.readTree(line);
        } catch (IOException notJson) {
            message = null;
        }
        String text = message != null && message.path("stream").isTextual() ? message.path("stream").asText() : null;
        Matcher step = text == null ? null : STEP.matcher(text);
        if (step != null && step.find()) {
            int own = Integer.parseInt(step.group(2)) - added;
            if (own >= 0 && Integer.parseInt(step.group(1)) > own) {
                dropping = true; // an added step: the last id line shown waits for the image the build ends with
                return new byte[0];
            }
            if (own < 0) {
                return joined(release(null), line);
            }
            ((ObjectNode) message).put("stream", "Step " + step.group(1) + "/" + own + text.substring(step.end(2)));
            String end = new String(line, StandardCharsets.UTF_8).endsWith("\r\n") ? "\r\n" : "\n";
            return joined(release(null), (ApiCall.JSON.writeValueAsString(message) + end).getBytes(StandardCharsets.UTF_8));
        }
        if (dropping) {
            if (text != null && !text.startsWith("Successfully ")) {
                return new byte[0];
            }
            dropping = false; // the build's end: its image (the aux message's id, or the one Successfully built names)
            return joined(release(builtId(message, text)), line);
        }
        Matcher id = text == null ? null : ID_LINE.matcher(text);
        if (id != null && id.matches()) {
            byte[] before = release(null);
            held = line;
            heldId = id.group(1);
            return before;
        }
        return joined(release(null), line);
    }

    /** The image a build's end names: an aux message's id, or the one in {@code Successfully built ID}; else null. */
    private static String builtId(JsonNode message, String text) {
        String aux = message == null ? "" : message.path("aux").path("ID").asText("");
        if (aux.startsWith("sha256:") && aux.length() >= 19) {
            return aux.substring(7, 19);
        }
        Matcher built = text == null ? null : BUILT.matcher(text);
        return built != null && built.find() ? built.group(1) : null;
    }

    /** The id line held back, naming {@code id} when given; nothing when none is held. */
    private byte[] release(String id) {
        if (held == null) {
            return new byte[0];
        }
        byte[] line = id == null ? held : new String(held, StandardCharsets.UTF_8).replace(heldId, id)
                .getBytes(StandardCharsets.UTF_8);
        held = null;
        return line;
    }

    private static byte[] joined(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
