package dev.spindle.internal.transport;

import dev.spindle.internal.wire.Wire;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authentication of a new socket connection, both ways, as CPython's
 * {@code deliver_challenge}/{@code answer_challenge} but with HMAC-SHA256: the listening side sends
 * 32 random bytes, the connecting side answers with their HMAC under the shared key, the listener
 * compares in constant time and says welcome or failure; then the roles swap. Until it ends, a
 * frame is at most {@link #MAX_FRAME} bytes (longer ones are refused unread) and every read has
 * the handshake's deadline, so a peer that sends garbage or stalls costs one short-lived thread.
 */
public final class Handshake {
    /** The most bytes a frame may have before the peer has authenticated (CPython reads 256). */
    public static final int MAX_FRAME = 256;
    private static final byte CHALLENGE = 10;
    private static final byte RESPONSE = 11;
    private static final byte WELCOME = 12;
    private static final byte FAILURE = 13;
    private static final int CHALLENGE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {}

    /** Why a handshake failed: a wrong key on either side, or a peer that does not speak it. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The listening side: challenges first, then answers. */
    public static void asListener(SocketEnd end, byte[] key, long deadline) throws IOException {
        challenge(end, key, deadline);
        answer(end, key, deadline);
    }

    /** The connecting side: answers first, then challenges. */
    public static void asClient(SocketEnd end, byte[] key, long deadline) throws IOException {
        answer(end, key, deadline);
        challenge(end, key, deadline);
    }

    private static void challenge(SocketEnd end, byte[] key, long deadline) throws IOException {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(challenge);
        end.sendFrame(CHALLENGE, challenge, 0, challenge.length, deadline);
        byte[] response = expect(end, RESPONSE, deadline);
        boolean right = MessageDigest.isEqual(response, hmac(key, challenge));
        byte[] none = {};
        end.sendFrame(right ? WELCOME : FAILURE, none, 0, 0, deadline);
        if (!right) {
            throw new Refused("digest received was wrong: the peer has another authkey");
        }
    }

    private static void answer(SocketEnd end, byte[] key, long deadline) throws IOException {
        byte[] challenge = expect(end, CHALLENGE, deadline);
        byte[] response = hmac(key, challenge);
        end.sendFrame(RESPONSE, response, 0, response.length, deadline);
        Wire.Frame verdict = end.receiveSmall(MAX_FRAME, deadline);
        if (verdict.type() != WELCOME) {
            throw new Refused(verdict.type() == FAILURE ? "digest sent was rejected: the peer has another authkey"
                    : "the peer does not speak Spindle's handshake (frame type " + verdict.type() + ")");
        }
    }

    private static byte[] expect(SocketEnd end, byte type, long deadline) throws IOException {
        Wire.Frame frame = end.receiveSmall(MAX_FRAME, deadline);
        if (frame.type() != type) {
            throw new Refused("the peer does not speak Spindle's handshake (frame type " + frame.type() + ")");
        }
        return frame.payloadBytes();
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
