package dev.spindle.internal.launch;

import dev.spindle.function.CheckedRunnable;
import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.ExceptionTransport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Loads and links what running a target needs (control frames, lambda
 * deserialization, the codec, exception transport) before a target arrives: done by idle WARM
 * children and by the AOT training run, so that neither a warm {@code start()} nor a cached
 * spawn pays for it.
 */
final class Warmup {
    private Warmup() {}

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
        ExceptionTransport.decode(ExceptionTransport.encode(new IllegalStateException("warm-up")));
        try {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            Frames.write(frames, Frames.TARGET, new byte[1]);
            Frames.read(new ByteArrayInputStream(frames.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
