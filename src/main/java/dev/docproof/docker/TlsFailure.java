package dev.docproof.docker;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed exchange with a TLS engine means, read from the failure's messages (the JDK's and the HTTP
 * client's), said as the problem on one line and what to do on the next.
 */
final class TlsFailure {

    /** What the engine sends back to a plain HTTP request on its TLS port (dockerd, as any Go server). */
    static final String PLAIN_REQUEST_ANSWER = "Client sent an HTTP request to an HTTPS server";

    private static final Pattern ALERT = Pattern.compile("received fatal alert: ([a-z_]+)");

    private TlsFailure() {}

    /** The message for {@code failure} talking TLS to the engine at {@code uri}; empty when it is not about TLS. */
    static Optional<String> explain(Throwable failure, URI uri, EngineTls tls) {
        String said = messages(failure);
        String at = "The Docker engine at " + uri;
        if (said.contains("unrecognized ssl message") || said.contains("plaintext connection")) {
            return Optional.of(at + " speaks plain HTTP, not TLS (" + tls.variable() + " is set).\nUnset "
                    + EngineTls.VERIFY + " and " + EngineTls.TLS + ", or point DOCKER_HOST at the engine's TLS port"
                    + " (2376 by convention).");
        }
        if (said.contains("pkix path") || said.contains("valid certification path")) {
            return Optional.of(at + " showed a certificate that the CA in " + tls.certFolder().resolve(EngineTls.CA)
                    + " did not sign, so docproof does not trust it.\nPut the CA that signed the engine's certificate"
                    + " (dockerd's --tlscacert) into " + EngineTls.CA + " of " + tls.folderNamed() + ".");
        }
        if (said.contains("subject alternative name") || said.contains("no name matching")
                || said.contains("doesn't match any of the subject")) {
            return Optional.of(at + " showed a certificate made for another name than " + uri.getHost()
                    + (tls.mode() == EngineTls.Mode.UNVERIFIED ? " (docproof checks the name even with "
                    + EngineTls.TLS + " alone)" : "") + ".\nReach the engine by a name or address its certificate"
                    + " holds (DOCKER_HOST=tcp://NAME:PORT), or give the engine a certificate made for " + uri.getHost()
                    + ".");
        }
        Matcher alert = ALERT.matcher(said);
        if (alert.find()) {
            String name = alert.group(1);
            String cert = tls.certFolder().resolve(EngineTls.CERT).toString();
            return Optional.of(switch (name) {
                case "certificate_required" -> at + " requires a client certificate, and docproof had none to send"
                        + " (no " + EngineTls.CERT + " and " + EngineTls.KEY + " in " + tls.folderNamed() + ").\n"
                        + "Put docproof's client certificate and key there, signed by a CA the engine trusts.";
                case "bad_certificate", "unknown_ca", "certificate_unknown", "access_denied", "decrypt_error",
                     "unsupported_certificate", "certificate_expired", "certificate_revoked" -> at + " refused docproof's"
                        + " client certificate " + cert + " (TLS alert " + name + "): it is not signed by a CA the engine"
                        + " trusts, or it has expired.\nUse a client certificate signed by the CA the engine trusts"
                        + " (dockerd's --tlscacert), in " + tls.folderNamed() + ".";
                default -> at + " ended the TLS handshake (TLS alert " + name + ").\nCheck that the engine and the"
                        + " files in " + tls.folderNamed() + " belong together: the docker CLI with the same"
                        + " variables (docker version) says the same.";
            });
        }
        return Optional.empty();
    }

    /**
     * The message for an engine that hung up in the TLS exchange without saying why. docproof had accepted its
     * certificate by then (else the failure says so), so what the engine turned down is docproof's client certificate.
     */
    static String hungUp(URI uri, EngineTls tls) {
        Path cert = tls.certFolder().resolve(EngineTls.CERT);
        boolean sent = Files.isRegularFile(cert);
        return "The Docker engine at " + uri + (sent ? " refused docproof's client certificate " + cert
                + ": it closed the connection in the TLS handshake right after docproof sent it (the certificate is not"
                + " signed by a CA the engine trusts, or has expired).\nUse a client certificate signed by the CA the"
                + " engine trusts (dockerd's --tlscacert), in " + tls.folderNamed() + "."
                : " closed the connection in the TLS handshake, and docproof had no client certificate to send (no "
                + EngineTls.CERT + " in " + tls.folderNamed() + ").\nPut docproof's client certificate and key there,"
                + " signed by a CA the engine trusts.");
    }

    /** The message for a plain connection to an engine that speaks TLS. */
    static String plainToTls(URI uri) {
        return "The Docker engine at " + uri + " speaks TLS, and docproof sent plain HTTP (neither "
                + EngineTls.VERIFY + " nor " + EngineTls.TLS + " is set).\nSet " + EngineTls.VERIFY + "=1 and "
                + EngineTls.CERT_PATH + " to the folder that holds " + EngineTls.CA + ", " + EngineTls.CERT + " and "
                + EngineTls.KEY + ", as for the docker CLI.";
    }

    /** Every message along the cause chain, lower case. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }
}
