package dev.spindle.internal.pool;

import dev.spindle.insights.PoolInsights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Every pool and executor of this JVM that has not ended, for {@code Spindle.insights()} and the
 * dashboard. Held weakly: an engine that nothing else holds (no worker, no user) leaves. A pool
 * that has ended is reported once more, to whichever caller asks first (its final counts), and
 * then forgotten, so the set stays as small as the pools alive.
 */
public final class LiveEngines {
    private static final Map<TaskEngine, Boolean> ENGINES = Collections.synchronizedMap(new WeakHashMap<>());

    private LiveEngines() {}

    static void add(TaskEngine engine) {
        ENGINES.put(engine, Boolean.TRUE);
    }

    /** The insights of every live pool, oldest first; a pool that has ended is reported this once more. */
    public static List<PoolInsights> insights() {
        List<TaskEngine> engines;
        synchronized (ENGINES) {
            engines = new ArrayList<>(ENGINES.keySet());
        }
        engines.sort((a, b) -> Long.compare(a.birth(), b.birth()));
        List<PoolInsights> all = new ArrayList<>(engines.size());
        for (TaskEngine engine : engines) {
            boolean ended = engine.isTerminated();
            try {
                all.add(engine.insights());
            } catch (RuntimeException e) {
                // One pool that cannot say (a cluster pool whose Redis stalls past its timeout) hides no other.
                continue;
            }
            if (ended) {
                ENGINES.remove(engine);
            }
        }
        return all;
    }
}
