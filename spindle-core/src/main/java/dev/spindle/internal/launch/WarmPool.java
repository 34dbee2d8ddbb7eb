package dev.spindle.internal.launch;

import dev.spindle.internal.track.AtExit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WARM start method (our forkserver): a few idle child JVMs, already started and primed,
 * waiting for a target. Idle children are kept per set of JVM options, refilled in the
 * background after each take, and killed at exit; an idle child also dies on its own when this
 * JVM dies, since it is blocked reading its stdin pipe from us.
 */
final class WarmPool {
    /** How many idle children to keep per option set ({@code -Dspindle.warm.size}). */
    static final int SIZE = Integer.getInteger("spindle.warm.size", 2);

    private static final long REFILL_DELAY_MS = 250;
    private static final long REFILL_AFTER_EXIT_MS = 25;
    private static final Map<List<String>, WarmPool> POOLS = new ConcurrentHashMap<>();

    static {
        AtExit.register(AtExit.Phase.CHILDREN, () -> POOLS.values().forEach(WarmPool::killIdle));
    }

    private final List<String> jvmOptions;
    private final BlockingQueue<ChildHandle> idle = new LinkedBlockingQueue<>();
    private final AtomicInteger starting = new AtomicInteger();

    private WarmPool(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    static ChildHandle take(List<String> jvmOptions) {
        return of(jvmOptions).take();
    }

    /** The pool of idle children for {@code jvmOptions}. */
    static WarmPool of(List<String> jvmOptions) {
        return POOLS.computeIfAbsent(List.copyOf(jvmOptions), WarmPool::new);
    }

    /**
     * Starts idle children up to the pool size and waits until all are ready, for at most
     * {@code timeout}. Returns whether they are.
     */
    static boolean warmUp(List<String> jvmOptions, Duration timeout) throws InterruptedException {
        WarmPool pool = of(jvmOptions);
        pool.refill();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pool.starting.get() > 0 || pool.idle.isEmpty() || !pool.idle.stream().allMatch(ChildHandle::ready)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(2); // readiness is a file the child writes: poll it briefly
        }
        return true;
    }

    /** The pids of every idle child of every pool. */
    static List<Long> idlePids() {
        return POOLS.values().stream().flatMap(p -> p.idle.stream()).map(ChildHandle::pid).toList();
    }

    /**
     * A ready idle child if there is one; else the oldest still warming up, which cuts its
     * warm-up short once it sees the target (taking one that finished it cost a start 1.7-3.4 s);
     * else a new one. (Keeping more idle children while starts outpace the pool was tried: on two
     * cores their warm-ups take the CPU from each other, and the median start doubled.)
     */
    private ChildHandle take() {
        ChildHandle chosen = null;
        for (ChildHandle child : idle) {
            if (child.ready() && idle.remove(child)) {
                chosen = child;
                break;
            }
        }
        if (chosen == null) {
            chosen = idle.poll();
        }
        if (chosen != null && chosen.isProcessAlive()) {
            refillAfter(chosen);
            return chosen;
        }
        if (chosen != null) {
            return take(); // it died idle: look again
        }
        refill();
        return new ChildHandle(JvmStarter.start(jvmOptions, ChildMode.WARM, ChildClassPath.base()));
    }


    /**
     * Refills shortly after {@code taken} has ended, or once it has had its first moments to
     * itself: booting a JVM takes both cores of a small machine for a while, and should compete
     * neither with the process just handed out nor with the parent collecting its end.
     */
    private void refillAfter(ChildHandle taken) {
        Executor afterExit = CompletableFuture.delayedExecutor(REFILL_AFTER_EXIT_MS, TimeUnit.MILLISECONDS);
        CompletableFuture<Void> exited = taken.exitCode().thenRunAsync(() -> { }, afterExit);
        CompletableFuture<Void> delay = CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(REFILL_DELAY_MS, TimeUnit.MILLISECONDS));
        CompletableFuture.anyOf(exited, delay).thenRun(this::refill);
    }

    private void refill() {
        while (!AtExit.exiting()) { // a JVM that is ending starts no child, and needs none
            int now = starting.get();
            if (idle.size() + now >= SIZE) {
                return;
            }
            if (starting.compareAndSet(now, now + 1)) {
                Thread.ofVirtual().name("spindle-warm-start").start(this::startOne);
            }
        }
    }

    private void startOne() {
        try {
            ChildHandle child = new ChildHandle(JvmStarter.start(jvmOptions, ChildMode.WARM, ChildClassPath.base()));
            idle.add(child);
            if (discarded) {
                killIdle();
            }
        } catch (RuntimeException e) {
            if (AtExit.exiting()) {
                return; // the program ended while this one was due: nothing is missing
            }
            // A later take starts one in the foreground, and fails there with the reason if it must.
            System.getLogger(WarmPool.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot start an idle child JVM for the WARM start method now", e);
        } finally {
            starting.decrementAndGet();
        }
    }

    private volatile boolean discarded;

    /** Drops the pool for {@code jvmOptions}: its idle children, and those still starting, are killed. */
    static void discard(List<String> jvmOptions) {
        WarmPool pool = POOLS.remove(List.copyOf(jvmOptions));
        if (pool != null) {
            pool.discarded = true;
            pool.killIdle();
        }
    }

    /** Drops every pool: their children were started with settings that changed ({@link LaunchSettings}). */
    static void discardAll() {
        for (List<String> jvmOptions : List.copyOf(POOLS.keySet())) {
            discard(jvmOptions);
        }
    }

    private void killIdle() {
        ChildHandle child;
        while ((child = idle.poll()) != null) {
            child.killAndReap(1000);
        }
    }
}
