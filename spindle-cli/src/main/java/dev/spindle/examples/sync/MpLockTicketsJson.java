package dev.spindle.examples.sync;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.sync.Lock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hundred processes try to buy the one ticket in the file db ({"count":1}) under a Lock: exactly
 * one succeeds, the rest fail, and db ends {"count":0}; the ticket is never oversold. An argument
 * sets another number of buyers.
 */
public final class MpLockTicketsJson extends Example {
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    public MpLockTicketsJson() {
        super("mp-lock-tickets-json", "100 processes buy the one ticket in db under a Lock: 1 succeeds, 99 fail");
    }

    static void work(Path filename, Lock lock) throws Exception {
        try (var _ = lock.hold()) {
            Matcher dic = COUNT.matcher(Files.readString(filename));
            if (!dic.find()) {
                throw new IllegalStateException("db holds no count");
            }
            int count = Integer.parseInt(dic.group(1));
            if (count > 0) {
                count -= 1;
                Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4)); // 模拟网络延迟
                Files.writeString(filename, "{\"count\":" + count + "}");
                System.out.println(ProcessHandle.current().pid() + " 购票成功");
            } else {
                System.out.println(ProcessHandle.current().pid() + " 购票失败");
            }
        }
    }

    @Override
    public void run(String... args) throws Exception {
        int buyers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path db = Files.createTempDirectory("spindle-demo-").resolve("db");
        Files.writeString(db, "{\"count\":1}");
        Lock lock = Spindle.lock();
        List<ChildProcess> pL = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            ChildProcess p = new ChildProcess(MpLockTicketsJson::work, db, lock);
            pL.add(p);
            p.start();
        }
        for (ChildProcess p : pL) {
            p.join();
        }
        System.out.println("db: " + Files.readString(db));
        System.out.println("主线程");
        Files.delete(db);
        Files.delete(db.getParent());
    }
}
