package dev.docproof.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.shell.ResourceKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiCallTest {

    private static final Map<String, String> OURS = Map.of(RunOwner.RUN, "r1", RunOwner.LESSON, "a b.md");

    @Test
    void createsOfEachFollowedKindAreRecognisedWithOrWithoutAnApiVersion() {
        assertThat(ApiCall.of("POST", "/v1.41/containers/create?name=server"))
                .isEqualTo(new ApiCall.Create(ResourceKind.CONTAINER));
        assertThat(ApiCall.of("POST", "/networks/create")).isEqualTo(new ApiCall.Create(ResourceKind.NETWORK));
        assertThat(ApiCall.of("POST", "/v1.41/volumes/create")).isEqualTo(new ApiCall.Create(ResourceKind.VOLUME));
        assertThat(ApiCall.of("POST", "/v1.41/build?t=x")).isEqualTo(new ApiCall.Build());
        assertThat(ApiCall.of("POST", "/v1.41/commit?container=box")).isEqualTo(new ApiCall.CommitOrImport());
        assertThat(ApiCall.of("POST", "/v1.41/images/create?fromSrc=-&repo=imported"))
                .isEqualTo(new ApiCall.CommitOrImport());
        assertThat(ApiCall.of("POST", "/v1.41/images/create?fromImage=redis&tag=alpine")).as("a pull")
                .isEqualTo(new ApiCall.Other());
        assertThat(ApiCall.of("POST", "/v1.41/images/launchcodedevops/simple-http/tag?repo=registry.local%2Fapp&tag=2"))
                .isEqualTo(new ApiCall.Tag("registry.local/app:2"));
        assertThat(ApiCall.of("POST", "/v1.41/images/app/tag?repo=alias&tag=")).isEqualTo(new ApiCall.Tag("alias:latest"));
        assertThat(ApiCall.of("POST", "/v1.41/images/app/tag?repo=docker.io%2Flibrary%2Falias&tag=1"))
                .as("as the engine lists it").isEqualTo(new ApiCall.Tag("alias:1"));
        assertThat(ApiCall.of("POST", "/v1.41/images/app/tag?repo=docker.io%2Fteam%2Falias&tag=1"))
                .isEqualTo(new ApiCall.Tag("team/alias:1"));
    }

    @Test
    void removalsStopsAndPrunesNameTheirResource() {
        assertThat(ApiCall.of("DELETE", "/v1.41/containers/client?force=1"))
                .isEqualTo(new ApiCall.Remove(ResourceKind.CONTAINER, "client"));
        assertThat(ApiCall.of("DELETE", "/v1.41/networks/networking-test"))
                .isEqualTo(new ApiCall.Remove(ResourceKind.NETWORK, "networking-test"));
        assertThat(ApiCall.of("DELETE", "/v1.41/volumes/data")).isEqualTo(new ApiCall.Remove(ResourceKind.VOLUME, "data"));
        assertThat(ApiCall.of("POST", "/v1.41/containers/server/stop")).isEqualTo(new ApiCall.Stop("server"));
        assertThat(ApiCall.of("POST", "/v1.41/containers/ab12/wait?condition=removed"))
                .isEqualTo(new ApiCall.AwaitRemoval("ab12"));
        assertThat(ApiCall.of("POST", "/v1.41/containers/ab12/wait?condition=next-exit")).isEqualTo(new ApiCall.Other());
        assertThat(ApiCall.of("POST", "/v1.41/networks/prune")).isEqualTo(new ApiCall.Prune(ResourceKind.NETWORK));
        assertThat(ApiCall.of("POST", "/v1.41/images/prune?filters=%7B%7D")).isEqualTo(new ApiCall.Prune(ResourceKind.IMAGE));
    }

    @Test
    void aPruneIsNarrowedToTheRunsLabelBesideTheLessonsOwnFilters() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String bare = ApiCall.scopedPrune("/v1.41/containers/prune", OURS);
        assertThat(json.readTree(ApiCall.query(bare).get("filters")).path("label").path("dev.docproof.run=r1").asBoolean())
                .isTrue();
        String filtered = ApiCall.scopedPrune("/v1.41/images/prune?filters="
                + "%7B%22dangling%22%3A%7B%22false%22%3Atrue%7D%2C%22label%22%3A%7B%22mine%3D1%22%3Atrue%7D%7D", OURS);
        JsonNode filters = json.readTree(ApiCall.query(filtered).get("filters"));
        assertThat(filters.path("dangling").path("false").asBoolean()).isTrue();
        assertThat(filters.path("label").path("mine=1").asBoolean()).isTrue();
        assertThat(filters.path("label").path("dev.docproof.run=r1").asBoolean()).isTrue();
        String listed = ApiCall.scopedPrune("/volumes/prune?filters=%7B%22label%22%3A%5B%22mine%3D1%22%5D%7D", OURS);
        assertThat(json.readTree(ApiCall.query(listed).get("filters")).path("label").toString())
                .isEqualTo("[\"mine=1\",\"dev.docproof.run=r1\"]");
    }

    @Test
    void anImageLoadSaysTheNamesItGave() {
        assertThat(ApiCall.of("POST", "/v1.41/images/load?quiet=0")).isEqualTo(new ApiCall.Load());
        byte[] answer = ("{\"stream\":\"Loaded image: app:1\\n\"}\r\n{\"stream\":\"Loaded image ID: sha256:ab12\\n\"}\r\n"
                + "{\"stream\":\"Loaded image: registry.local:5000/team/app:latest\\n\"}\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(ApiCall.loadedNames(answer)).containsExactly("app:1", "registry.local:5000/team/app:latest");
    }

    @Test
    void streamsAndReadsOfWhatCarriesNoLabelsArePassedOnUntouched() {
        assertThat(ApiCall.of("POST", "/v1.41/containers/server/attach?stream=1")).isEqualTo(new ApiCall.Other());
        assertThat(ApiCall.of("GET", "/v1.41/containers/server/logs?follow=1")).isEqualTo(new ApiCall.Other());
        assertThat(ApiCall.of("GET", "/v1.41/events?filters=%7B%7D")).isEqualTo(new ApiCall.Other());
        assertThat(ApiCall.of("GET", "/v1.41/images/launchcodedevops/simple-http/history")).isEqualTo(new ApiCall.Other());
        assertThat(ApiCall.of("GET", "/_ping")).isEqualTo(new ApiCall.Other());
    }

    /** What a lesson reads of labelled resources, so that docproof's own labels can be taken out of the answer. */
    @Test
    void readsOfWhatCarriesLabelsAreRecognisedWithOrWithoutAnApiVersion() {
        for (String target : new String[] {"/v1.41/containers/json?all=1", "/containers/server/json",
                "/v1.41/images/json", "/v1.41/images/launchcodedevops/simple-http/json", "/networks",
                "/v1.41/networks/networking-test", "/volumes?filters=%7B%7D", "/v1.41/volumes/app-data",
                "/v1.41/system/df"}) {
            assertThat(ApiCall.of("GET", target)).as(target)
                    .isEqualTo(new ApiCall.Read(target.replaceFirst("^/v1\\.41", "").startsWith("/images/")));
        }
        assertThat(ApiCall.of("DELETE", "/v1.41/volumes/app-data")).isEqualTo(new ApiCall.Remove(
                dev.docproof.shell.ResourceKind.VOLUME, "app-data"));
    }

    @Test
    void labelsAreAddedBesideTheLessonsOwnAndWinAClash() throws Exception {
        byte[] body = "{\"Image\":\"x\",\"Labels\":{\"mine\":\"1\",\"dev.docproof.run\":\"forged\"}}"
                .getBytes(StandardCharsets.UTF_8);
        JsonNode labelled = new ObjectMapper().readTree(ApiCall.labelled(body, OURS));
        assertThat(labelled.path("Image").asText()).isEqualTo("x");
        assertThat(labelled.path("Labels").path("mine").asText()).isEqualTo("1");
        assertThat(labelled.path("Labels").path(RunOwner.RUN).asText()).isEqualTo("r1");
        JsonNode bare = new ObjectMapper().readTree(ApiCall.labelled("{\"Name\":\"n\",\"Labels\":null}"
                .getBytes(StandardCharsets.UTF_8), OURS));
        assertThat(bare.path("Labels").path(RunOwner.LESSON).asText()).isEqualTo("a b.md");
    }

    @Test
    void aBuildGetsTheLabelsInItsQueryMergedWithTheOnesAsked() throws Exception {
        String target = ApiCall.labelledBuild("/v1.41/build?t=img&labels=%7B%22mine%22%3A%221%22%7D", OURS);
        Map<String, String> query = ApiCall.query(target);
        assertThat(query.get("t")).isEqualTo("img");
        JsonNode labels = new ObjectMapper().readTree(query.get("labels"));
        assertThat(labels.path("mine").asText()).isEqualTo("1");
        assertThat(labels.path(RunOwner.RUN).asText()).isEqualTo("r1");
        assertThat(labels.path(RunOwner.LESSON).asText()).isEqualTo("a b.md");
    }

    @Test
    void aBuildKeepsEveryParameterItRepeatsSuchAsOneTagEach() throws Exception {
        String target = ApiCall.labelledBuild("/v1.41/build?t=a&t=b%3A2&extrahosts=h%3A1.2.3.4&extrahosts=g%3A5.6.7.8"
                + "&labels=%7B%7D", OURS);
        assertThat(target).startsWith("/v1.41/build?t=a&t=b%3A2&extrahosts=h%3A1.2.3.4&extrahosts=g%3A5.6.7.8&labels=");
        assertThat(target.split("labels=", -1)).as("one labels parameter").hasSize(2);
    }

    @Test
    void aCommitGetsTheLabelsAsOneMoreLabelChangeAfterTheOnesAsked() {
        String target = ApiCall.labelledByChange("/v1.41/commit?container=box&repo=img&changes=ENV+A%3D1&changes=CMD+x",
                Map.of(RunOwner.RUN, "r1", RunOwner.LESSON, "a \"b\".md"));
        assertThat(target).startsWith("/v1.41/commit?container=box&repo=img&changes=ENV+A%3D1&changes=CMD+x&changes=");
        String added = java.net.URLDecoder.decode(target.substring(target.lastIndexOf("changes=") + 8),
                StandardCharsets.UTF_8);
        assertThat(added).startsWith("LABEL ").contains("\"" + RunOwner.RUN + "\"=\"r1\"")
                .contains("\"" + RunOwner.LESSON + "\"=\"a \\\"b\\\".md\"");
    }

    @Test
    void aContainerSaysWhetherItRemovesItselfAndWhichNamedVolumesItMounts() throws Exception {
        ApiCall.ContainerSpec spec = ApiCall.ContainerSpec.of(("{\"HostConfig\":{\"AutoRemove\":true,"
                + "\"Binds\":[\"/tmp/x/:/var/www/:ro\",\"data:/data\",\"data:/again\"],"
                + "\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"cache\",\"Target\":\"/c\"},"
                + "{\"Type\":\"bind\",\"Source\":\"/etc\",\"Target\":\"/e\"}]}}").getBytes(StandardCharsets.UTF_8));
        assertThat(spec.autoRemove()).isTrue();
        assertThat(spec.namedVolumes()).containsExactly("data", "cache");
    }
}
