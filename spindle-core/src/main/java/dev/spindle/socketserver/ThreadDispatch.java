package dev.spindle.socketserver;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * Python's {@code ThreadingMixIn}: each connection on a thread of its own. Closing waits for the
 * threads still serving, as Python's {@code block_on_close} does.
 */
final class ThreadDispatch implements Dispatch<Socket> {
    private static final System.Logger LOG = System.getLogger(TcpServer.class.getName());

    private final RequestSettings settings;
    private final ThreadFactory threads;
    private final Set<Thread> serving = ConcurrentHashMap.newKeySet();

    ThreadDispatch(RequestSettings settings, ThreadFactory threads) {
        this.settings = settings;
        this.threads = threads;
    }

    @Override
    public void dispatch(Socket connection) {
        Thread thread = threads.newThread(() -> {
            try {
                InlineDispatch.serve(settings, connection);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing a connection failed", e);
            } finally {
                serving.remove(Thread.currentThread());
            }
        });
        serving.add(thread);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        for (Thread thread : serving) {
            thread.join();
        }
    }
}
