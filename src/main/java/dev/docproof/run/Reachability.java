package dev.docproof.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the internet and a registry can be reached, asked once per host and remembered for the run: a
 * TCP connection to port 443 within two seconds (name lookup included). Where nothing answers, a step that
 * needs it is skipped instead of hanging.
 */
final class Reachability {

    private static final int TIMEOUT_MS = 2000;
    private static final String DEFAULT_HOST = "example.com";
    private static final String REGISTRY_HOST = "registry-1.docker.io";

    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    boolean internet(String host) {
        return reachable(host == null ? DEFAULT_HOST : host);
    }

    boolean registry() {
        return reachable(REGISTRY_HOST);
    }

    private boolean reachable(String host) {
        return known.computeIfAbsent(host, Reachability::connects);
    }

    private static boolean connects(String host) {
        CompletableFuture<Boolean> attempt = CompletableFuture.supplyAsync(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, 443), TIMEOUT_MS);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            return attempt.get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            attempt.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
