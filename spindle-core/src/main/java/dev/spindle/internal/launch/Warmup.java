package dev.spindle.internal.launch;

import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.wire.Wire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Loads and links what running a target needs (control frames, lambda
 * deserialization, the codec, exception transport) before a target arrives: done by idle WARM
 * children and by the AOT training run, so that neither a warm {@code start()} nor a cached
 * spawn pays for it.
 */
final class Warmup {
    private Warmup() {}

    /** Rounds of {@link #jitWarm} in a WARM child: enough for the JIT to compile the lambda-spinning path. */
    static final int JIT_ROUNDS = 300;
    /**
     * Rounds in the AOT training run: enough to load and link the path, few enough that the
     * cache's method profiles do not call it hot. Profiles of hot methods make every spawned
     * child compile them as it starts, which costs a short-lived child more than it saves.
     */
    static final int TRAINING_ROUNDS = 2;

    /**
     * For idle WARM children and the AOT training run, which have time: opens every jar of the class path, and runs the
     * decode path and the JDK's lambda spinning (which every new target's lambda goes through)
     * {@code rounds} times: a WARM child often enough to compile them, the training run only to
     * load and link them. Each round spins a fresh hidden class, as a user's lambda will.
     */
    @SuppressWarnings("serial") // the no-op samples are harmless to anyone who deserializes them
    static void jitWarm(int rounds) {
        // The class loader opens class-path jars lazily; a resource found nowhere opens them all.
        ClassLoader.getSystemResource("dev/spindle/warm-up/absent");
        // The descriptor every target's decode needs; built by reflection the first time.
        ObjectStreamClass.lookup(ProcessSpec.class);
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodType voidType = MethodType.methodType(void.class);
            MethodHandle impl = lookup.findStatic(Warmup.class, "noop", voidType);
            // An ArrayList of lambdas takes the codec's fast path, as a target or a pool function does.
            byte[] encoded = Codec.get().encode(new ArrayList<>(List.<CheckedRunnable>of(Warmup::noop, () -> { })));
            for (int i = 0; i < rounds && !targetWaiting(); i++) {
                CallSite site = LambdaMetafactory.altMetafactory(lookup, "run",
                        MethodType.methodType(CheckedRunnable.class), voidType, impl, voidType,
                        LambdaMetafactory.FLAG_SERIALIZABLE);
                ((CheckedRunnable) site.getTarget().invoke()).run();
                Codec.get().decode(encoded);
            }
        } catch (Throwable e) {
            throw new IllegalStateException("warm-up failed", e);
        }
    }

    /**
     * For idle WARM children, before they settle: a full collection, so that the target finds the
     * young generation empty. The warm-up leaves it nearly full, and a target's first allocations
     * then started a collection that copied the warm-up's live objects: 7 ms of a warm start,
     * often at the target's very end. Skipped when a target already waits.
     */
    static void emptyYoungGeneration() {
        if (!targetWaiting()) {
            System.gc();
        }
    }

    /** How long a settled JVM stays idle: 5 of the kernel's 10 ms CPU-time ticks. */
    private static final Duration SETTLE_WINDOW = Duration.ofMillis(50);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(3);

    /**
     * For idle WARM children, before they say they are ready: waits (at most {@link #SETTLE_LIMIT})
     * until the JIT has finished compiling what the warm-up made hot, that is until this process
     * has used no CPU for {@link #SETTLE_WINDOW}, so that a ready idle child takes no CPU from
     * the processes at work, among them the one that will be started from it.
     */
    static void settle() {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        Duration before = cpuTime();
        while (System.nanoTime() - deadline < 0 && !targetWaiting()) {
            try {
                Thread.sleep(SETTLE_WINDOW);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Duration now = cpuTime();
            if (now.equals(before)) {
                return;
            }
            before = now;
        }
    }

    /**
     * True once a parent has written a target to this idle child's stdin: it was taken before it
     * was ready, because starts outpaced the pool, and the rest of the warm-up would only delay
     * the target now. (Asking does not read: the target stays for the reader.)
     */
    static boolean targetWaiting() {
        boolean waiting;
        try {
            waiting = System.in.available() > 0;
        } catch (IOException e) {
            waiting = true; // stdin is broken: stop warming and let the reader find out
        }
        cutShort |= waiting;
        return waiting;
    }

    private static volatile boolean cutShort;

    /** True if this child's warm-up was cut short by a target that arrived first. */
    static boolean cutShort() {
        return cutShort;
    }

    private static Duration cpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void noop() {
    }

    private static void noop(String argument) {
    }

    /**
     * A TARGET frame as a parent would send it, for the AOT training run: a process in its
     * compact form, whose target is a method reference taking an argument, as a user's often is.
     */
    @SuppressWarnings("serial") // as jitWarm
    static InputStream sampleTarget() {
        try {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            CheckedConsumer<String> target = Warmup::noop;
            byte[] sample = ProcessForm.encodePlainly(new ProcessSpec("spindle-training", false, target, List.<Object>of("sample"),
                    List.of(), null));
            Wire.write(frames, ControlFrames.TARGET, Objects.requireNonNull(sample));
            return new ByteArrayInputStream(frames.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void prime() {
        CheckedRunnable sample = () -> { };
        Object decoded = Codec.get().decode(Codec.get().encode(List.of(sample, 1, "x", new byte[1])));
        if (((List<?>) decoded).getFirst() instanceof CheckedRunnable r) {
            try {
                r.run();
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        ExceptionTransport.decode(ExceptionTransport.encode(new IllegalStateException("warm-up")), "warm-up", 0);
        try {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            Wire.write(frames, ControlFrames.TARGET, new byte[1]);
            Wire.read(new ByteArrayInputStream(frames.toByteArray()), ControlFrames.MAX_PAYLOAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
