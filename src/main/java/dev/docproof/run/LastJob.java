package dev.docproof.run;

import dev.docproof.shell.ShellWords;

/**
 * {@code $!} as a learner's terminal has it: the last job a step put in the background, also in a later step. The
 * session gives each step its output through process substitutions, which reset {@code $!}; so a step's
 * {@code $!} reads the job an earlier step saved (session.bash keeps it) until the step starts one of its own.
 * Pure: rewrites a step's text, leaving {@code $!} in single quotes, escaped, or in a here-document's body alone.
 */
final class LastJob {

    /** The learner's {@code $!}, from inside the step (a command substitution sees the shell's {@code $!}). */
    static final String PID = "$([[ $! == \"$__dp_p2\" ]] && echo \"$__dp_job\" || echo \"$!\")";

    private LastJob() {}

    static String inCommand(String command) {
        if (!command.contains("$!") && !command.contains("${!}")) {
            return command;
        }
        boolean[] quoted = ShellWords.quoted(command);
        boolean[] heredoc = ShellWords.inHereDocument(command);
        StringBuilder out = new StringBuilder(command.length() + 64);
        int i = 0;
        while (i < command.length()) {
            int length = command.startsWith("$!", i) ? 2 : command.startsWith("${!}", i) ? 4 : 0;
            if (length > 0 && !escaped(command, i) && !heredoc[i] && !inSingleQuotes(command, quoted, i)) {
                out.append(PID);
                i += length;
            } else {
                out.append(command.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean escaped(String text, int at) {
        int backslashes = 0;
        for (int k = at - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** Whether the quoted run holding {@code at} opens with a single quote. */
    private static boolean inSingleQuotes(String text, boolean[] quoted, int at) {
        if (!quoted[at]) {
            return false;
        }
        int start = at;
        while (start > 0 && quoted[start - 1]) {
            start--;
        }
        return text.charAt(start) == '\'';
    }
}
