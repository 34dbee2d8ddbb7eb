package dev.spindle.internal.cluster;

import dev.spindle.ReadLimits;
import dev.spindle.insights.PoolInsights;
import dev.spindle.insights.TaskFailure;
import dev.spindle.internal.pool.EncodedOutcome;
import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.Task;
import dev.spindle.internal.pool.TaskEngine;
import dev.spindle.multiprocessing.StartMethod;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cluster's worker host: it takes tasks from the streams of its queues as one consumer of their
 * group, runs them in a local pool of child JVMs (the same crash isolation and timeouts as a local
 * pool), and stores each outcome in its client's results list.
 *
 * <p>Delivery: a task delivered to this host is leased to it — its entry is pending for this host,
 * and a heartbeat renews every such entry ({@link Scripts#RENEW}) several times per lease. Any host
 * takes over entries idle longer than a lease ({@code XAUTOCLAIM}), so a dead host's tasks run
 * again elsewhere within about one lease and a beat. An outcome is stored, the entry acknowledged
 * and deleted in one script ({@link Scripts#COMPLETE}) only while the entry is still this host's:
 * stored once, never twice. A host that finds at a heartbeat that it lost a lease (it was stopped
 * past it) stops that task's run and says nothing of it.
 *
 * <p>The host never decodes a task's function, arguments or outcome: its child JVMs do, so it
 * needs none of the clients' classes, and a task whose class its children cannot load fails with
 * the reason while the host goes on. A client that shipped its class path has its tasks run in a
 * pool of their own, whose workers have that class path after the host's ({@link ShippedPools}).
 */
public final class WorkerHost implements AutoCloseable {
    /**
     * How a host runs.
     *
     * @param processes  child JVMs that run tasks
     * @param queues     the task queues it serves
     * @param jvmOptions extra options for its child JVMs
     */
    public record Options(int processes, List<String> queues, List<String> jvmOptions) {}

    private static final long FETCH_BLOCK_MILLIS = 500;
    private static final int COMPLETIONS_PER_CALL = 256;
    /** Tasks fetched ahead per process while tasks prove short; one per process while they are long. */
    private static final int FAST_PREFETCH = 64;
    private static final long FAST_TASK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final byte[] NO_OUTCOME = new byte[0];

    private final ClusterSettings settings;
    private final ClusterKeys keys;
    private final Options options;
    private final String hostId;
    private final byte[] hostBytes;
    private final long pid = ProcessHandle.current().pid();
    private final byte[][] streams;
    private final RedisLink link;
    private final FunctionCache functions;
    private final TaskEngine local;
    private final ShippedPools shipped;
    /** The tasks this host holds, by {@link HostTask#key()}. */
    private final Map<String, HostTask> held = new ConcurrentHashMap<>();
    /** The same tasks by {@link HostControl#taskKey}, for cancels. */
    private final Map<String, HostTask> byTask = new ConcurrentHashMap<>();
    /** Tasks cancelled lately, heard before the host may have fetched them. */
    private final Set<String> cancelled = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    }));
    private final LinkedBlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong recentNanosPerTask = new AtomicLong(Long.MAX_VALUE);
    private final Object room = new Object();
    private final CountDownLatch ended = new CountDownLatch(3);
    private final StatefulRedisConnection<byte[], byte[]> fetching;
    private final StatefulRedisPubSubConnection<byte[], byte[]> control;
    private volatile boolean stopping;
    /** How many of its latest failures a host's report carries. */
    private static final int REPORTED_FAILURES = 10;

    /** An outcome on its way to Redis: the encoded record, or {@link #NO_OUTCOME}. */
    private record Completion(HostTask task, byte[] outcome) {}

    private WorkerHost(ClusterSettings settings, Options options) {
        this.settings = settings;
        this.keys = new ClusterKeys(settings.name());
        this.options = options;
        this.hostId = hostName() + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 6);
        this.hostBytes = ClusterKeys.bytes(hostId);
        this.streams = options.queues().stream().map(keys::tasks).toArray(byte[][]::new);
        this.link = new RedisLink(settings);
        this.functions = new FunctionCache(link, keys);
        for (byte[] stream : streams) {
            TaskStreams.ensureGroup(link.shared().sync(), stream);
        }
        this.fetching = link.connect();
        this.control = link.connectPubSub();
        control.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] channel, byte[] message) {
                heard(ClusterKeys.text(message));
            }
        });
        control.sync().subscribe(keys.control());
        this.local = TaskEngine.processes("cluster-host", poolConfig(""));
        this.shipped = new ShippedPools(link, keys, Path.of(System.getProperty("java.io.tmpdir"), "spindle-classpaths"),
                this::poolConfig);
    }

    /** The config of the host's pools: its processes and JVM options, and a client's shipped class path ("" for none). */
    private PoolConfig poolConfig(String addedClassPath) {
        return new PoolConfig(options.processes(), null, 0, null, 0, StartMethod.SPAWN, options.jvmOptions(),
                ReadLimits.defaults(), addedClassPath, true); // a host publishes its workers' insights
    }

    /**
     * Starts a host: connects, joins its queues' groups, starts its child JVMs and begins taking tasks.
     *
     * @throws IllegalStateException if Redis cannot be reached
     */
    public static WorkerHost start(ClusterSettings settings, Options options) {
        WorkerHost host = new WorkerHost(settings, options);
        host.beat();
        Thread.ofPlatform().name("spindle-host-fetch").start(host::fetchLoop);
        Thread.ofPlatform().name("spindle-host-complete").start(host::completeLoop);
        Thread.ofPlatform().daemon().name("spindle-host-heartbeat").start(host::heartbeatLoop);
        return host;
    }

    /** This host's id: its consumer name in the groups. */
    public String id() {
        return hostId;
    }

    /** How many late outcomes were refused because the task's lease had passed to another host. */
    public long refusedLate() {
        return refused.get();
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        return name != null && !name.isBlank() ? name : "host";
    }

    // ---- taking tasks ----

    private void fetchLoop() {
        Consumer<byte[]> me = Consumer.from(ClusterKeys.GROUP, hostBytes);
        @SuppressWarnings("unchecked")
        XReadArgs.StreamOffset<byte[]>[] offsets = Arrays.stream(streams).map(XReadArgs.StreamOffset::lastConsumed)
                .toArray(XReadArgs.StreamOffset[]::new);
        try {
            while (!stopping) {
                int free = room();
                if (free <= 0) {
                    awaitRoom();
                    continue;
                }
                List<StreamMessage<byte[], byte[]>> messages;
                try {
                    messages = fetching.sync().xreadgroup(me, XReadArgs.Builder.block(FETCH_BLOCK_MILLIS).count(free), offsets);
                } catch (RedisException e) {
                    pause();
                    continue;
                }
                for (StreamMessage<byte[], byte[]> message : messages) {
                    accept(streamIndex(message.getStream()), message);
                }
            }
        } finally {
            ended.countDown();
        }
    }

    /** How many more tasks the host may take now: one per process, more while tasks prove short. */
    private int room() {
        int processes = options.processes();
        int limit = recentNanosPerTask.get() < FAST_TASK_NANOS ? processes * FAST_PREFETCH : processes;
        return limit - held.size();
    }

    private void awaitRoom() {
        synchronized (room) {
            try {
                if (room() <= 0 && !stopping) {
                    room.wait(FETCH_BLOCK_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int streamIndex(byte[] stream) {
        for (int i = 0; i < streams.length; i++) {
            if (Arrays.equals(streams[i], stream)) {
                return i;
            }
        }
        throw new IllegalStateException("a message of a stream this host does not serve: " + ClusterKeys.text(stream));
    }

    /** Takes one delivered entry: runs its task, or fails it with the reason it cannot run. */
    private void accept(int stream, StreamMessage<byte[], byte[]> message) {
        byte[] body = taskField(message.getBody());
        TaskRecord record;
        try {
            if (body == null) {
                throw new IllegalArgumentException("an entry without a task field");
            }
            record = TaskRecord.decode(body);
        } catch (IllegalArgumentException hostile) {
            reject(stream, message.getId(), body, hostile);
            return;
        }
        HostTask task = new HostTask(stream, message.getId(), record.clientId(), record.seq());
        if (held.putIfAbsent(task.key(), task) != null) {
            return; // held already
        }
        String taskKey = HostControl.taskKey(record.clientId(), record.seq());
        byTask.put(taskKey, task);
        if (cancelled.contains(taskKey)) {
            task.cancelled = true;
            complete(task, null);
            return;
        }
        try {
            byte[] function = record.function() != null ? functions.remember(record.functionHash(), record.function())
                    : functions.find(record.functionHash());
            if (function == null) {
                throw new IllegalStateException("the task's function (hash " + record.functionHash()
                        + ") is no longer stored in the cluster");
            }
            TaskEngine pool = record.classPath().isEmpty() ? local : shipped.poolFor(record.classPath());
            Task run = pool.submitEncoded(function, record.arguments(), record.shape(),
                    record.timeoutMillis() > 0 ? Duration.ofMillis(record.timeoutMillis()) : null, record.retries());
            task.local = run;
            if (task.cancelled || task.lost) {
                run.future().cancel(true); // a cancel or lost lease came while it was being submitted
            }
            run.future().whenComplete((value, failure) -> finished(task, value, failure));
        } catch (RuntimeException cannotRun) {
            complete(task, EncodedOutcome.failed(cannotRun, hostId, pid));
        }
    }

    private static byte[] taskField(Map<byte[], byte[]> body) {
        if (body == null || body.size() != 1) {
            return null;
        }
        Map.Entry<byte[], byte[]> field = body.entrySet().iterator().next();
        return Arrays.equals(field.getKey(), ClusterKeys.TASK_FIELD) ? field.getValue() : null;
    }

    /** An entry that holds no task: its sender, if it can be read, is told why; the entry goes. */
    private void reject(int stream, String entryId, byte[] body, IllegalArgumentException why) {
        TaskRecord sender = body == null ? null : TaskRecord.senderOf(body);
        System.err.println("spindle: worker host " + hostId + " dropped entry " + entryId + " of "
                + ClusterKeys.text(streams[stream]) + ": " + why.getMessage());
        HostTask task = new HostTask(stream, entryId, sender == null ? null : sender.clientId(), sender == null ? 0 : sender.seq());
        held.put(task.key(), task);
        complete(task, sender == null ? null : EncodedOutcome.failed(why, hostId, pid));
    }

    /** A local run ended: its outcome goes to Redis, unless the task was cancelled or lost meanwhile. */
    private void finished(HostTask task, Object value, Throwable failure) {
        if (task.lost) {
            return;
        }
        long took = System.nanoTime() - task.fetchedNanos;
        recentNanosPerTask.set(took);
        if (task.cancelled) {
            complete(task, null);
        } else if (value instanceof EncodedOutcome outcome) {
            complete(task, new EncodedOutcome(outcome.status(), outcome.body(), hostId + "/" + outcome.worker(), outcome.pid(),
                    outcome.nanos()));
        } else {
            complete(task, EncodedOutcome.failed(failure != null ? failure : new IllegalStateException("the task ended with no outcome"),
                    hostId, pid));
        }
    }

    private void complete(HostTask task, EncodedOutcome outcome) {
        byte[] record = outcome == null || task.clientId == null ? NO_OUTCOME : OutcomeRecord.encode(task.seq, outcome);
        completions.add(new Completion(task, record));
    }

    /** What this host says of itself at each heartbeat: its pools' workers, outcomes and latest failures. */
    private HostReport report() {
        List<PoolInsights> pools = new ArrayList<>(List.of(local.insights()));
        shipped.all().forEach(pool -> pools.add(pool.insights()));
        return new HostReport(hostId, options.processes(), pools.stream().mapToLong(PoolInsights::done).sum(),
                pools.stream().mapToLong(PoolInsights::failed).sum(),
                pools.stream().flatMap(pool -> pool.workers().stream()).toList(),
                pools.stream().flatMap(pool -> pool.failures().stream())
                        .sorted(Comparator.comparing(TaskFailure::at).reversed()).limit(REPORTED_FAILURES).toList());
    }

    // ---- storing outcomes ----

    private void completeLoop() {
        List<Completion> batch = new ArrayList<>();
        try {
            while (true) {
                if (batch.isEmpty()) {
                    Completion first = completions.poll(FETCH_BLOCK_MILLIS, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (stopping && held.isEmpty()) {
                            return;
                        }
                        continue;
                    }
                    batch.add(first);
                    completions.drainTo(batch, COMPLETIONS_PER_CALL - 1);
                }
                try {
                    store(batch);
                    batch.clear();
                } catch (RedisException e) {
                    pause(); // kept, and tried again once Redis answers
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }

    private void store(List<Completion> batch) {
        RedisCommands<byte[], byte[]> redis = link.shared().sync();
        for (int stream = 0; stream < streams.length; stream++) {
            List<Completion> mine = new ArrayList<>();
            for (Completion completion : batch) {
                if (completion.task().stream == stream) {
                    mine.add(completion);
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            byte[][] arguments = new byte[3 + mine.size() * 3][];
            arguments[0] = ClusterKeys.GROUP;
            arguments[1] = hostBytes;
            arguments[2] = ClusterKeys.bytes(Integer.toString(mine.size()));
            int at = 3;
            for (Completion completion : mine) {
                HostTask task = completion.task();
                arguments[at++] = ClusterKeys.bytes(task.entryId);
                arguments[at++] = task.clientId == null ? NO_OUTCOME : keys.results(task.clientId);
                arguments[at++] = completion.outcome();
            }
            List<Long> stored = redis.eval(Scripts.COMPLETE, ScriptOutputType.MULTI, new byte[][] {streams[stream]}, arguments);
            for (int i = 0; i < mine.size(); i++) {
                HostTask task = mine.get(i).task();
                if (stored.get(i) == 0 && mine.get(i).outcome().length > 0) {
                    refused.incrementAndGet(); // its lease had passed to another host, which stores the outcome
                }
                release(task);
            }
        }
    }

    private void release(HostTask task) {
        held.remove(task.key(), task);
        if (task.clientId != null) {
            byTask.remove(HostControl.taskKey(task.clientId, task.seq), task);
        }
        synchronized (room) {
            room.notifyAll();
        }
    }

    // ---- leases ----

    private void heartbeatLoop() {
        long period = settings.heartbeat().toMillis();
        try {
            while (!(stopping && held.isEmpty())) {
                Thread.sleep(period);
                try {
                    renew();
                    beat();
                    if (!stopping) {
                        takeOver();
                    }
                } catch (RedisException e) {
                    // Redis away: leases cannot be renewed, nor lost, until it answers again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }

    /**
     * Says this host is alive, with its report (for watchers: leases, not this key, decide who
     * holds a task). A report that cannot be made is left out, never the beat.
     */
    private void beat() {
        byte[] report;
        try {
            report = report().encode();
        } catch (RuntimeException e) {
            report = new HostReport(hostId, options.processes(), 0, 0, List.of(), List.of()).encode();
        }
        link.shared().sync().set(keys.host(hostId), report,
                SetArgs.Builder.px(settings.lease().toMillis()));
    }

    /** Renews every lease this host still has, and stops the runs of tasks whose lease it lost. */
    private void renew() {
        RedisCommands<byte[], byte[]> redis = link.shared().sync();
        long asked = System.nanoTime();
        for (int stream = 0; stream < streams.length; stream++) {
            List<byte[]> renewed = redis.eval(Scripts.RENEW, ScriptOutputType.MULTI, new byte[][] {streams[stream]},
                    ClusterKeys.GROUP, hostBytes, ClusterKeys.bytes(Integer.toString(held.size() + 1000)));
            Set<String> mine = new HashSet<>();
            renewed.forEach(id -> mine.add(ClusterKeys.text(id)));
            for (HostTask task : held.values()) {
                if (task.stream == stream && task.fetchedNanos < asked && !mine.contains(task.entryId)) {
                    lose(task);
                }
            }
        }
    }

    /** Another host took this task over: its run stops, and nothing more is said of it here. */
    private void lose(HostTask task) {
        task.lost = true;
        task.stopLocal();
        release(task);
    }

    /** Takes over the tasks whose lease ran out: their host died, or stopped past its lease. */
    private void takeOver() {
        Consumer<byte[]> me = Consumer.from(ClusterKeys.GROUP, hostBytes);
        for (int stream = 0; stream < streams.length; stream++) {
            int free = room();
            if (free <= 0) {
                return;
            }
            ClaimedMessages<byte[], byte[]> claimed = link.shared().sync().xautoclaim(streams[stream],
                    XAutoClaimArgs.Builder.xautoclaim(me, settings.lease(), "0-0").count(free));
            for (StreamMessage<byte[], byte[]> message : claimed.getMessages()) {
                accept(stream, message);
            }
        }
    }

    // ---- cancels ----

    private void heard(String message) {
        HostControl.Order order = HostControl.order(message);
        if (order == null) {
            return;
        }
        cancelled.add(order.taskKey()); // one not fetched yet never runs
        HostTask task = byTask.get(order.taskKey());
        if (task != null) {
            task.cancelled = true;
            if (order.stopsItsRun()) {
                task.stopLocal();
            } else {
                task.dropLocal();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking tasks, finishes those it holds, and leaves the cluster; interrupted, it leaves
     * at once and keeps the interrupt (the leases of what it held pass to other hosts).
     */
    @Override
    public void close() {
        stopping = true;
        synchronized (room) {
            room.notifyAll();
        }
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            local.terminate();
        }
        try {
            link.shared().sync().del(keys.host(hostId));
        } catch (RedisException gone) {
            // its key lapses with the lease
        }
        List<TaskEngine> pools = new ArrayList<>(shipped.all());
        pools.add(local);
        pools.forEach(TaskEngine::shutdown);
        for (TaskEngine pool : pools) {
            try {
                pool.awaitTermination(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.terminate();
            }
        }
        control.close();
        fetching.close();
        link.close();
    }
}
