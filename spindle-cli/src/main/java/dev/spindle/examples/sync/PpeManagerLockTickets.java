package dev.spindle.examples.sync;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.futures.ProcessPoolExecutor;
import dev.spindle.sync.RLock;
import java.nio.file.Path;

/**
 * ProcessPoolExecutor tasks sell the tickets of f1.txt under an RLock passed straight to them.
 * CPython refuses that ({@code multiprocessing.RLock()} in a pool task raises RuntimeError:
 * "Lock objects should only be shared between processes through inheritance"), so the seed
 * needs a Manager's RLock, a proxy to a server process; a Spindle lock lives in shared memory and
 * travels to pool tasks like any argument.
 */
public final class PpeManagerLockTickets extends Example {
    public PpeManagerLockTickets() {
        super("ppe-manager-lock-tickets", "ProcessPoolExecutor tasks decrement f1.txt under an RLock passed straight to them: 10 → 0",
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
                + " should only be shared between processes through inheritance\"); the seed uses a Manager's RLock."
                + " A Spindle RLock is passed to the tasks as it is.");
        RLock lockObject = Spindle.rlock();
        try (ProcessPoolExecutor pool = new ProcessPoolExecutor()) {
            for (int i = 0; i < 10; i++) {
                pool.submit(PpeManagerLockTickets::task, lockObject, file);
            }
        } // the seed relies on the join at exit: close waits for the tasks
        System.out.println("f1.txt: " + TicketFile.read(file));
        TicketFile.delete(file);
    }
}
