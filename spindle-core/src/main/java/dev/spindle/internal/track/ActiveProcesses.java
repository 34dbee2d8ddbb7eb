package dev.spindle.internal.track;

import dev.spindle.multiprocessing.BaseProcess;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes of one kind started here that have not ended (Python's {@code active_children}):
 * one set for child JVMs, one for the processes that are threads, as Python's
 * {@code multiprocessing} and {@code multiprocessing.dummy} keep theirs apart.
 */
public final class ActiveProcesses {
    private final Set<BaseProcess> running = ConcurrentHashMap.newKeySet();

    /** Lists {@code process} from its start. */
    public void started(BaseProcess process) {
        running.add(process);
    }

    /** Drops {@code process}, before its joiners are woken: whoever join() wakes finds it gone. */
    public void ended(BaseProcess process) {
        running.remove(process);
    }

    /** Those started and not ended yet, in no particular order. */
    public List<BaseProcess> list() {
        return List.copyOf(running);
    }
}
