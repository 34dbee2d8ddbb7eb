package dev.spindle.internal.cluster;

/**
 * The messages a cluster's hosts hear on its control channel: a task to stop ({@code cancel}: its
 * run too, if it runs) or to drop ({@code drop}: only if it has not started, as a
 * {@code cancel(false)} leaves a running task to finish unobserved).
 */
final class HostControl {
    private static final String CANCEL = "cancel ";
    private static final String DROP = "drop ";

    /** What a message asks of the task {@code taskKey}: its run stopped too, or only if it has not started. */
    record Order(String taskKey, boolean stopsItsRun) {}

    private HostControl() {}

    /** The message that stops task {@code seq} of client {@code clientId}, running or not. */
    static String cancel(String clientId, long seq) {
        return CANCEL + taskKey(clientId, seq);
    }

    /** The message that drops task {@code seq} of client {@code clientId} unless it has started. */
    static String drop(String clientId, long seq) {
        return DROP + taskKey(clientId, seq);
    }

    /** What a message asks; null if it is none of these. */
    static Order order(String message) {
        if (message.startsWith(CANCEL)) {
            return new Order(message.substring(CANCEL.length()), true);
        }
        return message.startsWith(DROP) ? new Order(message.substring(DROP.length()), false) : null;
    }

    /** A task's name across the cluster: its client and its seq there. */
    static String taskKey(String clientId, long seq) {
        return clientId + " " + seq;
    }
}
