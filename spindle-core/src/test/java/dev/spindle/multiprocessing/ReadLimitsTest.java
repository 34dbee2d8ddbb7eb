package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import dev.spindle.testing.HashBomb;
import dev.spindle.testing.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A connection and a pool read under ReadLimits; what breaks them is refused and the reader goes on. */
@ExtendWith(NoLeaks.class)
class ReadLimitsTest {
    @Test
    void aMessageOverTheReceiversLimitFailsAtTheSenderNamingTheLimitAndTheNextOneArrives() throws IOException {
        Pipe pipe = Pipe.open(false);
        try (Connection receiver = pipe.left(); Connection sender = pipe.right()) {
            receiver.readLimits(ReadLimits.defaults().withMaxBytes(1000));
            assertThatThrownBy(() -> sender.send(new byte[5000])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a message of 50").hasMessageContaining("over the limit of 1000 bytes")
                    .hasMessageContaining("connection.readLimits(").hasMessageContaining("-Dspindle.read.maxBytes");
            assertThatThrownBy(() -> sender.sendBytes(new byte[1001])).isInstanceOf(IllegalArgumentException.class);
            sender.sendBytes(new byte[1000]);
            sender.send("after");
            assertThat(receiver.recvBytes()).hasSize(1000);
            assertThat((String) receiver.recv()).isEqualTo("after");
        }
    }

    static void reportsItsLimit(Connection receiving, Connection report) throws IOException {
        report.send(receiving.readLimits().maxBytes());
    }

    @Test
    void anEndsLimitTravelsWithItToAChildAndDefaultsToTheJvmsDefault() throws Exception {
        Pipe limited = Pipe.open(false);
        Pipe report = Pipe.open(false);
        assertThat(limited.left().readLimits().maxBytes()).isEqualTo(ReadLimits.defaults().maxBytes());
        limited.left().readLimits(ReadLimits.defaults().withMaxBytes(4321));
        ChildProcess child = new ChildProcess(ReadLimitsTest::reportsItsLimit, limited.left(), report.right());
        child.start();
        try (Connection answers = report.left()) {
            assertThat(answers.<Integer>recv()).isEqualTo(4321);
        }
        child.join();
        limited.left().close();
        limited.right().close();
        report.right().close();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a guard only
    void aHashBombOnAPipeIsRefusedAndTheNextMessageArrives() throws IOException {
        Pipe pipe = Pipe.open(false);
        try (Connection receiver = pipe.left(); Connection sender = pipe.right()) {
            sender.send(HashBomb.of(60));
            sender.send("after");
            assertThatThrownBy(receiver::recv).isInstanceOf(SerializationException.class).hasMessageContaining("hash bomb");
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
                    .cause().isInstanceOf(SerializationException.class).hasMessageContaining("over the limit of 10000 bytes")
                    .hasMessageContaining("Pool.builder().readLimits(");
            assertThat(pool.map((Integer n) -> n * 2, List.of(1, 2, 3))).containsExactly(2, 4, 6);
        }
    }

    @Test
    void aPoolTaskWhoseArgumentsAreOverItsLimitIsRefusedAtSubmit() throws Exception {
        try (Pool pool = Pool.builder().processes(1).readLimits(ReadLimits.defaults().withMaxBytes(10_000)).build()) {
            assertThatThrownBy(() -> pool.applyAsync((byte[] b) -> b.length, new byte[50_000]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a task's arguments of 50")
                    .hasMessageContaining("over the limit of 10000 bytes").hasMessageContaining("Pool.builder().readLimits(");
            assertThat(pool.apply((byte[] b) -> b.length, new byte[5_000])).isEqualTo(5_000);
        }
    }

    @Test
    void aQueueItemOverTheDefaultLimitIsRefusedAtPutNamingHowToRaiseIt() throws Exception {
        putsOverTheLimit();
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static void putsOverTheLimit() throws Exception {
        dev.spindle.queue.Queue<byte[]> queue = dev.spindle.Context.processes().queue();
        assertThatThrownBy(() -> queue.put(new byte[ReadLimits.defaults().maxBytes()]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over the limit of " + ReadLimits.defaults().maxBytes())
                .hasMessageContaining("ctx.queue(maxsize, maxItemBytes)").hasMessageContaining("-Dspindle.read.maxBytes");
        assertThat(queue.qsize()).isZero();
        dev.spindle.queue.Queue<byte[]> small = dev.spindle.Context.processes().queue(0, 100);
        assertThatThrownBy(() -> small.put(new byte[200])).isInstanceOf(IllegalArgumentException.class);
        small.put(new byte[10]);
        assertThat(small.get()).hasSize(10);
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
