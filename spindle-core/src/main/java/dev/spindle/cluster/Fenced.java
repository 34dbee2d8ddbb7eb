package dev.spindle.cluster;

/**
 * A hold of a cluster lock, numbered: each hold of the lock gets a fencing token greater than
 * every hold before it. A holder whose lease ran out (it paused past it, or its host was cut off)
 * while another took the lock holds a smaller token than the new holder, so a store that checks
 * the token refuses its late writes — the cluster's values guarded by the lock do (see
 * {@link dev.spindle.Context#value(dev.spindle.multiprocessing.TypeCode, Object, dev.spindle.sync.Lock)}).
 * The locks and rlocks of a cluster context implement it.
 */
public interface Fenced {
    /**
     * The fencing token of the hold this thread (an RLock) or this JVM (a Lock) has now.
     *
     * @throws IllegalMonitorStateException if it holds none here, or its lease ran out
     */
    long fencingToken();
}
