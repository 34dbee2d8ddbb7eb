package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** A connection and a pool read under ReadLimits; what breaks them is refused and the reader goes on. */
class ReadLimitsTest {
    @Test
    void aMessageOverTheLimitIsDiscardedAndTheNextOneArrives() throws IOException {
        Pipe pipe = Pipe.open(false);
        try (Connection receiver = pipe.left(); Connection sender = pipe.right()) {
            receiver.readLimits(ReadLimits.defaults().withMaxBytes(1000));
            sender.send(new byte[5000]);
            sender.send("after");
            assertThatThrownBy(receiver::recv).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("longer than maxLength 1000");
            assertThat((String) receiver.recv()).isEqualTo("after");
        }
    }

    @Test
    void hostileBytesOnAPipeGiveSerializationExceptionAndThePipeLivesOn() throws IOException {
        Pipe pipe = Pipe.open(false);
        try (Connection receiver = pipe.left(); Connection sender = pipe.right()) {
            Random random = new Random(7);
            for (int i = 0; i < 50; i++) {
                byte[] noise = new byte[1 + random.nextInt(100)];
                random.nextBytes(noise);
                noise[0] = 5; // the object-stream tag
                sender.sendBytes(noise);
                sender.send(i);
                assertThatThrownBy(receiver::recv).isInstanceOf(SerializationException.class);
                assertThat((Integer) receiver.recv()).isEqualTo(i);
            }
        }
    }

    @Test
    void aPoolResultOverItsLimitFailsOnlyThatTask() throws Exception {
        try (Pool pool = Pool.builder().processes(1).readLimits(ReadLimits.defaults().withMaxBytes(10_000)).build()) {
            AsyncResult<byte[]> big = pool.applyAsync((Integer n) -> new byte[n], 50_000);
            assertThatThrownBy(big::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SerializationException.class).hasMessageContaining("larger than maxBytes 10000");
            assertThat(pool.map((Integer n) -> n * 2, List.of(1, 2, 3))).containsExactly(2, 4, 6);
        }
    }

    @Test
    void aPoolWorkerRefusesClassesOutsideItsPolicy() throws Exception {
        ReadLimits policy = ReadLimits.defaults().withClassFilter("java.base/*;!*");
        try (Pool pool = Pool.builder().processes(1).readLimits(policy).build()) {
            AsyncResult<String> refused = pool.applyAsync((java.io.Serializable s) -> s.toString(), new Outsider());
            assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("outside the class filter");
        }
    }

    record Outsider() implements java.io.Serializable {}
}
