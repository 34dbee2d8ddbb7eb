package dev.spindle.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of an in-process pipe: the messages one end sent and the other has not received,
 * with whether each side has closed. Unbounded, as the queue under Python's
 * {@code multiprocessing.dummy} pipe is; messages are copies, so a sender's later changes to its
 * array do not reach the receiver.
 */
final class Mailbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<byte[]> messages = new ArrayDeque<>();
    private boolean senderClosed;
    private boolean receiverClosed;
    private volatile int acceptUpTo;

    Mailbox(int acceptUpTo) {
        this.acceptUpTo = acceptUpTo;
    }

    void put(byte[] bytes, int offset, int length) throws IOException {
        if (length > acceptUpTo) {
            throw new MessageTooLongException(length, acceptUpTo);
        }
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        lock.lock();
        try {
            if (receiverClosed) {
                throw new IOException("broken pipe: the receiving end is closed");
            }
            messages.add(copy);
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next message; null if none has arrived and {@code waitNanos} pass (negative: no limit).
     *
     * @throws EOFException once none is left and the sender has closed
     */
    byte[] take(int maxLength, long waitNanos) throws IOException {
        lock.lock();
        try {
            if (!awaitMessage(waitNanos)) {
                return null;
            }
            byte[] message = messages.poll();
            if (message.length > maxLength) {
                throw new MessageTooLongException(message.length, maxLength);
            }
            return message;
        } finally {
            lock.unlock();
        }
    }

    /** True once a take would not block (a message, or EOF); false if {@code waitNanos} pass (negative: no limit). */
    boolean await(long waitNanos) throws IOException {
        lock.lock();
        try {
            return awaitMessage(waitNanos);
        } catch (EOFException eof) {
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitMessage(long waitNanos) throws IOException {
        long left = waitNanos;
        while (messages.isEmpty()) {
            if (senderClosed) {
                throw new EOFException("the sending end is closed");
            }
            if (waitNanos >= 0 && left <= 0) {
                return false;
            }
            try {
                if (waitNanos < 0) {
                    arrived.await();
                } else {
                    left = arrived.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting on a pipe");
            }
        }
        return true;
    }

    boolean readyNow() {
        lock.lock();
        try {
            return !messages.isEmpty() || senderClosed;
        } finally {
            lock.unlock();
        }
    }

    void closeSender() {
        lock.lock();
        try {
            senderClosed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void closeReceiver() {
        lock.lock();
        try {
            receiverClosed = true;
            messages.clear();
        } finally {
            lock.unlock();
        }
    }

    void acceptUpTo(int maxBytes) {
        acceptUpTo = maxBytes;
    }

    int acceptedUpTo() {
        return acceptUpTo;
    }
}
