package dev.spindle.internal.cluster;

import dev.spindle.insights.WorkerInsight;
import dev.spindle.internal.pool.EncodedOutcome;
import dev.spindle.internal.pool.OutgoingTask;
import dev.spindle.internal.pool.TaskChannel;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LMPopArgs;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A client pool's side of the cluster: its tasks go into the queue's stream, and their outcomes
 * come back through a results list of its own, read by one thread with a blocking pop. A
 * function is sent whole the first time; from its second use on it is stored once under its
 * content hash, which later tasks name.
 */
final class ClientChannel implements TaskChannel {
    private static final int OUTCOMES_PER_READ = 512;
    private static final double READ_BLOCK_SECONDS = 0.5;
    /** How long a stored function lives in Redis; the client stores it again well before. */
    private static final long FUNCTION_TTL_SECONDS = 86_400;
    private static final long FUNCTION_REFRESH_NANOS = TimeUnit.HOURS.toNanos(1);
    /** An entry id not known yet: the task is being handed over. */
    private static final String SENDING = "";
    /**
     * Cancelled or dropped before its hand-over began (its pool counts a task sent a moment before
     * this channel sees it): it is never handed over. A cancel that races the task's outcome leaves
     * one such mark, until the channel closes.
     */
    private static final String WITHDRAWN = "-";

    private final RedisLink link;
    private final ClusterKeys keys;
    private final byte[] stream;
    private final String clientId = UUID.randomUUID().toString();
    private final byte[] results;
    /** The stream entry of each task handed over and not yet returned, by seq: what a cancel deletes. */
    private final Map<Long, String> entries = new ConcurrentHashMap<>();
    /** Function id → its hash, once its bytes were seen. Used by the dispatcher thread only. */
    private final Map<Integer, String> hashes = new java.util.HashMap<>();
    /** Function id → when it was last stored under its hash. Used by the dispatcher thread only. */
    private final Map<Integer, Long> storedAt = new java.util.HashMap<>();
    private volatile boolean closed;
    private boolean groupReady;
    private Thread reader;
    private StatefulRedisConnection<byte[], byte[]> readerConnection;

    /** The hash of this client's shipped class path's manifest; "" if it ships none. */
    private final String classPath;

    ClientChannel(RedisLink link, ClusterKeys keys, String queue, String classPath) {
        this.link = link;
        this.classPath = classPath;
        this.keys = keys;
        this.stream = keys.tasks(queue);
        this.results = keys.results(clientId);
    }

    @Override
    public void open(BiConsumer<Long, EncodedOutcome> outcomes) {
        readerConnection = link.connect();
        reader = Thread.ofPlatform().daemon().name("spindle-cluster-results-" + clientId.substring(0, 8))
                .start(() -> readOutcomes(outcomes));
    }

    private void readOutcomes(BiConsumer<Long, EncodedOutcome> outcomes) {
        while (!closed) {
            KeyValue<byte[], List<byte[]>> popped;
            try {
                popped = readerConnection.sync().blmpop(READ_BLOCK_SECONDS, LMPopArgs.Builder.left().count(OUTCOMES_PER_READ), results);
            } catch (RedisException e) {
                if (!closed) {
                    pause(); // Redis restarting: the connection comes back by itself
                }
                continue;
            }
            if (popped == null || !popped.hasValue()) {
                continue;
            }
            for (byte[] bytes : popped.getValue()) {
                OutcomeRecord.Returned returned;
                try {
                    returned = OutcomeRecord.decode(bytes);
                } catch (IllegalArgumentException hostile) {
                    System.err.println("spindle: ignored an unreadable outcome in " + ClusterKeys.text(results) + ": " + hostile.getMessage());
                    continue;
                }
                entries.remove(returned.seq());
                outcomes.accept(returned.seq(), returned.outcome());
            }
        }
    }

