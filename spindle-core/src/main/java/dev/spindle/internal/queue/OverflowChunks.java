package dev.spindle.internal.queue;

import dev.spindle.internal.shm.SharedSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;

/**
 * This process's mappings of a queue's overflow chunks ({@code QUEUE-chunk-N}, beside the queue's
 * segment, so they go with it): one for its putters and one for its getters, each used only under
 * that side's lock. A chunk is made by the first putter that needs it and removed by the getter
 * that leaves it.
 */
final class OverflowChunks {
    /** How one side maps chunk {@code seq}. */
    @FunctionalInterface
    private interface Opener {
        SharedSegment open(long seq) throws IOException;
    }

    /** The chunk one side has mapped. */
    private final class Side {
        private final Opener opener;
        private long seq = -1;
        private SharedSegment mapped;

        Side(Opener opener) {
            this.opener = opener;
        }

        MemorySegment chunk(long wanted) throws IOException {
            if (wanted != seq) {
                SharedSegment next = opener.open(wanted);
                if (next.memory().byteSize() < chunkBytes) {
                    long size = next.memory().byteSize();
                    next.close();
                    throw new IllegalStateException("a queue's overflow chunk holds " + size + " bytes, not " + chunkBytes);
                }
                forget();
                mapped = next;
                seq = wanted;
            }
            return mapped.memory();
        }

        void forget() {
            if (mapped != null) {
                mapped.close();
                mapped = null;
                seq = -1;
            }
        }
    }

    private final String queueName;
    private final long chunkBytes;
    private final Side writing;
    private final Side reading;

    OverflowChunks(String queueName, long chunkBytes) {
        this.queueName = queueName;
        this.chunkBytes = chunkBytes;
        this.writing = new Side(seq -> SharedSegment.openOrCreateBeside(queueName, suffix(seq), chunkBytes));
        this.reading = new Side(seq -> SharedSegment.open(name(seq)));
    }

    private static String suffix(long seq) {
        return "chunk-" + seq;
    }

    private String name(long seq) {
        return queueName + "-" + suffix(seq);
    }

    /** Chunk {@code seq} for a putter, made if it is not there yet. */
    MemorySegment forWriting(long seq) {
        try {
            return writing.chunk(seq);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the queue's overflow chunk " + seq, e);
        }
    }

    /** Chunk {@code seq} for a getter. */
    MemorySegment forReading(long seq) {
        try {
            return reading.chunk(seq);
        } catch (IOException e) {
            throw new IllegalStateException("the queue's overflow chunk " + seq + " is gone (the process that made"
                    + " the queue ended, and with it what it held beside it)", e);
        }
    }

    /** A getter has left chunk {@code seq} for good (it reads the next one now): it goes. */
    void leave(long seq) {
        SharedSegment.unlink(name(seq));
    }
}
