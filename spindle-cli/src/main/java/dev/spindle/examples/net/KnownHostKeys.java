package dev.spindle.examples.net;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * A client's known_hosts: it accepts a server's key only if it is the very key recorded for that
 * server's address, and refuses every other key and every address it has no key for (paramiko's
 * {@code RejectPolicy}, never its {@code AutoAddPolicy}). Two keys for one address are an error.
 */
final class KnownHostKeys implements ServerKeyVerifier {
    private final Map<SocketAddress, PublicKey> keys;

    KnownHostKeys(List<SshHost> hosts) {
        keys = hosts.stream().collect(Collectors.toUnmodifiableMap(SshHost::socketAddress, SshHost::hostKey));
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        PublicKey known = keys.get(remoteAddress);
        return known != null && KeyUtils.compareKeys(known, serverKey);
    }
}
