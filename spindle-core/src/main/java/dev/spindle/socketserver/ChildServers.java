package dev.spindle.socketserver;

import dev.spindle.internal.launch.ControlDirectory;
import dev.spindle.internal.nativeio.SocketCalls;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections served in child JVMs, each child serving one connection at a time: Python's
 * {@code ForkingMixIn} (children up to a maximum, started as connections need them) or a fixed
 * pool. A child that finishes a connection takes the next one, so a connection seldom waits for a
 * JVM to start: {@code spare} children start at once, a new one starts whenever none is idle or
 * starting, and a child that would be one idle too many is let go (a pre-forking server's minimum
 * and maximum of spare children: between them, no JVM starts or ends under a steady load).
 *
 * <p>The accepted socket's descriptor goes to the child, which talks to the client directly; this
 * JVM closes its own copy at once, so a child that dies mid-connection closes its client's
 * connection. A dead child is replaced when a connection needs it.
 */
final class ChildServers implements Dispatch<Integer> {
    private static final System.Logger LOG = System.getLogger(TcpServer.class.getName());
    private static final AtomicLong SOCKETS = new AtomicLong();

    private final RequestSettings settings;
    private final int spare;
    private final int max;
    private final Deque<ServingChild> idle = new ArrayDeque<>();
    /** Children started and not yet gone, starting ones included; guarded by this. */
    private int live;
    private int starting;
    private Exception lastStartFailure;
    private boolean closed;

    /**
     * @param spare children started now, and the most kept idle
     * @param max   children at most: a connection beyond waits for one to be free
     */
    ChildServers(RequestSettings settings, int spare, int max) {
        this.settings = settings;
        this.spare = spare;
        this.max = max;
        synchronized (this) {
            while (live < spare) {
                startChild();
            }
        }
    }

    @Override
    public void dispatch(Integer connection) throws IOException, InterruptedException {
        try {
            ServingChild child;
            while (!(child = take()).hand(connection)) {
                lost(child);
            }
        } finally {
            SocketCalls.close(connection);
        }
    }

    /** An idle child, now busy: waits for one to start or finish when there is none. */
    private synchronized ServingChild take() throws IOException, InterruptedException {
        while (true) {
            if (closed) {
                throw new IOException("the server is closed");
            }
            ServingChild child = idle.pollFirst();
            if (child != null) {
                child.busy = true;
                topUp();
                return child;
            }
            if (starting == 0 && live < max) {
                if (lastStartFailure != null && live == 0) {
                    Exception failure = lastStartFailure;
                    lastStartFailure = null;
                    throw new IOException("no child JVM could start to serve the connection", failure);
                }
                startChild();
            }
            wait();
        }
    }

    /** The child went before it could take a connection: its watcher reports its end. */
    private synchronized void lost(ServingChild child) {
        child.busy = false;
    }

    /** Starts a child if none is idle or starting, so that the next connection need not wait (holding the lock). */
    private void topUp() {
        if (!closed && idle.isEmpty() && starting == 0 && live < max) {
            startChild();
        }
    }

    private void startChild() {
        live++;
        starting++;
        Path socket = ControlDirectory.get().resolve("server-" + ProcessHandle.current().pid() + "-" + SOCKETS.incrementAndGet());
        new ServingChild(this, socket, settings).start();
    }

    synchronized void ready(ServingChild child) {
        starting--;
        lastStartFailure = null;
        if (closed) {
            child.retire();
        } else {
            idle.addFirst(child);
        }
        notifyAll();
    }

    synchronized void startFailed(ServingChild child, Exception failure) {
        starting--;
        live--;
        lastStartFailure = failure;
        LOG.log(Level.ERROR, "a serving child JVM did not start", failure);
        notifyAll();
    }

    /** The child has finished its connection: it waits for the next, unless enough others do. */
    synchronized void done(ServingChild child) {
        child.busy = false;
        if (closed || idle.size() >= spare) {
            child.retire();
        } else {
            idle.addFirst(child);
        }
        notifyAll();
    }

    /** The child has ended: let go by this side, or dead (its connection, if any, closed with it). */
    synchronized void gone(ServingChild child) {
        live--;
        idle.remove(child);
        if (child.busy) {
            LOG.log(Level.WARNING, "the child JVM " + child.pid() + " died serving a connection (exit code "
                    + child.exitCode() + "); its client's connection is closed");
        }
        topUp();
        notifyAll();
    }

    @Override
    public synchronized void close() throws InterruptedException {
        closed = true;
        for (ServingChild child : idle) {
            child.retire();
        }
        idle.clear();
        notifyAll();
        while (live > 0) {
            wait();
        }
    }
}
