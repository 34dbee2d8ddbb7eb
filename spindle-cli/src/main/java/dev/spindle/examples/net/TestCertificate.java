package dev.spindle.examples.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1} (its subject alternative name), made afresh by the
 * JDK's {@code keytool} for one run: the local SMTPS server presents it, and the client trusts it and
 * nothing else (a trust store holding just this certificate), with the server's identity checked
 * against it. Nothing here trusts every certificate.
 */
public final class TestCertificate {
    private static final Duration KEYTOOL_DEADLINE = Duration.ofSeconds(60);
    private static final String ALIAS = "smtps";

    private final KeyStore keys;
    private final char[] password;

    private TestCertificate(KeyStore keys, char[] password) {
        this.keys = keys;
        this.password = password;
    }

    /** Generates a key pair and its certificate for 127.0.0.1, valid for a day; the key store file is removed at once. */
    public static TestCertificate generate() throws IOException, GeneralSecurityException, InterruptedException {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        Path dir = Files.createTempDirectory("spindle-smtps-cert");
        Path file = dir.resolve("server.p12");
        Path log = dir.resolve("keytool.log");
        try {
            keytool(log, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "1",
                    "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", new String(password));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in, password);
            }
            return new TestCertificate(keys, password);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(log);
            Files.delete(dir);
        }
    }

    /** Runs the JDK's own keytool, its output to {@code log} (so a stuck keytool cannot hold us past the deadline). */
    private static void keytool(Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close(); // nothing to prompt for: every password is given
        if (!process.waitFor(KEYTOOL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("keytool did not finish within " + KEYTOOL_DEADLINE);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
    }

    /** The server's side: a TLS context that presents this certificate. */
    public SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    /** The client's side: a TLS context whose trust store holds this certificate only. */
    public SSLContext clientContext() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** The certificate's SHA-256 fingerprint, in hex pairs, as keytool prints it. */
    public String fingerprint() throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private Certificate certificate() throws GeneralSecurityException {
        return keys.getCertificate(ALIAS);
    }
}
