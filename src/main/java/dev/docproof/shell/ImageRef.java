package dev.docproof.shell;

/**
 * An image reference as a lesson writes it, normalised the way the engine lists it:
 * {@code launchcodedevops/simple-http} means {@code launchcodedevops/simple-http:latest}.
 *
 * @param repository e.g. {@code launchcodedevops/simple-http} or {@code registry:5000/team/app}
 * @param tag        e.g. {@code latest}; empty when the reference pins a digest
 * @param digest     e.g. {@code sha256:…}; empty when it names a tag
 */
public record ImageRef(String repository, String tag, String digest) {

    public static ImageRef parse(String reference) {
        String text = reference.strip();
        int at = text.indexOf('@');
        if (at >= 0) {
            return new ImageRef(text.substring(0, at), "", text.substring(at + 1));
        }
        int lastColon = text.lastIndexOf(':');
        // A colon before the last slash belongs to a registry port (host:5000/name), not to a tag.
        if (lastColon > text.lastIndexOf('/')) {
            return new ImageRef(text.substring(0, lastColon), text.substring(lastColon + 1), "");
        }
        return new ImageRef(text, "latest", "");
    }

    /** {@code repository:tag} or {@code repository@digest}: the name the engine knows. */
    public String canonical() {
        return digest.isEmpty() ? repository + ":" + tag : repository + "@" + digest;
    }

    @Override
    public String toString() {
        return canonical();
    }
}
