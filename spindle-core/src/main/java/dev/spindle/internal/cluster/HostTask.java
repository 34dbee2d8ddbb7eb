package dev.spindle.internal.cluster;

import dev.spindle.internal.pool.Task;

/** A task a worker host holds: the stream entry it was delivered as, whose it is, and its local run. */
final class HostTask {
    /** Which of the host's streams it came from. */
    final int stream;
    final String entryId;
    /** The client whose results list gets the outcome; null for an entry too broken to say. */
    final String clientId;
    final long seq;
    final long fetchedNanos = System.nanoTime();
    /** The task in the host's local pool, once submitted there. */
    volatile Task local;
    /** Its lease ended and another host took it: this host says nothing more of it. */
    volatile boolean lost;
    /** Its client cancelled it: it ends with no outcome. */
    volatile boolean cancelled;

    HostTask(int stream, String entryId, String clientId, long seq) {
        this.stream = stream;
        this.entryId = entryId;
        this.clientId = clientId;
        this.seq = seq;
    }

    /** Its key among the host's tasks. */
    String key() {
        return stream + "/" + entryId;
    }

    /** Drops its local run if it has not started; one that runs finishes, unobserved. */
    void dropLocal() {
        Task run = local;
        if (run != null) {
            run.future().cancel(false);
        }
    }

    /** Stops its local run, if it has one and it has not finished. */
    void stopLocal() {
        Task run = local;
        if (run != null) {
            run.future().cancel(true);
        }
    }
}
