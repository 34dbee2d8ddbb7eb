package dev.spindle.internal.launch;

import java.io.File;
import java.time.Duration;
import java.util.List;

/**
 * SPAWN: a fresh JVM per child, started with the JDK AOT cache that the first use trains in the
 * background (for a class path of jars), and with the target's class path added when it needs
 * more than Spindle's.
 */
final class SpawnLauncher implements ChildLauncher {
    @Override
    public ChildHandle start(List<String> jvmOptions, Class<?> target, String addedClassPath) {
        String classPath = ChildClassPath.base();
        for (String more : List.of(extraClassPath(target, classPath), addedClassPath)) {
            classPath = more.isEmpty() ? classPath : classPath + File.pathSeparator + more;
        }
        return new ChildHandle(JvmStarter.start(jvmOptions, ChildMode.SPAWN, classPath));
    }

    /** What {@code target} needs beyond {@code base}; empty if nothing (or no target). */
    static String extraClassPath(Class<?> target, String base) {
        if (target == null) {
            return "";
        }
        ChildClassPath.requireReachable(target);
        return ChildClassPath.extraFor(target, base);
    }

    /**
     * Waits until the AOT start-up cache exists, starting a child to trigger its training.
     * False if there is none by the deadline, or none can be made for this class path.
     */
    @Override
    public boolean warmUp(Duration timeout) throws InterruptedException {
        if (AotCache.ready()) {
            return true;
        }
        start(List.of(), null).kill();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!AotCache.ready()) {
            if (!AotCache.training() || System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(50); // the training run takes seconds; a coarse poll is enough
        }
        return true;
    }
}