    @Override
    public void send(List<OutgoingTask> tasks) {
        try {
            if (!groupReady) {
                TaskStreams.ensureGroup(link.shared().sync(), stream);
                groupReady = true;
            }
            RedisAsyncCommands<byte[], byte[]> redis = link.shared().async();
            List<RedisFuture<?>> sent = new ArrayList<>(tasks.size() + 1);
            List<RedisFuture<String>> adds = new ArrayList<>(tasks.size());
            List<Long> added = new ArrayList<>(tasks.size());
            for (OutgoingTask task : tasks) {
                if (entries.putIfAbsent(task.seq(), SENDING) != null) {
                    continue; // withdrawn already
                }
                byte[] function = functionFor(task, redis, sent);
                String hash = hashes.get(task.functionId());
                TaskRecord record = new TaskRecord(clientId, task.seq(), hash, function, task.arguments(), task.shape(),
                        task.timeoutMillis(), task.retries(), classPath);
                RedisFuture<String> add = redis.xadd(stream, Map.of(ClusterKeys.TASK_FIELD, record.encode()));
                adds.add(add);
                added.add(task.seq());
                sent.add(add);
            }
            if (!LettuceFutures.awaitAll(link.timeout(), sent.toArray(RedisFuture[]::new))) {
                throw new IllegalStateException("the cluster's Redis at " + link.redacted() + " did not take "
                        + tasks.size() + " task(s) within " + link.timeout().toMillis() + " ms");
            }
            for (int i = 0; i < added.size(); i++) {
                String entry = adds.get(i).get();
                if (!entries.replace(added.get(i), SENDING, entry)) {
                    redis.xdel(stream, entry); // dropped or cancelled while it was being handed over (or already done: a no-op)
                }
            }
        } catch (RedisException e) {
            throw new IllegalStateException("cannot hand tasks to the cluster's Redis at " + link.redacted() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing tasks to the cluster", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot hand tasks to the cluster's Redis at " + link.redacted() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } finally {
            for (OutgoingTask task : tasks) { // none of them is handed over again
                entries.remove(task.seq(), SENDING);
                entries.remove(task.seq(), WITHDRAWN);
            }
        }
    }

    /** The function bytes the entry carries: all of them the first time, none once stored under their hash. */
    private byte[] functionFor(OutgoingTask task, RedisAsyncCommands<byte[], byte[]> redis, List<RedisFuture<?>> sent) {
        int id = task.functionId();
        String hash = hashes.get(id);
        if (hash == null) {
            hashes.put(id, ShippedClassPath.sha256(task.function()));
            return task.function();
        }
        Long stored = storedAt.get(id);
        long now = System.nanoTime();
        if (stored == null || now - stored > FUNCTION_REFRESH_NANOS) {
            // Sent before the task on the same connection, so it is there when a host reads the task.
            sent.add(redis.set(keys.function(hash), task.function(), SetArgs.Builder.ex(FUNCTION_TTL_SECONDS)));
            storedAt.put(id, now);
        }
        return null;
    }

    @Override
    public void cancel(long seq) {
        if (deleteEntry(seq)) {
            link.shared().async().publish(keys.control(), ClusterKeys.bytes(HostControl.cancel(clientId, seq))); // delivered: its host stops it
        }
    }

    @Override
    public void drop(long seq) {
        if (deleteEntry(seq)) {
            // delivered already: its host drops it unless it has started (it may wait in the host's own queue)
            link.shared().async().publish(keys.control(), ClusterKeys.bytes(HostControl.drop(clientId, seq)));
        }
    }

    /**
     * Deletes the task's entry, so that it is never delivered if it was not yet (one still being
     * handed over is deleted when its id comes back; one whose hand-over has not begun is withdrawn,
     * and never handed over); false if no host can have it.
     */
    private boolean deleteEntry(long seq) {
        String[] was = new String[1];
        entries.compute(seq, (key, entry) -> {
            was[0] = entry;
            return entry == null || entry.equals(WITHDRAWN) ? WITHDRAWN : null;
        });
        String entry = was[0];
        if (entry == null || entry.equals(WITHDRAWN) || closed) {
            return false;
        }
        if (!entry.equals(SENDING)) {
            link.shared().async().xdel(stream, entry);
        }
        return true;
    }

    /** The live hosts' workers, from their reports; none while Redis cannot be reached. */
    @Override
    public List<WorkerInsight> workerInsights() {
        try {
            return HostReport.readAll(link.shared().sync(), keys).stream().flatMap(h -> h.workersOnHost().stream()).toList();
        } catch (RuntimeException unreachable) { // Redis away, or a report that cannot be read
            return List.of();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (reader != null) {
                reader.join(TimeUnit.SECONDS.toMillis(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (readerConnection != null) {
            readerConnection.close();
        }
        link.shared().async().del(results); // outcomes of tasks nobody waits for
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
