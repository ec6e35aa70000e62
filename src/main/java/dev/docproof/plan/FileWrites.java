package dev.docproof.plan;

import dev.docproof.shell.ShellWords;

import java.util.List;

/** The shell command that writes a block into a file in the session's working folder, exactly as shown. */
public final class FileWrites {

    private FileWrites() {}

    /** {@code cat > NAME <<'DOCPROOF_EOF'} with the block's lines, creating the file's folder first. */
    public static String command(String name, List<String> lines) {
        String delimiter = "DOCPROOF_EOF";
        while (lines.contains(delimiter)) {
            delimiter += "_";
        }
        String quoted = ShellWords.quote(name);
        int slash = name.lastIndexOf('/');
        String mkdir = slash > 0 ? "mkdir -p " + ShellWords.quote(name.substring(0, slash)) + " && " : "";
        return mkdir + "cat > " + quoted + " <<'" + delimiter + "'\n" + String.join("\n", lines) + "\n" + delimiter;
    }
}
