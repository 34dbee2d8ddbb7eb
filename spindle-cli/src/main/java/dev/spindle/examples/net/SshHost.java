package dev.spindle.examples.net;

import java.net.InetSocketAddress;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * A server to connect to and the host key it must present: paramiko's hostname and port, with the
 * line of known_hosts that vouches for it.
 *
 * @param address the server's address, such as {@code 127.0.0.1}
 * @param port    its port
 * @param hostKey the public key it must prove it holds
 */
public record SshHost(String address, int port, PublicKey hostKey) {
    /** The socket address, as the client sees the server's. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** The host key's SHA-256 fingerprint, as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(hostKey);
    }

    @Override
    public String toString() {
        return address + ":" + port;
    }
}
