package dev.spindle.internal.transport;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This process's authentication key (CPython's {@code current_process().authkey}): 32 random
 * bytes made by the main program, inherited by its children through {@link #ENVIRONMENT} (not the
 * command line, which other users can read), so a child's {@code Client} authenticates with its
 * parent's {@code Listener} and manager by default.
 */
public final class AuthKeys {
    /** The environment variable a child JVM finds its parent's key in, in hex. */
    public static final String ENVIRONMENT = "SPINDLE_AUTHKEY";
    private static final byte[] KEY = initial();

    private AuthKeys() {}

    private static byte[] initial() {
        String inherited = System.getenv(ENVIRONMENT);
        if (inherited != null && !inherited.isEmpty()) {
            return HexFormat.of().parseHex(inherited);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * A copy of {@code authkey}, which a user gave.
     *
     * @throws IllegalArgumentException if it is empty: a key anyone knows is no key
     */
    public static byte[] checked(byte[] authkey) {
        if (java.util.Objects.requireNonNull(authkey, "authkey").length == 0) {
            throw new IllegalArgumentException("an authkey must not be empty");
        }
        return authkey.clone();
    }

    /** A copy of this process's key. */
    public static byte[] current() {
        return KEY.clone();
    }

    /** This process's key as its children find it in {@link #ENVIRONMENT}. */
    public static String forChildren() {
        return HexFormat.of().formatHex(KEY);
    }
}
