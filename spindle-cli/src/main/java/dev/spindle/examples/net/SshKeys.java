package dev.spindle.examples.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Key pairs made at run time, and the OpenSSH private-key text that {@code ssh-keygen} writes and
 * paramiko's {@code RSAKey.from_private_key_file} / {@code RSAKey(file_obj=...)} read.
 */
public final class SshKeys {
    private SshKeys() {}

    /** A new RSA 2048 key pair: the seed's id_rsa. */
    public static KeyPair generateUserKey() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_RSA, 2048);
    }

    /** A new ECDSA P-256 key pair, quick to make: a server's host key. */
    public static KeyPair generateHostKey() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    }

    /** The key pair as an unencrypted OpenSSH private key ({@code -----BEGIN OPENSSH PRIVATE KEY-----}). */
    public static String toOpenSsh(KeyPair key) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "spindle", null, text);
        return text.toString(StandardCharsets.US_ASCII);
    }

    /** Writes the key pair to {@code file} as {@link #toOpenSsh} does, readable by its owner only (as ssh insists). */
    public static Path writeOpenSsh(KeyPair key, Path file) throws IOException, GeneralSecurityException {
        Files.writeString(file, toOpenSsh(key), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** Reads the one key pair in a private-key file (OpenSSH or PEM). */
    public static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return only(file.toString(), in);
        }
    }

    /** Reads the one key pair in a private key's text (OpenSSH or PEM); a garbled key is an IOException or a GeneralSecurityException. */
    public static KeyPair parse(String text) throws IOException, GeneralSecurityException {
        return only("key string", new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static KeyPair only(String name, InputStream in) throws IOException, GeneralSecurityException {
        Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(name), in, null);
        Iterator<KeyPair> it = keys == null ? null : keys.iterator();
        if (it == null || !it.hasNext()) {
            throw new IOException("no private key in " + name);
        }
        return it.next();
    }
}
