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
        return POOLS.computeIfAbsent(List.copyOf(jvmOptions), WarmPool::new).take();
    }

    /**
     * Starts idle children up to the pool size and waits until all are ready, for at most
     * {@code timeout}. Returns whether they are.
     */
    static boolean warmUp(List<String> jvmOptions, Duration timeout) throws InterruptedException {
        WarmPool pool = POOLS.computeIfAbsent(List.copyOf(jvmOptions), WarmPool::new);
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

    private ChildHandle take() {
        ChildHandle ready;
        while ((ready = idle.poll()) != null) {
            if (ready.isProcessAlive()) {
                refillAfter(ready);
                return ready;
            }
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
        while (true) {
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
        } catch (RuntimeException e) {
            // could not start one now; a later take starts one in the foreground
        } finally {
            starting.decrementAndGet();
        }
    }

    private void killIdle() {
        ChildHandle child;
        while ((child = idle.poll()) != null) {
            child.killAndReap(1000);
        }
    }
}
