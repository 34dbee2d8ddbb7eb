package dev.spindle.internal.subprocess;

import dev.spindle.internal.nativeio.Native;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kills a process and every process below it.
 *
 * <p>Killing a parent re-parents its children to init, after which they are no longer its
 * descendants and cannot be found; and a live process may fork while it is being killed. So the
 * whole tree is first frozen: the root and each descendant found get SIGSTOP, and the tree is
 * scanned again until a scan finds nobody new (a stopped process cannot fork, and a fork that was
 * under way shows its child in the next scan). Then every frozen process gets SIGKILL, which a
 * process can neither ignore nor handle, stopped or not. A process that left the tree before the
 * kill began (a daemon that double-forked) is not in it any more, as with any tree kill.
 */
public final class ProcessTree {
    private static final int SIGKILL = 9;
    private static final int SIGSTOP = 19;

    private ProcessTree() {}

    /**
     * Kills {@code root} and all its descendants (SIGKILL); returns when every one has been
     * signalled. Nothing, if {@code root} has already ended.
     */
    public static void kill(ProcessHandle root) {
        if (!root.isAlive()) {
            return; // its children are init's now, and its pid may be another process's
        }
        Map<Long, ProcessHandle> frozen = new LinkedHashMap<>();
        freeze(root, frozen);
        boolean foundNew = true;
        while (foundNew) {
            foundNew = false;
            for (ProcessHandle each : root.descendants().toList()) {
                if (!frozen.containsKey(each.pid())) {
                    freeze(each, frozen);
                    foundNew = true;
                }
            }
        }
        // destroyForcibly checks the process's start time, so a pid reused since the scan is spared
        frozen.values().forEach(ProcessHandle::destroyForcibly);
    }

    private static void freeze(ProcessHandle process, Map<Long, ProcessHandle> frozen) {
        frozen.put(process.pid(), process);
        if (process.isAlive()) {
            Native.signal(process.pid(), SIGSTOP);
        }
    }
}
