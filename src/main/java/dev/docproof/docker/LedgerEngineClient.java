package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import org.testcontainers.shaded.com.github.dockerjava.core.DefaultDockerClientConfig;
import org.testcontainers.shaded.com.github.dockerjava.core.DockerClientImpl;

import java.time.Duration;

/**
 * A plain docker-java client to the engine named by DOCKER_HOST (else the default socket), built
 * without Testcontainers' discovery, which hangs on machines that look like containers.
 * {@link Engine} is the engine access the rest of docproof uses; this serves the ledger's own tests.
 */
final class LedgerEngineClient {

    private LedgerEngineClient() {}

    static DockerClient open() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
