package dev.spindle.examples.sync;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.futures.ProcessPoolExecutor;
import dev.spindle.managers.Manager;
import dev.spindle.sync.RLock;
import java.nio.file.Path;

/**
 * ProcessPoolExecutor tasks sell the tickets of f1.txt under a Manager's RLock, as the seed does:
 * CPython refuses a plain {@code multiprocessing.RLock()} as a pool task's argument (RuntimeError:
 * "Lock objects should only be shared between processes through inheritance"), so the seed needs
 * a proxy to a lock in a server process. Spindle's manager does the same; a Spindle lock, which
 * lives in shared memory and travels to pool tasks like any argument, would do without one.
 */
public final class PpeManagerLockTickets extends Example {
    public PpeManagerLockTickets() {
        super("ppe-manager-lock-tickets", "ProcessPoolExecutor tasks decrement f1.txt under a Manager's RLock: 10 → 0",
                "开始: start; 排队抢票了: queued and got a ticket");
    }

    static Void task(RLock lock, Path file) throws Exception {
        System.out.println("开始");
        try (var _ = lock.hold()) {
            int currentNum = TicketFile.read(file);
            System.out.println("排队抢票了 (pid " + ProcessHandle.current().pid() + ", " + currentNum + " left)");
            Speed.sleep(1);
            currentNum -= 1;
            TicketFile.write(file, currentNum);
        }
        return null;
    }

    @Override
    public void run(String... args) throws Exception {
        Path file = TicketFile.create(10);
        System.out.println("CPython: multiprocessing.RLock() as a pool task argument raises RuntimeError (\"Lock objects"
                + " should only be shared between processes through inheritance\"); the seed uses a Manager's RLock,"
                + " as here. A Spindle.rlock() could be passed to the tasks as it is, with no manager.");
        try (Manager manager = Spindle.manager(); ProcessPoolExecutor pool = new ProcessPoolExecutor()) {
            RLock lockObject = manager.rlock();
            for (int i = 0; i < 10; i++) {
                pool.submit(PpeManagerLockTickets::task, lockObject, file);
            }
            pool.shutdown(true, false); // the seed relies on the join at exit: the tasks end before the manager does
        }
        System.out.println("f1.txt: " + TicketFile.read(file));
        TicketFile.delete(file);
    }
}
