package dev.spindle.internal.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;

/**
 * The way to one cluster's Redis: a Lettuce client, one shared connection for ordinary commands
 * (Lettuce pipelines what several threads send on it), and new connections for those that block
 * (a blocking read holds its connection). Connections reconnect by themselves after Redis
 * restarts; a command that cannot be answered within the timeout fails rather than hangs.
 */
final class RedisLink implements AutoCloseable {
    private final ClusterSettings settings;
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> shared;

    /**
     * Connects to the cluster's Redis.
     *
     * @throws IllegalStateException if Redis cannot be reached within the connect timeout
     */
    RedisLink(ClusterSettings settings) {
        this.settings = settings;
        RedisURI uri = RedisURI.create(settings.redisUri());
        uri.setTimeout(settings.connectTimeout());
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.connectTimeout()))
                .build());
        try {
            this.shared = connect();
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ZERO);
            throw e;
        }
    }

    /** How long reaching Redis, and each command, may take. */
    Duration timeout() {
        return settings.connectTimeout();
    }

    /** The connection for ordinary commands. */
    StatefulRedisConnection<byte[], byte[]> shared() {
        return shared;
    }

    /** A shared connection whose keys and values are text: the primitives' commands. */
    synchronized RedisAsyncCommands<String, String> text() {
        if (text == null) {
            try {
                text = client.connect(StringCodec.UTF8);
            } catch (RedisConnectionException e) {
                throw unreachable(e);
            }
        }
        return text.async();
    }

    private StatefulRedisConnection<String, String> text;

    /**
     * A connection of its own, for blocking reads; the caller closes it.
     *
     * @throws IllegalStateException if Redis cannot be reached within the connect timeout
     */
    StatefulRedisConnection<byte[], byte[]> connect() {
        try {
            return client.connect(ByteArrayCodec.INSTANCE);
        } catch (RedisConnectionException e) {
            throw unreachable(e);
        }
    }

    /** A connection for subscriptions; the caller closes it. */
    StatefulRedisPubSubConnection<byte[], byte[]> connectPubSub() {
        try {
            return client.connectPubSub(ByteArrayCodec.INSTANCE);
        } catch (RedisConnectionException e) {
            throw unreachable(e);
        }
    }

    private IllegalStateException unreachable(RedisConnectionException e) {
        Throwable reason = e.getCause() != null ? e.getCause() : e;
        return new IllegalStateException("cannot reach the cluster's Redis at " + redacted() + " within "
                + settings.connectTimeout().toMillis() + " ms: " + reason.getMessage(), e);
    }

    /** The Redis URI without its password, for messages. */
    String redacted() {
        return settings.redisUri().replaceFirst("//[^@/]*@", "//***@");
    }

    @Override
    public void close() {
        shared.close();
        synchronized (this) {
            if (text != null) {
                text.close();
            }
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
