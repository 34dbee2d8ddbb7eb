package dev.spindle.examples.net;

import java.util.logging.Level;
import java.util.logging.Logger;

/** MINA SSHD says "session created", "authenticated" and the like at INFO on every run: only its warnings are worth printing. */
final class SshLogging {
    /** Held, so that the level set on it is not lost with a collected logger. */
    private static final Logger SSHD_LOG = Logger.getLogger("org.apache.sshd");

    private SshLogging() {}

    static void quiet() {
        SSHD_LOG.setLevel(Level.WARNING);
    }
}
