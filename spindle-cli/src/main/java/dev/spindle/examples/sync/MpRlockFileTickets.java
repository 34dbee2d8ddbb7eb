package dev.spindle.examples.sync;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.sync.RLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Ten spawned processes take a ticket each from f1.txt under an RLock passed as an argument: the
 * file goes from 10 to 0, and the read-modify-write sections never overlap: each notes in f1.log
 * when it enters and leaves, inside the lock, and the parent checks that the notes alternate.
 */
public final class MpRlockFileTickets extends Example {
    public MpRlockFileTickets() {
        super("mp-rlock-file-tickets", "10 spawned processes decrement f1.txt under an RLock: 10 → 0, no lost update");
    }

    static void task(RLock lock, Path file) throws Exception {
        System.out.println("开始");
        lock.acquire();
        try {
            int currentNum = TicketFile.read(file);
            note(file, "enter");
            System.out.println(ProcessHandle.current().pid() + " 排队抢票了");
            Speed.sleep(0.5);
            currentNum -= 1;
            TicketFile.write(file, currentNum);
            note(file, "leave");
        } finally {
            lock.release();
        }
    }

    private static Path log(Path file) {
        return file.resolveSibling("f1.log");
    }

    private static void note(Path file, String what) throws IOException {
        Files.writeString(log(file), what + " " + ProcessHandle.current().pid() + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Whether every enter is followed by the same process's leave before the next enter. */
    private static boolean alternates(List<String> notes) {
        for (int i = 0; i + 1 < notes.size(); i += 2) {
            String pid = notes.get(i).substring("enter ".length());
            if (!notes.get(i).startsWith("enter ") || !notes.get(i + 1).equals("leave " + pid)) {
                return false;
            }
        }
        return notes.size() % 2 == 0;
    }

    @Override
    public void run(String... args) throws Exception {
        Context spawn = Context.processes(StartMethod.SPAWN);
        RLock lock = spawn.rlock();
        Path file = TicketFile.create(10);
        List<ChildProcess> processList = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ChildProcess p = new ChildProcess(MpRlockFileTickets::task, lock, file).startMethod(StartMethod.SPAWN);
            p.start();
            processList.add(p);
        }
        for (ChildProcess item : processList) {
            item.join();
        }
        List<String> notes = Files.readAllLines(log(file));
        System.out.println("f1.txt: " + TicketFile.read(file));
        System.out.println(notes.size() / 2 + " read-modify-write sections, none overlapping: " + alternates(notes));
        Files.delete(log(file));
        TicketFile.delete(file);
    }
}
