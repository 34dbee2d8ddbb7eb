package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.SerializationException;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pipe end travels wherever Spindle sends values — over another pipe, to a running pool worker,
 * back as a task's result — and stays held while it is on its way: closing the sender's copy at
 * once is safe, a failed send leaves no hold behind, and a hold whose sender died is released.
 */
@ExtendWith(NoLeaks.class)
class ConnectionTravelTest {

    static String greetOn(Connection sent) throws IOException {
        try (sent) {
            sent.send("from worker " + ProcessHandle.current().pid());
        }
        return "sent";
    }

    /** A pipe made in the worker: one end comes back as the result, with the worker's pid. */
    static List<Object> pipeFromWorker() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.left().send("greeting");
        pipe.left().close();
        return new ArrayList<>(List.of(ProcessHandle.current().pid(), pipe.right()));
    }

    @Test
    void anEndSentOverAPipeToARunningChildWorksThereAndItsSenderMayCloseAtOnce() throws Exception {
        Pipe control = Pipe.open();
        Pipe data = Pipe.open();
        ChildProcess child = new ChildProcess((Connection ctl) -> {
            try (Connection got = ctl.recv()) {
                got.send("hello from " + ProcessHandle.current().pid());
            }
            ctl.send("done");
        }, control.right());
        child.start();
        try (Connection ctl = control.left(); Connection in = data.left()) {
            ctl.send(data.right());
            data.right().close(); // in transit, the end is still held: the child gets it whole
            assertThat(in.<String>recv()).isEqualTo("hello from " + child.pid());
            assertThat(ctl.<String>recv()).isEqualTo("done");
            // Every copy of the other end is closed now (the child's and ours): EOF, not a hang.
            assertThat(in.poll(Deadlines.PROMPT)).isTrue();
            assertThatThrownBy(in::recv).isInstanceOf(EOFException.class);
        } finally {
            control.right().close();
            child.join(Deadlines.CHILD);
        }
        assertThat(child.exitCode()).isZero();
    }

    @Test
    void anEndIsAPoolTaskArgumentForAWorkerThatIsAlreadyRunning() throws Exception {
        try (Pool pool = Pool.of(1)) {
            long worker = pool.apply(() -> ProcessHandle.current().pid());
            Pipe data = Pipe.open();
            try (Connection in = data.left()) {
                assertThat(pool.apply(ConnectionTravelTest::greetOn, data.right())).isEqualTo("sent");
                data.right().close();
                assertThat(in.<String>recv()).isEqualTo("from worker " + worker);
                assertThat(in.poll(Deadlines.PROMPT)).isTrue();
                assertThatThrownBy(in::recv).isInstanceOf(EOFException.class);
            }
        }
    }

    @Test
    void anEndComesBackAsAPoolTaskResultAndItsPipeGoesWhenTheLastCopyCloses() throws Exception {
        long worker;
        try (Pool pool = Pool.of(1)) {
            List<Object> result = pool.apply(ConnectionTravelTest::pipeFromWorker);
            worker = (Long) result.get(0);
            try (Connection fromWorker = (Connection) result.get(1)) {
                assertThat(fromWorker.<String>recv()).isEqualTo("greeting");
                assertThat(fromWorker.poll(Deadlines.PROMPT)).as("the worker closed the other end").isTrue();
                assertThatThrownBy(fromWorker::recv).isInstanceOf(EOFException.class);
            }
        }
        Deadlines.await("the worker's pipe segment is gone", Deadlines.PROMPT, () -> segmentsOf(worker).isEmpty());
    }

    @Test
    void aSendThatFailsAfterWritingAnEndLeavesNoHoldBehind() throws Exception {
        Pipe carrier = Pipe.open();
        Pipe data = Pipe.open();
        try (Connection out = carrier.left(); Connection unread = carrier.right(); Connection in = data.left()) {
            List<Object> half = new ArrayList<>(List.of(data.right(), new Object()));
            assertThatThrownBy(() -> out.send(half)).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("java.lang.Object");
            assertThat(unread.poll()).as("nothing was sent").isFalse();
            data.right().close();
            assertThat(in.poll(Deadlines.PROMPT)).as("EOF: no in-transit hold is left").isTrue();
            assertThatThrownBy(in::recv).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void anEndInTransitWhoseSenderDiedBeforeAnyoneReadItIsReleased() throws Exception {
        Pipe carrier = Pipe.open();
        Pipe data = Pipe.open();
        ChildProcess child = new ChildProcess((Connection out, Connection end) -> {
            out.send(end); // never read: only the in-transit hold keeps the end
            end.close();
        }, carrier.right(), data.right());
        child.start();
        child.join(Deadlines.CHILD);
        assertThat(child.exitCode()).isZero();
        data.right().close();
        carrier.right().close();
        try (Connection in = data.left(); Connection unread = carrier.left()) {
            assertThat(in.poll(Deadlines.PROMPT)).as("EOF once the sender is gone").isTrue();
            assertThatThrownBy(in::recv).isInstanceOf(EOFException.class);
            assertThat(unread.poll()).as("the message that carried the end is still there, unread").isTrue();
        }
    }

    @Test
    void anEndSentWithinOneProcessArrivesAsAWorkingCopy() throws Exception {
        Pipe carrier = Pipe.open();
        Pipe data = Pipe.open();
        try (Connection out = carrier.left(); Connection got = carrier.right(); Connection in = data.left()) {
            out.send(data.right());
            data.right().close();
            try (Connection copy = got.recv()) {
                copy.send("through the copy");
            }
            assertThat(in.<String>recv()).isEqualTo("through the copy");
            assertThat(in.poll(Deadlines.PROMPT)).isTrue();
            assertThatThrownBy(in::recv).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void plainJavaSerializationRefusesAnEnd() throws Exception {
        Pipe pipe = Pipe.open();
        try (Connection left = pipe.left(); Connection right = pipe.right();
             ObjectOutputStream plain = new ObjectOutputStream(new ByteArrayOutputStream())) {
            assertThat(right.isClosed()).isFalse();
            assertThatThrownBy(() -> plain.writeObject(left)).isInstanceOf(NotSerializableException.class)
                    .hasMessageContaining(Connection.class.getName());
        }
    }

    private static List<String> segmentsOf(long pid) {
        try (Stream<Path> files = Files.list(Path.of("/dev/shm"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("spindle-" + pid + "-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
