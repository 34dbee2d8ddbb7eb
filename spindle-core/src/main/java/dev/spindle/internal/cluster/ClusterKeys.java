package dev.spindle.internal.cluster;

import java.nio.charset.StandardCharsets;

/** The names of everything a cluster keeps in Redis, all under {@code spindle:<name>:}. */
final class ClusterKeys {
    /** The consumer group of every task stream: the worker hosts. */
    static final byte[] GROUP = bytes("workers");
    /** The one field of a task entry. */
    static final byte[] TASK_FIELD = bytes("t");

    private final String prefix;

    ClusterKeys(String clusterName) {
        this.prefix = "spindle:" + clusterName + ":";
    }

    /** The stream of tasks waiting on {@code queue}. */
    byte[] tasks(String queue) {
        return bytes(prefix + "tasks:" + queue);
    }

    /** The list where a client's outcomes wait for it. */
    byte[] results(String clientId) {
        return bytes(prefix + "results:" + clientId);
    }

    /** A stored function, by the hex of its content hash. */
    byte[] function(String hash) {
        return bytes(prefix + "fn:" + hash);
    }

    /** A shipped class path entry (a jar), by the hex of its SHA-256. */
    byte[] classPathEntry(String hash) {
        return bytes(prefix + "cp:entry:" + hash);
    }

    /** A shipped class path's manifest: its entries' hashes in order, by the hex of its own SHA-256. */
    byte[] classPathManifest(String hash) {
        return bytes(prefix + "cp:manifest:" + hash);
    }

    /** A worker host's presence, which lapses with its heartbeat. */
    byte[] host(String hostId) {
        return bytes(prefix + "hosts:" + hostId);
    }

    /** The channel on which a primitive's change publishes its key, which its waiters hear. */
    byte[] wake() {
        return bytes(prefix + "wake");
    }

    /** The key of the primitive {@code id} of {@code kind} ({@code lock}, {@code event}, ...). */
    String primitive(String kind, String id) {
        return prefix + kind + ":" + id;
    }

    /** The channel of cancellations, which every host hears. */
    byte[] control() {
        return bytes(prefix + "control");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
