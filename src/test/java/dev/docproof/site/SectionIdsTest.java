package dev.docproof.site;

import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Section ids as Sphinx's pages carry them (each expected id is what docutils' make_id gives). */
class SectionIdsTest {

    private static Node.Section section(int line, String title, String... labels) {
        return new Node.Section(new SourceSpan(Path.of("page.rst"), line, 1), 2, List.of(), title, List.of(labels),
                List.of());
    }

    @Test
    void titlesBecomeTheIdsDocutilsMakes() {
        assertThat(SectionIds.of("Main Title")).isEqualTo("main-title");
        assertThat(SectionIds.of("3. Run the docker command!")).isEqualTo("run-the-docker-command");
        assertThat(SectionIds.of("Café & Crème")).isEqualTo("cafe-creme");
        assertThat(SectionIds.of("Straße Æther Œuvre")).isEqualTo("strasze-aether-oeuvre");
        assertThat(SectionIds.of("Łódź ø")).isEqualTo("lodz-o");
        assertThat(SectionIds.of("Über  uns\tjetzt")).isEqualTo("uber-uns-jetzt");
        assertThat(SectionIds.of("ﬁle ＡＢ")).isEqualTo("file-ab");
        assertThat(SectionIds.of("Step 1: docker run -p 8080:80")).isEqualTo("step-1-docker-run-p-8080-80");
        assertThat(SectionIds.of("_private stuff")).isEqualTo("private-stuff");
    }

    @Test
    void aTitleWithNoLetterLeftStillGetsAnId() {
        assertThat(SectionIds.of("2026")).isNotEmpty();
        assertThat(SectionIds.of("概要")).isNotEmpty().isNotEqualTo(SectionIds.of("摘要"));
    }

    @Test
    void glossaryTermsGetTheIdsSphinxGivesThem() {
        Node.Directive glossary = new Node.Directive(new SourceSpan(Path.of("page.rst"), 1, 1), "glossary", "",
                Map.of(), List.of("Docker Engine", "   The daemon.", "", "bind mount", "bind-mount",
                "   A host folder.", "", "Café v1.2_x", "   Odd.", "", "3rd party", "   Other."));
        Node.Section page = new Node.Section(new SourceSpan(Path.of("page.rst"), 1, 1), 1, List.of(), "Glossary",
                List.of(), List.of(glossary));

        assertThat(Glossary.anchors(List.of(page))).containsExactly(Map.entry("Docker Engine", "term-Docker-Engine"),
                Map.entry("bind mount", "term-bind-mount"), Map.entry("bind-mount", "term-0"),
                Map.entry("Café v1.2_x", "term-Cafe-v1.2_x"), Map.entry("3rd party", "term-3rd-party"));
    }

    @Test
    void aLabelledSectionKeepsTheIdOfItsTitleToo() {
        Node.Section labelled = section(3, "Running Containers", "containers");
        Node.Section plain = section(9, "Running Containers");
        SectionIds ids = SectionIds.of(List.of(labelled, plain));
        assertThat(ids.id(labelled)).isEqualTo("containers");
        assertThat(ids.titleId(labelled)).isEqualTo("running-containers");
        assertThat(ids.id(plain)).isEqualTo("running-containers-1");
        assertThat(ids.titleId(plain)).isNull();
    }
}
