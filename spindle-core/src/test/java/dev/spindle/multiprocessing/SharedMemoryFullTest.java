package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.SharedMemoryFullException;
import dev.spindle.Spindle;
import dev.spindle.managers.Manager;
import dev.spindle.managers.ManagerServer;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Lock;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.ParentJvm;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A full /dev/shm, as in a container (Docker's is 64 MB): in a private mount namespace with a
 * 16 MiB tmpfs over /dev/shm, each call that needs room it cannot have throws
 * SharedMemoryFullException there and leaves nothing behind, and everything works again once
 * room returns. (Before, segments were sparse, and touching a page of a full tmpfs was a SIGBUS
 * reaching the caller as an InternalError, later and elsewhere.)
 */
class SharedMemoryFullTest {
    /** What runs in the small /dev/shm; it prints one line per step for the test to read. */
    public static final class Scenario {
        public static void main(String[] args) throws Exception {
            Context ctx = Context.processes();
            Pool pool = Pool.of(2);
            System.out.println("pool: " + pool.apply((Integer x) -> x * 2, 21));
            Pipe first = Pipe.open();
            first.left().send("fits");
            System.out.println("pipe: " + first.right().<String>recv());

            Queue<byte[]> queue = ctx.queue(0, 64 << 20);
            try {
                queue.put(new byte[32 << 20]);
                System.out.println("put: accepted?!");
            } catch (SharedMemoryFullException e) {
                System.out.println("put refused: " + e.getMessage());
            }
            System.out.println("item segments left: " + segments("-item-"));
            queue.put(new byte[10]);
            System.out.println("queue goes on: " + queue.get().length);

            List<Pipe> pipes = new ArrayList<>();
            List<SharedMemory> blocks = new ArrayList<>();
            try {
                while (pipes.size() < 100) {
                    pipes.add(Pipe.open());
                }
            } catch (SharedMemoryFullException e) {
                System.out.println("pipe refused after " + pipes.size() + ": " + e.getClass().getSimpleName());
            }
            Pool starved = Pool.of(1); // room for its slots, not for its worker's channel
            starvedPool(starved);
            for (long size = 1 << 20; size >= 4096; size /= 4) { // what is left, in ever smaller blocks
                try {
                    while (true) {
                        blocks.add(SharedMemory.create(size));
                    }
                } catch (SharedMemoryFullException full) {
                    // on to smaller blocks
                }
            }
            try {
                ctx.lock();
                System.out.println("lock: made?!");
            } catch (SharedMemoryFullException e) {
                System.out.println("lock refused: " + e.getCause().getClass().getSimpleName());
            }
            managerOverItsSocket();
            first.left().send("still");
            System.out.println("the first pipe goes on: " + first.right().<String>recv());
            workersReplacedWhenFull(pool);

            for (Pipe pipe : pipes) {
                pipe.left().close();
                pipe.right().close();
            }
            for (SharedMemory block : blocks) {
                block.close();
                block.unlink();
            }
            Lock lock = ctx.lock();
            lock.lock();
            lock.unlock();
            Pipe again = Pipe.open();
            again.left().send("room");
            queue.put(new byte[1 << 20]);
            System.out.println("recovered: " + again.right().<String>recv() + " " + queue.get().length);
            System.out.println("the starved pool recovered: " + starved.apply((Integer x) -> x * 3, 3));
            starved.close();
            pool.close();
            System.out.println("pools closed");
        }

        /** A manager on this host, whose client finds no room for a ring, is reached over its socket instead. */
        private static void managerOverItsSocket() throws IOException {
            Path socket = Files.createTempDirectory("spindle-full").resolve("manager.sock");
            try (ManagerServer server = ManagerServer.builder().start(UnixDomainSocketAddress.of(socket))) {
                Map<String, Integer> d = Manager.connect(server.address(), Spindle.authkey()).dict();
                d.put("calls", 1);
                System.out.println("manager over its socket: " + d.get("calls"));
            }
        }

        /** With no room for any worker, a task fails for want of room rather than wait, and the pool is not broken. */
        private static void starvedPool(Pool starved) {
            try {
                starved.apply((Integer x) -> x, 5);
                System.out.println("ran with no worker?!");
            } catch (SharedMemoryFullException e) {
                System.out.println("with no worker, a task fails: " + e.getClass().getSimpleName());
            }
        }

        /** Workers that die in a full /dev/shm are replaced (each in the room its predecessor left). */
        private static void workersReplacedWhenFull(Pool pool) {
            for (int i = 1; i <= 2; i++) {
                try {
                    pool.apply(() -> {
                        Runtime.getRuntime().halt(1);
                        return 0;
                    });
                } catch (dev.spindle.WorkerDiedException e) {
                    System.out.println("worker " + i + " died");
                }
                System.out.println("the pool goes on: " + pool.apply((Integer x) -> x * 2, 2));
            }
        }

        private static long segments(String part) throws IOException {
            try (Stream<Path> files = Files.list(Path.of("/dev/shm"))) {
                return files.filter(f -> f.getFileName().toString().contains(part)).count();
            }
        }
    }

    @Test
    void eachCallThatFindsNoRoomThrowsThereLeavesNothingAndAllRecovers() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("unshare", "-m", "true").start().waitFor() == 0,
                "needs a private mount namespace (root and unshare -m) for a small /dev/shm");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "mount -t tmpfs -o size=16m tmpfs /dev/shm && exec " + java
                + " --enable-native-access=ALL-UNNAMED -cp '" + System.getProperty("java.class.path") + "' '"
                + Scenario.class.getName() + "'";
        String output;
        try (ParentJvm scenario = ParentJvm.command(List.of("unshare", "-m", "sh", "-c", command))) {
            assertThat(scenario.waitFor(Deadlines.CHILD)).as(scenario.output()).isZero();
            output = scenario.output();
        }
        assertThat(output).contains("pool: 42").contains("pipe: fits")
                .contains("put refused: shared memory is full: no room for ").contains("--shm-size")
                .contains("item segments left: 0")
                .contains("queue goes on: 10")
                .containsPattern("pipe refused after \\d+: SharedMemoryFullException")
                .contains("lock refused: FileSystemException")
                .contains("manager over its socket: 1")
                .contains("the first pipe goes on: still")
                .contains("with no worker, a task fails: SharedMemoryFullException")
                .contains("worker 1 died").contains("worker 2 died").contains("the pool goes on: 4")
                .contains("recovered: room 1048576")
                .contains("the starved pool recovered: 9").contains("pools closed")
                .doesNotContain("?!").doesNotContain("InternalError");
    }
}
