package dev.spindle.internal.launch;

import dev.spindle.multiprocessing.StartMethod;

/** The launcher of each start method. */
public final class Launchers {
    private static final ChildLauncher SPAWN = new SpawnLauncher();
    private static final ChildLauncher WARM = new WarmLauncher((SpawnLauncher) SPAWN);

    private Launchers() {}

    /** How processes of {@code method} start. */
    public static ChildLauncher of(StartMethod method) {
        return switch (method) {
            case SPAWN -> SPAWN;
            case WARM -> WARM;
        };
    }
}
