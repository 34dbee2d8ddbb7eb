package dev.spindle.examples.net;

import java.security.KeyPair;
import org.apache.sshd.client.session.ClientSession;

/** Who logs in and how: paramiko's {@code username=} with {@code password=} or {@code pkey=}. */
public sealed interface SshLogin {
    /** The user name. */
    String user();

    /** Offers this login's secret to the session, before {@code auth()}. */
    void offerTo(ClientSession session);

    /** Logs in with a password. */
    record Password(String user, String password) implements SshLogin {
        @Override
        public void offerTo(ClientSession session) {
            session.addPasswordIdentity(password);
        }

        @Override
        public String toString() {
            return user + " with a password";
        }
    }

    /** Logs in with a private key, whose public half the server has in its authorized keys. */
    record Key(String user, KeyPair key) implements SshLogin {
        @Override
        public void offerTo(ClientSession session) {
            session.addPublicKeyIdentity(key);
        }

        @Override
        public String toString() {
            return user + " with an " + key.getPublic().getAlgorithm() + " key"; // RSA, EC: both "an"
        }
    }
}
