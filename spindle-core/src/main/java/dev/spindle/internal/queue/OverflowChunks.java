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
    private final String queueName;
    private final long chunkBytes;
    private long writeSeq = -1;
    private SharedSegment writing;
    private long readSeq = -1;
    private SharedSegment reading;

    OverflowChunks(String queueName, long chunkBytes) {
        this.queueName = queueName;
        this.chunkBytes = chunkBytes;
    }

    private String suffix(long seq) {
        return "chunk-" + seq;
    }

    /** Chunk {@code seq} for a putter, made if it is not there yet. */
    MemorySegment forWriting(long seq) {
        if (seq != writeSeq) {
            SharedSegment next;
            try {
                next = SharedSegment.openOrCreateBeside(queueName, suffix(seq), chunkBytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the queue's overflow chunk " + seq, e);
            }
            checkSize(next);
            if (writing != null) {
                writing.close();
            }
            writing = next;
            writeSeq = seq;
        }
        return writing.memory();
    }

    /** Chunk {@code seq} for a getter. */
    MemorySegment forReading(long seq) {
        if (seq != readSeq) {
            SharedSegment next;
            try {
                next = SharedSegment.open(queueName + "-" + suffix(seq));
            } catch (IOException e) {
                throw new IllegalStateException("the queue's overflow chunk " + seq + " is gone (the process that made"
                        + " the queue ended, and with it what it held beside it)", e);
            }
            checkSize(next);
            if (reading != null) {
                reading.close();
            }
            reading = next;
            readSeq = seq;
        }
        return reading.memory();
    }

    private void checkSize(SharedSegment chunk) {
        if (chunk.memory().byteSize() < chunkBytes) {
            long size = chunk.memory().byteSize();
            chunk.close();
            throw new IllegalStateException("a queue's overflow chunk holds " + size + " bytes, not " + chunkBytes);
        }
    }

    /** A getter has left chunk {@code seq} for good: it goes. */
    void leave(long seq) {
        if (seq == readSeq) {
            reading.unlink();
            reading.close();
            reading = null;
            readSeq = -1;
        } else {
            try (SharedSegment left = SharedSegment.open(queueName + "-" + suffix(seq))) {
                left.unlink();
            } catch (IOException gone) {
                // removed already
            }
        }
    }
}
