package dev.docproof.docker;

import org.testcontainers.shaded.com.github.dockerjava.core.util.CertificateUtils;
import org.testcontainers.shaded.org.bouncycastle.jce.provider.BouncyCastleProvider;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Whether docproof speaks TLS to an engine at a {@code tcp://} address, by the docker CLI's rules:
 * {@code DOCKER_TLS_VERIFY} non-empty: TLS, the engine's certificate checked against {@code ca.pem}, docproof's
 * client certificate {@code cert.pem} with {@code key.pem}; {@code DOCKER_TLS} non-empty alone: TLS, the client
 * certificate sent when present, the engine's certificate not checked against a CA; neither: plain HTTP. The files
 * are in {@code DOCKER_CERT_PATH}, else {@code ~/.docker}. A unix socket is always plain.
 *
 * @param certFolder where ca.pem, cert.pem and key.pem are looked for
 * @param certPathSet whether DOCKER_CERT_PATH named the folder (else it is the default), for messages
 */
public record EngineTls(Mode mode, Path certFolder, boolean certPathSet) {

    public enum Mode {
        PLAIN, UNVERIFIED, VERIFIED
    }

    static final String VERIFY = "DOCKER_TLS_VERIFY";
    static final String TLS = "DOCKER_TLS";
    static final String CERT_PATH = "DOCKER_CERT_PATH";
    static final String CA = "ca.pem";
    static final String CERT = "cert.pem";
    static final String KEY = "key.pem";

    /**
     * The variables that choose TLS. The docker CLI in a lesson's shell talks plain HTTP to the lesson's proxy,
     * so they are removed from that shell's environment.
     */
    public static final List<String> VARIABLES = List.of(VERIFY, TLS, CERT_PATH);

    /** The fix when the folder or one of its files is missing. */
    private static final String FOLDER_FIX = "Set " + CERT_PATH + " to the folder that holds " + CA
            + " (the CA that signed the engine's certificate), " + CERT + " and " + KEY
            + " (docproof's client certificate and its key), as for the docker CLI.";

    /** As {@code env} (the process environment's names and values) and the user's home folder choose. */
    static EngineTls of(Map<String, String> env, Path home) {
        String certPath = env.getOrDefault(CERT_PATH, "");
        Path folder = certPath.isEmpty() ? home.resolve(".docker") : Path.of(certPath);
        Mode mode = !env.getOrDefault(VERIFY, "").isEmpty() ? Mode.VERIFIED
                : !env.getOrDefault(TLS, "").isEmpty() ? Mode.UNVERIFIED : Mode.PLAIN;
        return new EngineTls(mode, folder, !certPath.isEmpty());
    }

    static EngineTls fromEnvironment() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static EngineTls plain() {
        return new EngineTls(Mode.PLAIN, Path.of(""), false);
    }

    boolean on() {
        return mode != Mode.PLAIN;
    }

    /** The variable that asked for TLS, for messages. */
    String variable() {
        return mode == Mode.VERIFIED ? VERIFY : TLS;
    }

    /** The folder as messages name it: with the variable that chose it. */
    String folderNamed() {
        return certFolder + (certPathSet ? " (" + CERT_PATH + ")" : " (the default: " + CERT_PATH + " is not set)");
    }

    /** How docproof speaks to the engine, for {@code docproof doctor}. */
    String describe() {
        return switch (mode) {
            case PLAIN -> "plain HTTP (neither " + VERIFY + " nor " + TLS + " is set)";
            case VERIFIED -> "TLS (" + VERIFY + "), the engine's certificate verified against " + certFolder.resolve(CA)
                    + ", client certificate " + certFolder.resolve(CERT);
            case UNVERIFIED -> "TLS (" + TLS + ", no " + VERIFY + "), the engine's certificate not verified, "
                    + (hasClientCertificate() ? "client certificate " + certFolder.resolve(CERT)
                    : "no client certificate (no " + CERT + " and " + KEY + " in " + certFolder + ")");
        };
    }

    private boolean hasClientCertificate() {
        return Files.isRegularFile(certFolder.resolve(CERT)) && Files.isRegularFile(certFolder.resolve(KEY));
    }

    /**
     * The TLS context for this choice, its keys read from the folder; null when plain.
     *
     * @throws EngineException naming the folder or the file that is missing or cannot be read, and what to set
     */
    SSLContext context() throws EngineException {
        if (mode == Mode.PLAIN) {
            return null;
        }
        if (!Files.isDirectory(certFolder)) {
            throw new EngineTlsException(variable() + " is set, but the certificate folder " + folderNamed()
                    + " does not exist.\n" + FOLDER_FIX);
        }
        List<String> needed = mode == Mode.VERIFIED ? List.of(CA, CERT, KEY)
                : Files.exists(certFolder.resolve(CERT)) || Files.exists(certFolder.resolve(KEY)) ? List.of(CERT, KEY) : List.of();
        for (String name : needed) {
            Path file = certFolder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new EngineTlsException(variable() + " is set, but " + file + " is missing; the certificate folder is "
                        + folderNamed() + ".\n" + FOLDER_FIX);
            }
            if (!Files.isReadable(file)) {
                throw new EngineTlsException(variable() + " is set, but " + file + " cannot be read (its permissions); the"
                        + " certificate folder is " + folderNamed() + ".\nMake it readable to the user running docproof.");
            }
        }
        try {
            Security.addProvider(new BouncyCastleProvider()); // the PEM reader asks for it by name; a second add is a no-op
            return FullHandshakes.of(needed.isEmpty() ? null : clientKeys(), mode == Mode.VERIFIED ? trustedCa()
                    : new TrustManager[] {new AnyEngine(c -> { })});
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new EngineTlsException("cannot read the TLS files in " + folderNamed() + ": " + Engine.rootMessage(e)
                    + ".\nThey must be PEM files as the docker CLI reads them: " + CA + " and " + CERT
                    + " certificates, " + KEY + " an RSA or EC private key without a passphrase.", e);
        }
    }

    private TrustManager[] trustedCa() throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(CertificateUtils.createTrustStore(Files.readString(certFolder.resolve(CA))));
        return factory.getTrustManagers();
    }

    private KeyManager[] clientKeys() throws IOException, GeneralSecurityException {
        KeyStore keys = CertificateUtils.createKeyStore(Files.readString(certFolder.resolve(KEY)),
                Files.readString(certFolder.resolve(CERT)));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "docker".toCharArray());
        return factory.getKeyManagers();
    }

    /**
     * Trusts any engine certificate, as the CLI's {@code --tls} without {@code --tlsverify}; tells {@code seen} the
     * chain it was shown (which is how a probe learns that an address speaks TLS).
     */
    static final class AnyEngine extends X509ExtendedTrustManager {
        private final Consumer<X509Certificate[]> seen;

        AnyEngine(Consumer<X509Certificate[]> seen) {
            this.seen = seen;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen.accept(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            seen.accept(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            seen.accept(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("docproof is never the server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("docproof is never the server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("docproof is never the server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
