package dev.docproof.run;

import dev.docproof.lesson.Sample;

import java.util.regex.Pattern;

/** A build's sample in BuildKit's form against the classic builder's output ({@link Note.OtherBuilder}). Pure. */
final class OtherBuilder {

    private static final Pattern BUILDKIT = Pattern.compile("\\s*(?:\\[\\+] Building\\b.*|=> \\[.*)");
    private static final Pattern CLASSIC = Pattern.compile("(?m)^Step \\d+/\\d+ : ");

    private OtherBuilder() {}

    static boolean shows(Sample sample, Output output) {
        return sample.lines().stream().anyMatch(line -> BUILDKIT.matcher(line).matches())
                && CLASSIC.matcher(output.merged()).find();
    }
}
