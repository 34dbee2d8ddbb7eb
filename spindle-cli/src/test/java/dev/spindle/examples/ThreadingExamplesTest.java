package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The observable point of each `threading` row of seed-programs.md. */
class ThreadingExamplesTest {
    private static final double FAST = 0.02;

    private static DemoRun ok(DemoRun run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    private static void downloadsOverlap(DemoRun run) {
        assertThat(run.count("开始下载")).isEqualTo(2);
        assertThat(run.count("下载完成")).isEqualTo(2);
        assertThat(run.output().lastIndexOf("开始下载")).as("both start before either ends").isLessThan(run.indexOf("下载完成"));
        assertThat(run.indexOf("总共耗费了")).isGreaterThan(run.output().lastIndexOf("下载完成"));
    }

    @Test
    void threadDownloadsStartBothBeforeEitherEnds() throws Exception {
        downloadsOverlap(ok(DemoRun.of("thread-downloads", FAST)));
    }

    @Test
    void threadDownloadsSubclassStartBothBeforeEitherEnds() throws Exception {
        downloadsOverlap(ok(DemoRun.of("thread-downloads-subclass", FAST)));
    }

    @Test
    void threadRawAtexitExitsAtOnceAndAbandonsTheDownloads() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-raw-atexit", 1));
        assertThat(run.count("下载完成")).as("the downloads never finish").isZero();
        assertThat(run.lines().getLast()).as("the exit hook runs last").startsWith("总共耗费了").endsWith("秒.");
        double seconds = Double.parseDouble(run.all("总共耗费了([0-9.]+)秒").getFirst());
        assertThat(seconds).as("the program did not wait for the 5 s downloads").isLessThan(5);
    }

