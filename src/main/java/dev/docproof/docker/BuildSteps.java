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
 * docproof. Here those steps go, with the lines they print, and each count is the Dockerfile's own. The answer is a
 * stream of JSON messages, one per line; what is not a step's line passes as it came. Fed piece by piece.
 */
final class BuildSteps {

    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : ");

    private final int added;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    /** Inside one of the added steps: its lines go too, up to the next step or the build's end. */
    private boolean dropping;

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
        return last;
    }

    private byte[] message(byte[] line) throws IOException {
        JsonNode message;
        try {
            message = ApiCall.JSON.readTree(line);
        } catch (IOException notJson) {
            return line;
        }
        if (message == null || !message.path("stream").isTextual()) {
            dropping = false; // the build's result (its image id) or an error
            return line;
        }
        String text = message.path("stream").asText();
        Matcher step = STEP.matcher(text);
        if (step.find()) {
            int own = Integer.parseInt(step.group(2)) - added;
            dropping = own >= 0 && Integer.parseInt(step.group(1)) > own;
            if (dropping || own < 0) {
                return dropping ? new byte[0] : line;
            }
            ((ObjectNode) message).put("stream", "Step " + step.group(1) + "/" + own + text.substring(step.end(2)));
            String end = new String(line, StandardCharsets.UTF_8).endsWith("\r\n") ? "\r\n" : "\n";
            return (ApiCall.JSON.writeValueAsString(message) + end).getBytes(StandardCharsets.UTF_8);
        }
        if (dropping && text.startsWith("Successfully ")) {
            dropping = false;
        }
        return dropping ? new byte[0] : line;
    }
}
