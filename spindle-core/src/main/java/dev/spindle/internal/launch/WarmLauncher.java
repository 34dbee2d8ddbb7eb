package dev.spindle.internal.launch;

import java.time.Duration;
import java.util.List;

/**
 * WARM (our forkserver): takes a pre-started, primed idle JVM, starting one if none is ready.
 * Idle JVMs have Spindle's class path: a target whose classes need more is spawned instead.
 */
final class WarmLauncher implements ChildLauncher {
    private final SpawnLauncher fallback;

    WarmLauncher(SpawnLauncher fallback) {
        this.fallback = fallback;
    }

    @Override
    public ChildHandle start(List<String> jvmOptions, Class<?> target, String addedClassPath) {
        if (!addedClassPath.isEmpty() || !SpawnLauncher.extraClassPath(target, ChildClassPath.base()).isEmpty()) {
            return fallback.start(jvmOptions, target, addedClassPath);
        }
        return WarmPool.take(jvmOptions);
    }

    /** Starts the idle JVMs of the default options now and waits until one is ready. */
    @Override
    public boolean warmUp(Duration timeout) throws InterruptedException {
        return WarmPool.warmUp(List.of(), timeout);
    }
}
