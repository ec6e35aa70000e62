package dev.docproof.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's look, loaded from the classpath folder {@code site/} (the project's top-level {@code site/}
 * folder, packed into the jar): a page template with {@code {{name}}} slots, a stylesheet and a script,
 * copied into every site under {@code _theme/} so pages need nothing from elsewhere.
 */
public final class Theme {

    static final String ASSET_DIR = "_theme";
    private static final List<String> ASSETS = List.of("docproof.css", "docproof.js");
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z]+)}}");

    private final String template;

    private Theme(String template) {
        this.template = template;
    }

    public static Theme load() {
        return new Theme(new String(resource("page.html"), StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) {
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream("site/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the site theme is missing from the classpath: site/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeAssets(Path siteDir) throws IOException {
        Path dir = Files.createDirectories(siteDir.resolve(ASSET_DIR));
        for (String asset : ASSETS) {
            Files.write(dir.resolve(asset), resource(asset));
        }
    }

    /**
     * Fills the template: {@code html} slots take HTML as it is (asciidoctor's output), every other slot
     * value is escaped.
     */
    public String page(Map<String, String> text, Map<String, String> html) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + html.values().stream().mapToInt(String::length).sum());
        int done = 0;
        while (m.find()) {
            String name = m.group(1);
            // appended as they are: appendReplacement would parse every character of a page's content
            out.append(template, done, m.start())
                    .append(html.containsKey(name) ? html.get(name) : Html.escape(text.getOrDefault(name, "")));
            done = m.end();
        }
        return out.append(template, done, template.length()).toString();
    }
}
