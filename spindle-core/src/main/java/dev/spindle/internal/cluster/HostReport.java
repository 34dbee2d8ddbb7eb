package dev.spindle.internal.cluster;

import dev.spindle.ReadLimits;
import dev.spindle.insights.TaskFailure;
import dev.spindle.insights.WorkerInsight;
import dev.spindle.internal.codec.Codec;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a worker host says of itself at each heartbeat, in its presence key: its worker
 * processes' insights, the tasks it finished with a value and with an exception, and its latest
 * failures' tracebacks. A dashboard reads it back; bytes that do not decode to one are ignored.
 *
 * @param hostId    the host's id
 * @param processes how many worker processes it runs per class path
 * @param done      outcomes it stored that were values
 * @param failed    outcomes it stored that were exceptions (raised, timed out, or lost with a worker)
 * @param workers   its live worker processes
 * @param failures  its latest failures, latest first
 */
record HostReport(String hostId, int processes, long done, long failed, List<WorkerInsight> workers,
                  List<TaskFailure> failures) implements Serializable {
    /** Checks what a decoded report holds: bytes in Redis can make any record, nulls and strangers included. */
    HostReport {
        Objects.requireNonNull(hostId, "hostId");
        workers = List.copyOf(workers).stream().map(WorkerInsight.class::cast).toList();
        failures = List.copyOf(failures).stream().map(TaskFailure.class::cast).toList();
    }

    /** What a report in Redis may cost to read, and the only classes it may hold: anyone who reaches Redis can write one. */
    private static final ReadLimits LIMITS = ReadLimits.valuesOnly(); // JDK values and Spindle's own forms only

    /** Every live host's report, by host id; hosts whose key holds no report are left out. */
    static List<HostReport> readAll(RedisCommands<byte[], byte[]> redis, ClusterKeys keys) {
        List<HostReport> reports = new ArrayList<>();
        String prefix = ClusterKeys.text(keys.host("")).replaceAll("([*?\\[\\]\\\\])", "\\\\$1"); // its own glob characters, escaped
        ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(100);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<byte[]> page = redis.scan(cursor, match);
            for (byte[] key : page.getKeys()) {
                HostReport report = read(redis.get(key));
                if (report != null) {
                    reports.add(report);
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        reports.sort(Comparator.comparing(HostReport::hostId));
        return reports;
    }

    /** The host's workers, each naming this host. */
    List<WorkerInsight> workersOnHost() {
        return workers.stream().map(w -> new WorkerInsight(w.name(), w.pid(), hostId, w.state(), w.startUp(), w.init(),
                w.tasksDone(), w.working(), w.waiting(), w.movingData(), w.memoryBytes())).toList();
    }

    byte[] encode() {
        return Codec.get().encode(this);
    }

    /** The report in {@code bytes}, or null if they hold none (a key from an older host, hostile bytes). */
    static HostReport read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return Codec.get().decode(bytes, LIMITS) instanceof HostReport report ? report : null;
        } catch (RuntimeException unreadable) { // refused, or a report whose checks failed
            return null;
        }
    }
}
