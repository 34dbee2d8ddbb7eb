package dev.spindle.internal.cluster;

/** The messages a cluster's hosts hear on its control channel: which task to stop. */
final class HostControl {
    private static final String CANCEL = "cancel ";

    private HostControl() {}

    /** The message that stops task {@code seq} of client {@code clientId}. */
    static String cancel(String clientId, long seq) {
        return CANCEL + taskKey(clientId, seq);
    }

    /** The task a message names, as {@link #taskKey}; null if it is no cancel message. */
    static String cancelled(String message) {
        return message.startsWith(CANCEL) ? message.substring(CANCEL.length()) : null;
    }

    /** A task's name across the cluster: its client and its seq there. */
    static String taskKey(String clientId, long seq) {
        return clientId + " " + seq;
    }
}
