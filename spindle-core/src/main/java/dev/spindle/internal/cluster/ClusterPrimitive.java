package dev.spindle.internal.cluster;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.Serial;
import java.io.Serializable;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What every primitive of a cluster context is: keys in its cluster's Redis, under one name.
 * The object travels (to a pool task on any host) as its settings and name; wherever it arrives,
 * it reaches Redis through that JVM's link ({@link ClusterLinks}). Its keys are forgotten a day
 * after their last change.
 */
abstract class ClusterPrimitive implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How long a primitive's keys outlive their last change. */
    static final int KEPT_SECONDS = 86_400;

    final ClusterSettings settings;
    /** The primitive's own key; others it uses are this plus a suffix. */
    final String key;

    /** The copy of each primitive this JVM knows, by key: one object per primitive here, whatever came in how. */
    private static final Map<String, WeakReference<ClusterPrimitive>> HERE = new ConcurrentHashMap<>();

    ClusterPrimitive(ClusterSettings settings, String kind) {
        this.settings = settings;
        this.key = new ClusterKeys(settings.name()).primitive(kind, UUID.randomUUID().toString());
        know(this);
    }

    private static ClusterPrimitive know(ClusterPrimitive primitive) {
        if (HERE.size() > 1024 && ThreadLocalRandom.current().nextInt(256) == 0) {
            HERE.values().removeIf(copy -> copy.get() == null); // forgotten ones, now and then
        }
        WeakReference<ClusterPrimitive> known = HERE.merge(primitive.key, new WeakReference<>(primitive),
                (old, fresh) -> old.get() != null ? old : fresh);
        ClusterPrimitive copy = known.get();
        return copy != null ? copy : primitive;
    }

    /**
     * The copy this JVM already has of an arriving primitive, if it has one: so a lock taken
     * through one copy is known held by every other (an RLock's depth, a Lock's token).
     */
    @Serial
    protected final Object readResolve() {
        return know(this);
    }

    /**
     * Runs one command on the primitive's Redis and waits for its answer — through an interrupt,
     * which is kept for after: a command sent is carried out whatever this thread does, so its
     * answer must not be dropped (a lock taken and never known would stay taken).
     *
     * @throws io.lettuce.core.RedisException if Redis fails it or does not answer within the timeout
     */
    final <T> T call(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        return answer(command.apply(ClusterLinks.of(settings).text()));
    }

    /** {@link #call} on the connection whose keys and values are bytes. */
    final <T> T callBinary(Function<RedisAsyncCommands<byte[], byte[]>, RedisFuture<T>> command) {
        return answer(command.apply(ClusterLinks.of(settings).shared().async()));
    }

    private <T> T answer(RedisFuture<T> answer) {
        long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return answer.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException e) {
                    throw new RedisCommandTimeoutException("the cluster's Redis did not answer within "
                            + settings.connectTimeout().toMillis() + " ms");
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException failure ? failure : new RedisException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** This JVM's wake-ups of the primitive's cluster. */
    final Wakeups wakeups() {
        return ClusterLinks.wakeups(settings);
    }

    /** The wake channel, for the scripts that publish a change. */
    final String wakeChannel() {
        return ClusterKeys.text(new ClusterKeys(settings.name()).wake());
    }

    /** Runs {@code script} with {@code keys} and {@code arguments}; its integer answer. */
    final long eval(String script, String[] keys, String... arguments) {
        Long answer = call(redis -> redis.<Long>eval(script, ScriptOutputType.INTEGER, keys, arguments));
        return answer;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().replace("Cluster", "") + "[" + key + "]";
    }
}
