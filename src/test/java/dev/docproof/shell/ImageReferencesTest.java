package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImageReferencesTest {

    private static List<String> found(String command) {
        return ImageReferences.find(command).stream().map(ImageRef::canonical).toList();
    }

    @Test
    void findsTheImagesTheCourseLessonRuns() {
        assertThat(ImageReferences.find(List.of(
                "docker network create networking-test",
                "docker run -d --rm --name server --network networking-test -v /tmp/networking-test/:/var/www/:ro"
                        + " launchcodedevops/simple-http",
                "docker run -itd --name client --network networking-test launchcodedevops/simple-client",
                "docker exec client curl -v server:8080/message",
                "docker stop server client")))
                .containsExactly(ImageRef.parse("launchcodedevops/simple-http"),
                        ImageRef.parse("launchcodedevops/simple-client"));
    }

    @Test
    void findsTheImagesACommandNamesWithoutRunningThem() {
        assertThat(ImageReferences.namedAsWritten("docker tag launchcodedevops/simple-client my-client:v1"))
                .containsExactly("launchcodedevops/simple-client");
        assertThat(ImageReferences.namedAsWritten("docker image tag nginx:1.25 web")).containsExactly("nginx:1.25");
        assertThat(ImageReferences.namedAsWritten("docker history --no-trunc --format '{{.CreatedBy}}' redis | head -1"))
                .containsExactly("redis");
        assertThat(ImageReferences.namedAsWritten("docker image inspect -f '{{.Id}}' alpine busybox:1"))
                .containsExactly("alpine", "busybox:1");
        assertThat(ImageReferences.namedAsWritten("docker save -o images.tar alpine redis")).containsExactly("alpine", "redis");
        assertThat(ImageReferences.namedAsWritten("docker images launchcodedevops/simple-http --format '{{.Tag}}'"))
                .containsExactly("launchcodedevops/simple-http");
        assertThat(ImageReferences.namedAsWritten("docker image ls alpine")).containsExactly("alpine");
        assertThat(ImageReferences.namedAsWritten("docker rmi -f alpine && docker image rm redis"))
                .containsExactly("alpine", "redis");
        assertThat(ImageReferences.namedAsWritten("docker inspect --format '{{.State.Status}}' server")).containsExactly("server");
    }

    @Test
    void aCommandThatRunsOrMakesAnImageOrNamesNoneNamesNothingHere() {
        assertThat(ImageReferences.namedAsWritten("docker run alpine echo hi")).isEmpty();
        assertThat(ImageReferences.namedAsWritten("docker build -t app .")).isEmpty();
        assertThat(ImageReferences.namedAsWritten("docker images")).isEmpty();
        assertThat(ImageReferences.namedAsWritten("docker tag <image> my-client")).isEmpty();
        assertThat(ImageReferences.namedAsWritten("docker network inspect bridge")).isEmpty();
    }

    @Test
    void skipsEveryOptionValueOfRunAndCreate() {
        assertThat(found("docker run --name x --network n -v /a:/b -p 8080:80 -e A=1 --network-alias al -w /w"
                + " -h host -u 0 -l k=v --mount type=tmpfs,dst=/t --env-file f --restart no img:1 echo hi"))
                .containsExactly("img:1");
        assertThat(found("docker create --rm -it --entrypoint sh alpine -c 'echo hi'")).containsExactly("alpine:latest");
    }

    @Test
    void readsClusteredShortFlagsAndAttachedValues() {
        assertThat(found("docker run -itd redis")).containsExactly("redis:latest");
        assertThat(found("docker run -p8080:80 -eA=1 nginx")).containsExactly("nginx:latest");
        assertThat(found("docker run -itp 80:80 nginx:1.25")).containsExactly("nginx:1.25");
        assertThat(found("docker run --name=server --network=net -d httpd")).containsExactly("httpd:latest");
    }

    @Test
    void findsPulledImagesAndTheLongSubcommandForms() {
        assertThat(found("docker pull -q ubuntu:22.04")).containsExactly("ubuntu:22.04");
        assertThat(found("docker pull -a debian")).containsExactly("debian:latest");
        assertThat(found("docker image pull --platform linux/amd64 busybox")).containsExactly("busybox:latest");
        assertThat(found("docker container run --rm alpine")).containsExactly("alpine:latest");
        assertThat(found("docker container create alpine")).containsExactly("alpine:latest");
    }

    @Test
    void findsImagesInChainsAndBehindSudoOrAssignments() {
        assertThat(found("docker pull a && docker run --rm b; sudo docker run c | cat\nDOCKER_HOST=x docker run d"))
                .containsExactly("a:latest", "b:latest", "c:latest", "d:latest");
        assertThat(found("id=$(docker run -d e) && echo $id")).containsExactly("e:latest");
        assertThat(found("docker run \\\n  --rm \\\n  f 2>&1")).containsExactly("f:latest");
    }

    @Test
    void keepsRegistriesTagsAndDigests() {
        assertThat(found("docker run registry.example:5000/team/app:2.0")).containsExactly(
                "registry.example:5000/team/app:2.0");
        assertThat(found("docker pull alpine@sha256:" + "a".repeat(64))).containsExactly("alpine@sha256:" + "a".repeat(64));
        assertThat(found("docker run --rm -- alpine")).containsExactly("alpine:latest");
    }

    @Test
    void ignoresTemplatesAndCommandsThatRunNoImage() {
        assertThat(found("docker run --network <network name> ...")).isEmpty();
        assertThat(found("docker run --name service-one --network my-network ...")).isEmpty();
        assertThat(found("docker run <image>")).isEmpty();
        assertThat(found("docker run $IMAGE")).isEmpty();
        assertThat(found("docker run -d")).isEmpty();
        assertThat(found("docker network ls")).isEmpty();
        assertThat(found("docker exec client docker run inner")).isEmpty();
        assertThat(found("echo docker run alpine")).isEmpty();
        assertThat(found("# docker run alpine")).isEmpty();
        assertThat(found("docker run 'Not An Image'")).isEmpty();
        assertThat(found("")).isEmpty();
    }

    @Test
    void listsEachImageOnceInTheOrderFirstUsed() {
        assertThat(ImageReferences.find(List.of("docker run b", "docker run a", "docker pull b:latest")))
                .containsExactly(ImageRef.parse("b"), ImageRef.parse("a"));
    }
}
