package dev.docproof.testsupport;

import org.testcontainers.shaded.org.bouncycastle.asn1.x500.X500Name;
import org.testcontainers.shaded.org.bouncycastle.asn1.x509.BasicConstraints;
import org.testcontainers.shaded.org.bouncycastle.asn1.x509.Extension;
import org.testcontainers.shaded.org.bouncycastle.asn1.x509.GeneralName;
import org.testcontainers.shaded.org.bouncycastle.asn1.x509.GeneralNames;
import org.testcontainers.shaded.org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.testcontainers.shaded.org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.testcontainers.shaded.org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.testcontainers.shaded.org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates for a TLS engine made in the test, in pure Java (the BouncyCastle Testcontainers carries): a CA,
 * certificates it signs, and the PEM files the docker CLI reads from DOCKER_CERT_PATH.
 */
public final class TestCertificates {

    /** A key and its certificate, and the CA that signed it (itself for a CA). */
    public record Signed(KeyPair keys, X509Certificate certificate, X509Certificate ca) {}

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestCertificates() {}

    public static Signed ca(String name) throws GeneralSecurityException, IOException {
        KeyPair keys = keys();
        X509Certificate cert = sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys, true, null);
        return new Signed(keys, cert, cert);
    }

    /** A certificate {@code ca} signs for {@code name}; {@code ipAddress} (may be null) as its subject alternative name. */
    public static Signed signed(Signed ca, String name, String ipAddress) throws GeneralSecurityException, IOException {
        KeyPair keys = keys();
        X509Certificate cert = sign(new X500Name("CN=" + name), keys,
                new X500Name(ca.certificate().getSubjectX500Principal().getName()), ca.keys(), false, ipAddress);
        return new Signed(keys, cert, ca.certificate());
    }

    /** Writes ca.pem (of {@code trusted}), cert.pem and key.pem (of {@code client}) into {@code folder}. */
    public static Path certFolder(Path folder, X509Certificate trusted, Signed client) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("ca.pem"), pem(trusted));
        Files.writeString(folder.resolve("cert.pem"), pem(client.certificate()));
        Files.writeString(folder.resolve("key.pem"), pem(client.keys().getPrivate()));
        return folder;
    }

    /** A server's TLS context: its own key and certificate, trusting client certificates {@code clientCa} signed. */
    public static SSLContext serverContext(Signed server, X509Certificate clientCa) throws GeneralSecurityException, IOException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("server", server.keys().getPrivate(), new char[0],
                new X509Certificate[] {server.certificate(), server.ca()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, new char[0]);
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("clients", clientCa);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                        boolean ca, String ipAddress) throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ipAddress != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)));
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        } catch (org.testcontainers.shaded.org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException(e);
        }
    }

    private static String pem(Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value);
        }
        return out.toString();
    }
}
