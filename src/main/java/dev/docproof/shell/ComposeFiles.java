package dev.docproof.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Docker Compose file a lesson writes says about the images its services run. Pure. */
public final class ComposeFiles {

    /** {@code image: nginx:1.25}, {@code image: "redis:alpine"}, with a comment after it or none. */
    private static final Pattern IMAGE = Pattern.compile("(?m)^[ \\t]*image:[ \\t]*([\"']?)([^\\s\"'#]+)\\1[ \\t]*(#.*)?$");

    private ComposeFiles() {}

    /** The images {@code text} names as a service's {@code image:}, as written; one a variable names is left out. */
    public static List<String> images(String text) {
        List<String> images = new ArrayList<>();
        Matcher m = IMAGE.matcher(text);
        while (m.find()) {
            if (!m.group(2).contains("$")) {
                images.add(m.group(2));
            }
        }
        return images;
    }
}
