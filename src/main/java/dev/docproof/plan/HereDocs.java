package dev.docproof.plan;

import dev.docproof.shell.ShellWords;

import java.util.List;

/** Finds the here-documents a command opens ({@code <<EOF}, {@code <<-EOF}, {@code <<'EOF'}, {@code <<"EOF"}). */
final class HereDocs {

    /** One here-document: the line that ends it, and whether leading tabs are stripped ({@code <<-}). */
    record HereDoc(String delimiter, boolean stripTabs) {

        boolean endsAt(String line) {
            String candidate = stripTabs ? line.replaceFirst("^\t+", "") : line;
            return candidate.stripTrailing().equals(delimiter);
        }
    }

    private HereDocs() {}

    /** In the order the shell reads their bodies; quoted or here-string ({@code <<<}) markers open none. */
    static List<HereDoc> opened(String command) {
        return ShellWords.commands(command).stream()
                .flatMap(simple -> simple.redirections().stream())
                .filter(r -> r.hereDocument() && r.target() != null)
                .map(r -> new HereDoc(r.target().text(), r.operator().endsWith("-")))
                .toList();
    }
}
