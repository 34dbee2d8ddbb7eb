package dev.spindle.internal.cluster;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;

/** What clients and hosts both do to a task stream. */
final class TaskStreams {
    private TaskStreams() {}

    /**
     * Makes {@code stream} and its group of hosts if they are not there yet. The group starts at
     * the stream's beginning, so tasks sent before any host came are served.
     */
    static void ensureGroup(RedisCommands<byte[], byte[]> redis, byte[] stream) {
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0-0"), ClusterKeys.GROUP, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException exists) {
            // BUSYGROUP: another client or host made it
        }
    }
}