    @Test
    void threadNamesPrintsEachNameOnce() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-names", FAST));
        assertThat(run.lines()).containsExactlyInAnyOrder(
                "日魔-0", "日魔-1", "日魔-2", "日魔-3", "日魔-4", "日魔-5", "日魔-6", "日魔-7", "日魔-8", "日魔-9");
    }

    @Test
    void threadSubclassArgsPrintsItsArgs() throws Exception {
        assertThat(ok(DemoRun.of("thread-subclass-args", FAST)).lines()).containsExactly("执行此线程 (100,)");
    }

    private static void countsTwoMillion(DemoRun run) {
        assertThat(run.count("开始")).isEqualTo(2);
        List<String> numbers = run.lines().stream().filter(l -> l.matches("\\d+")).toList();
        assertThat(numbers).hasSize(2).contains("2000000");
        assertThat(run.lines().getLast()).isEqualTo("final: 2000000");
    }

    @Test
    void threadLockCounterEndsAtExactlyTwoMillion() throws Exception {
        countsTwoMillion(ok(DemoRun.of("thread-lock-counter", FAST)));
    }

    @Test
    void threadRlockCounterEndsAtExactlyTwoMillion() throws Exception {
        countsTwoMillion(ok(DemoRun.of("thread-rlock-counter", FAST)));
    }

    private static int balance(DemoRun run, String regex) {
        List<String> found = run.all(regex);
        assertThat(found).as(run.output()).hasSize(1);
        return Integer.parseInt(found.getFirst());
    }

    @Test
    void threadAccountRaceLosesDeposits() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-account-race", 1));
        assertThat(balance(run, "账户余额为: ￥(\\d+)元")).isBetween(1, 99);
    }

    @Test
    void threadAccountLockKeepsExactlyOneHundred() throws Exception {
        assertThat(balance(ok(DemoRun.of("thread-account-lock", 0.1)), "账户余额为: ￥(\\d+)元")).isEqualTo(100);
    }

    @Test
    void threadAccountLockSleepHasExactlyOneHundredOnceJoined() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-account-lock-sleep", 0.1));
        assertThat(run.all("after joining every thread: ￥(\\d+)元")).containsExactly("100");
    }

    @Test
    void threadAccountLockInitialEndsAtExactly1100() throws Exception {
        assertThat(ok(DemoRun.of("thread-account-lock-initial", 0.1)).lines()).containsExactly("账户余额: 1100元");
    }

    @Test
    void threadThumbnailsWritesThreePerImageThatFitAndKeepTheAspect() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-thumbnails", FAST));
        Matcher m = Pattern.compile("thumbnails/(\\w+)_(\\d+)_\\d+\\.png (\\d+)x(\\d+) \\(from (\\d+)x(\\d+)\\)").matcher(run.output());
        int thumbnails = 0;
        while (m.find()) {
            thumbnails++;
            int size = Integer.parseInt(m.group(2));
            int w = Integer.parseInt(m.group(3));
            int h = Integer.parseInt(m.group(4));
            int w0 = Integer.parseInt(m.group(5));
            int h0 = Integer.parseInt(m.group(6));
            assertThat(Math.max(w, h)).as(m.group()).isEqualTo(Math.min(size, Math.max(w0, h0)));
            assertThat((double) w / h).as(m.group() + ": aspect").isCloseTo((double) w0 / h0, org.assertj.core.data.Percentage.withPercentage(10));
        }
        assertThat(thumbnails).isEqualTo(9);
        assertThat(run.output()).contains("9 thumbnails in");
    }

    private static void mainThreadFirst(DemoRun run) {
        assertThat(run.lines()).containsExactly("主线程", "egon say hello");
    }

    @Test
    void threadStartFunctionPrintsTheMainLineFirst() throws Exception {
        mainThreadFirst(ok(DemoRun.of("thread-start-function", 0.1)));
    }

    @Test
    void threadStartSubclassPrintsTheMainLineFirst() throws Exception {
        mainThreadFirst(ok(DemoRun.of("thread-start-subclass", 0.1)));
    }

    @Test
    void threadInputUpperSaveAppendsEachNonEmptyLineUpperCased() throws Exception {
        DemoRun run = ok(DemoRun.withInput("hello\n\n  world \nspindle\n", "thread-input-upper-save", FAST));
        String db = run.output().substring(run.indexOf("db.txt:"));
        assertThat(db.lines().skip(1).toList()).containsExactly("HELLO", "WORLD", "SPINDLE");
    }

    @Test
    void threadDaemonJoinWaitsForTheDaemonThread() throws Exception {
        assertThat(ok(DemoRun.of("thread-daemon-join", FAST)).lines()).containsExactly("egon say hello", "主线程", "False");
    }

    @Test
    void gilCpuBoundDoesTheSameWorkEveryWay() throws Exception {
        DemoRun run = ok(DemoRun.of("gil-cpu-bound", 1));
        assertThat(run.all("run time is [0-9.]+ s \\(sum of the sums (\\d+)\\)")).hasSize(3).containsOnly("149999852293760");
        assertThat(run.output()).contains("as fast as serial");
        assertThat(run.lines().getLast()).isEqualTo("主线程");
    }

    @Test
    void gilIoBoundThreadsAllReportTheParentsPidAndProcessesTheirOwn() throws Exception {
        DemoRun run = ok(DemoRun.of("gil-io-bound", FAST));
        List<String> pids = run.lines().stream().filter(l -> l.matches("\\d+")).toList();
        assertThat(pids).hasSize(1004);
        String parent = pids.getFirst();
        assertThat(pids.stream().filter(parent::equals).count()).isEqualTo(1000);
        assertThat(pids.stream().filter(p -> !p.equals(parent)).distinct().count()).isEqualTo(4);
        assertThat(run.output()).contains("1000 threads: run time is", "4 processes: run time is");
    }

    @Test
    void threadRaceDecrementLosesAlmostEveryUpdate() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-race-decrement", 1));
        assertThat(Integer.parseInt(run.all("Result:  (\\d+)").getFirst()))
                .as("the seed's 99: (nearly) all read 100 before any writes, so (nearly) every decrement is lost")
                .isBetween(50, 99);
    }

    @Test
    void threadDeadlockStopsAfterTwoOppositeLocksAndLeavesTheThreadsAlive() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-deadlock", 0.1));
        List<String> locks = run.lines().stream().filter(l -> l.contains("拿到")).toList();
        // The last two: one thread in func1 holds A and waits for B, another in func2 holds B and waits
        // for A. Which printed first is a race (the func2 thread's B, or the next func1 thread's A).
        List<String> lastTwo = locks.subList(locks.size() - 2, locks.size());
        assertThat(lastTwo).as("one holds A, the other B").anyMatch(l -> l.endsWith("拿到A锁")).anyMatch(l -> l.endsWith("拿到B锁"));
        assertThat(lastTwo.getFirst().split(" ")[0]).as("two threads").isNotEqualTo(lastTwo.getLast().split(" ")[0]);
        assertThat(locks.size()).as("no thread finished").isLessThan(40);
        assertThat(run.all("死锁: after 5.0 s of seed time, (\\d+) of 10 threads are still alive")).containsExactly("10");
        assertThat(run.output()).as("every thread is blocked on a lock").doesNotContain("RUNNABLE", "TIMED_WAITING");
    }

    @Test
    void threadRlockNoDeadlockFinishesAllFortyLines() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-rlock-no-deadlock", FAST));
        assertThat(run.count("拿到A锁")).isEqualTo(20);
        assertThat(run.count("拿到B锁")).isEqualTo(20);
        for (int i = 1; i <= 10; i++) {
            String name = "Thread-" + i + " ";
            assertThat(run.lines()).as(name).filteredOn(l -> l.startsWith(name)).hasSize(4);
        }
        assertThat(run.lines().getLast()).isEqualTo("all 10 threads finished");
    }

    @Test
    void threadSemaphoreNeverHasMoreThanFiveHolders() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-semaphore", 0.05));
        assertThat(run.count("get semaphore")).isEqualTo(20);
        assertThat(run.all("most holders at once: (\\d+)")).containsExactly("5");
    }

    @Test
    void threadEventRedisWorkersGoOnlyAfterTheSet() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-event-redis", FAST));
        int set = run.indexOf("redis is OK: set()");
        assertThat(run.count("Waiting for redis ready...")).isEqualTo(2);
        assertThat(run.output().lastIndexOf("Waiting for redis ready...")).isLessThan(set);
        assertThat(run.count("redis ready, and connect")).isEqualTo(2);
        assertThat(run.indexOf("redis ready, and connect")).isGreaterThan(set);
        assertThat(run.output()).contains("(t1        ) Waiting", "(t2        ) Waiting");
    }

    @Test
    void threadEventMysqlConnectsOnlyAfterTheCheckAndTheSet() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-event-mysql", FAST));
        int set = run.indexOf("event.set()");
        assertThat(run.indexOf("正在检查mysql")).isLessThan(set);
        assertThat(run.count("等待连接mysql")).isEqualTo(2);
        assertThat(run.count("Mysql初始化成功")).isEqualTo(2);
        assertThat(run.indexOf("Mysql初始化成功")).isGreaterThan(set);
    }

    @Test
    void threadEventWaitTimeoutRetriesThenConnectsOncePerThread() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-event-wait-timeout", 0.1));
        int set = run.indexOf("event.set()");
        for (String name : List.of("Thread-1", "Thread-2")) {
            assertThat(run.count(name + " 等待连接mysql")).as(name + " retries").isGreaterThanOrEqualTo(1);
            assertThat(run.count("Mysql初始化成功，" + name + "开始连接")).isEqualTo(1);
            assertThat(run.indexOf("Mysql初始化成功，" + name)).isGreaterThan(set);
        }
    }

    @Test
    void threadConditionNotifyThreeReleasesExactlyThree() throws Exception {
        DemoRun run = ok(DemoRun.withInput("3\nq\n", "thread-condition-notify", FAST));
        assertThat(run.indexOf("(all 10 threads wait)")).isLessThan(run.indexOf(">>>"));
        assertThat(run.count("run the thread: ")).isEqualTo(3);
        assertThat(run.output()).contains("quit: 3 threads ran, 7 still wait");
    }

    @Test
    void threadConditionNotifyCanReleaseEveryThreadInSteps() throws Exception {
        DemoRun run = ok(DemoRun.withInput("4\n6\nq\n", "thread-condition-notify", FAST));
        assertThat(run.all("run the thread: (\\d)")).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(run.output()).contains("quit: 10 threads ran, 0 still wait").doesNotContain("hangs");
    }

    @Test
    void threadConditionWaitForRunsAllTenOnTenOnes() throws Exception {
        DemoRun run = ok(DemoRun.withInput("1\n".repeat(10), "thread-condition-wait-for", FAST));
        assertThat(run.all("run the thread: (\\d)")).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(run.output()).contains("10 threads ran, 0 wait");
    }

    @Test
    void threadConditionWaitForLeavesARefusedThreadWaiting() throws Exception {
        DemoRun run = ok(DemoRun.withInput("1\n1\n0\n1\n", "thread-condition-wait-for", FAST));
        assertThat(run.count("run the thread: ")).isEqualTo(3);
        assertThat(run.output()).contains("3 threads ran, 7 wait for a notify that never comes");
    }

    @Test
    void singletonDecoratorThreadsafeMakesOneInstanceAndTheUnlockedOneSeveral() throws Exception {
        DemoRun run = ok(DemoRun.of("singleton-decorator-threadsafe", 0.2));
        assertThat(run.output()).contains("thread-safe (RLock): 20 threads saw 1 instance(s); the constructor ran 1 time(s)");
        assertThat(Integer.parseInt(run.all("unlocked: 20 threads saw (\\d+) instance").getFirst())).isGreaterThan(1);
    }

    @Test
    void singletonNewThreadsafePrintsOneObjectFromTenThreads() throws Exception {
        DemoRun run = ok(DemoRun.of("singleton-new-threadsafe", FAST));
        run.assertSameEachTime("(<Singleton object at 0x[0-9a-f]+>)", 10);
        assertThat(run.lines().getLast()).isEqualTo("obj1 is obj2: true");
    }

    @Test
    void threadTimerPrintsHelloOnceAfterItsInterval() throws Exception {
        DemoRun run = ok(DemoRun.of("thread-timer", 0.2));
        assertThat(run.count("hello, world")).isEqualTo(1);
        double after = Double.parseDouble(run.all("printed after ([0-9.]+) s").getFirst());
        assertThat(after).as("not before the interval (0.2 s at speed 0.2)").isGreaterThanOrEqualTo(0.2);
    }

    @Test
    void threadIntrospectionCountsTheProgramsTwoThreads() throws Exception {
        // The thread's 3 s sleep must outlast the main thread's five prints: 0.6 s does on a loaded machine.
        DemoRun run = ok(DemoRun.of("thread-introspection", 0.2));
        assertThat(run.lines().get(0)).isEqualTo("main");
        assertThat(run.lines().get(1)).contains("main");
        assertThat(run.lines().get(2)).startsWith("[").contains("main", "Thread-1");
        assertThat(run.lines().get(3)).isEqualTo("2");
        assertThat(run.lines().get(4)).isEqualTo("主线程/主进程");
        assertThat(run.lines().getLast()).isEqualTo("Thread-1");
    }
}
