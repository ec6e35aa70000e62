package dev.docproof.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fixture site, rendered once per test run with the one Asciidoctor instance of the test JVM. */
final class RenderedSite {

    static final AsciidoctorBoot BOOT = AsciidoctorBoot.start();
    static final Path DIR = Path.of("target/site-fixture");
    private static Path index;

    private RenderedSite() {}

    static synchronized Path index() {
        if (index == null) {
            try {
                deleteTree(DIR);
                index = new SiteRenderer(BOOT, "test", false).render(SiteFixtures.site(), DIR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }

    static Path page(String path) {
        index();
        return DIR.resolve(path);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
