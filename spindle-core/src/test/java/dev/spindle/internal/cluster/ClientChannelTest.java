package dev.spindle.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.internal.pool.OutgoingTask;
import dev.spindle.internal.pool.Task;
import dev.spindle.testing.ClusterFixture;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client's hand-over of tasks to its cluster's stream, against a real Redis: what a cancel does
 * at each moment of a task's hand-over.
 */
class ClientChannelTest {
    private static final String QUEUE = "default";

    private static OutgoingTask task(long seq) {
        return new OutgoingTask(seq, new byte[] {1, 2, 3}, 0, new byte[] {4}, Task.Shape.SINGLE, 0, 0);
    }

    @Test
    void aTaskCancelledBeforeItsHandOverBeganIsNeverHandedOver() {
        // The pool counts a task sent just before its channel sees it: terminate() came between
        // the two and cancelled a task the channel did not know, which then went to a host and
        // ran there for ever (a loop until interrupted held a shared host's worker in CI).
        ClusterSettings settings = new ClusterSettings(ClusterFixture.redis().uri().toString(),
                "channel-" + UUID.randomUUID(), QUEUE, Duration.ofSeconds(4), Duration.ofSeconds(5), false);
        RedisLink link = new RedisLink(settings);
        try {
            ClusterKeys keys = new ClusterKeys(settings.name());
            ClientChannel channel = new ClientChannel(link, keys, QUEUE, "");
            channel.open((seq, outcome) -> { });
            try {
                channel.cancel(1);
                channel.drop(2);
                channel.send(List.of(task(1), task(2), task(3)));
                List<StreamMessage<byte[], byte[]>> entries = link.shared().sync().xrange(keys.tasks(QUEUE), Range.create("-", "+"));
                assertThat(entries).extracting(entry -> TaskRecord.decode(entry.getBody().values().iterator().next()).seq())
                        .as("the tasks handed over").containsExactly(3L);
            } finally {
                channel.close();
            }
        } finally {
            link.close();
        }
    }
}
