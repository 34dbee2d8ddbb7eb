package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.RemoteException;
import dev.spindle.RemoteTraceback;
import dev.spindle.SerializationException;
import dev.spindle.Spindle;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every behaviour of a child process, with the SPAWN start method; {@link ChildProcessWarmTest} runs it all WARM. */
@ExtendWith(NoLeaks.class)
class ChildProcessTest {
    @TempDir
    Path dir;

    /** The start method these tests run with. */
    StartMethod startMethod() {
        return StartMethod.SPAWN;
    }

    @BeforeEach
    void useTheStartMethod() {
        Spindle.setStartMethod(startMethod());
    }

    @AfterEach
    void restoreTheDefault() {
        Spindle.setStartMethod(StartMethod.SPAWN);
    }

    /** The target of a child that never ends by itself: the sleep is the behaviour under test. */
    static void neverEnds() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    static void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
    }

    static void describeSelf(Path file) throws Exception {
        ProcessInfo me = Spindle.currentProcess();
        Files.writeString(file, me.name() + "|" + me.pid() + "|" + me.parentPid() + "|" + me.daemon());
    }

    @Test
    void onExitCompletesWithTheProcessOnceItHasEnded() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::write, dir.resolve("x"), "x");
        assertThatThrownBy(p::onExit).isInstanceOf(IllegalStateException.class);
        p.start();
        ChildProcess ended = p.onExit().get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
        assertThat(ended).isSameAs(p);
        assertThat(ended.exitCode()).isZero();
        assertThat(ended.isAlive()).isFalse();
    }

    @Test
    void runsTheTargetWithItsArgumentInAChildJvm() throws Exception {
        Path out = dir.resolve("out");
        ChildProcess p = new ChildProcess(ChildProcessTest::write, out, "hello");
        p.start();
        p.join();
        assertThat(p.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo("hello");
        assertThat(p.failure()).isEmpty();
        assertThat(p.isAlive()).isFalse();
    }

    static void writesAll(Path out, String a, Integer b, Long c, Double d, Boolean e) throws Exception {
        Files.writeString(out, a + b + c + d + e);
    }

    static void writesThree(Path out, String a, Integer b) throws Exception {
        Files.writeString(out, a + b);
    }

    @Test
    void aTargetTakesUpToSixArgumentsAsPythonsArgsTuple() throws Exception {
        Path six = dir.resolve("six");
        Path three = dir.resolve("three");
        ChildProcess p6 = new ChildProcess(ChildProcessTest::writesAll, six, "a", 1, 2L, 3.5, true);
        ChildProcess p3 = new ChildProcess(ChildProcessTest::writesThree, three, "b", 7);
        assertThat(p6.args()).containsExactly(six, "a", 1, 2L, 3.5, true);
        p6.start();
        p3.start();
        p6.join();
        p3.join();
        assertThat(p6.exitCode()).isZero();
        assertThat(Files.readString(six)).isEqualTo("a123.5true");
        assertThat(Files.readString(three)).isEqualTo("b7");
    }

    @Test
    void currentProcessInsideTheChildKnowsItsNamePidAndParent() throws Exception {
        Path out = dir.resolve("who");
        ChildProcess p = new ChildProcess(ChildProcessTest::describeSelf, out).name("哈哈哈哈");
        p.start();
        long pid = p.pid();
        p.join();
        String[] who = Files.readString(out).split("\\|");
        assertThat(who[0]).isEqualTo("哈哈哈哈");
        assertThat(Long.parseLong(who[1])).isEqualTo(pid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(Long.parseLong(who[2])).isEqualTo(ProcessHandle.current().pid());
        assertThat(who[3]).isEqualTo("false");
        assertThat(Spindle.currentProcess().name()).isEqualTo("MainProcess");
    }

    @Test
    void defaultNamesCountUp() {
        String first = new ChildProcess(() -> { }).name();
        String second = new ChildProcess(() -> { }).name();
        assertThat(first).matches("ChildProcess-\\d+");
        assertThat(Integer.parseInt(second.substring(13))).isEqualTo(Integer.parseInt(first.substring(13)) + 1);
    }

    static final class Writer extends ChildProcess {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Writer(Path file, String text) {
            super(file.toString(), text);
        }

        @Override
        public void run() throws Exception {
            Files.writeString(Path.of((String) args().get(0)), args() + " in " + name());
        }
    }

    @Test
    void aSubclassRunsItsOwnRunWithItsArgs() throws Exception {
        Path out = dir.resolve("sub");
        Writer p = new Writer(out, "xxx");
        p.name("egon").start();
        p.join();
        assertThat(p.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo("[" + out + ", xxx] in egon");
    }

    static void fail() {
        throw new IllegalArgumentException("bad input", new IllegalStateException("root cause"));
    }

    @Test
    void aTargetThatThrowsExitsWithOneAndTheParentGetsTheTargetsOwnException() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::fail).name("failing");
        p.start();
        p.join();
        assertThat(p.exitCode()).isEqualTo(1);
        Throwable e = p.failure().orElseThrow();
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("root cause");
        assertThat(e.getStackTrace()).anyMatch(f -> f.getMethodName().equals("fail"));
        RemoteTraceback where = RemoteTraceback.of(e).orElseThrow();
        assertThat(where.processName()).isEqualTo("failing");
        assertThat(where.pid()).isEqualTo(p.pid());
    }

    /** An exception that cannot be serialized: it holds a thread. */
    @SuppressWarnings("serial") // not serializable on purpose
    static final class Unsendable extends RuntimeException {
        @SuppressWarnings("unused")
        private final Thread thread = Thread.currentThread();

        Unsendable() {
            super("cannot cross");
        }
    }

    static void throwUnsendable() {
        throw new Unsendable();
    }

    @Test
    void anExceptionThatCannotBeSerializedStillArrivesWithClassNameMessageAndFrames() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::throwUnsendable);
        p.start();
        p.join();
        Throwable e = p.failure().orElseThrow();
        assertThat(e).isInstanceOf(RemoteException.class).hasMessage("cannot cross");
        assertThat(((RemoteException) e).remoteClassName()).isEqualTo(Unsendable.class.getName());
        assertThat(e.toString()).startsWith(Unsendable.class.getName() + ": cannot cross");
        assertThat(e.getStackTrace()).anyMatch(f -> f.getMethodName().equals("throwUnsendable"));
        assertThat(RemoteTraceback.of(e)).isPresent();
    }

    @Test
    void systemExitInTheChildIsItsExitCode() throws Exception {
        ChildProcess p = new ChildProcess(() -> System.exit(3));
        p.start();
        p.join();
        assertThat(p.exitCode()).isEqualTo(3);
        assertThat(p.failure()).isEmpty();
    }

    @Test
    void aChildKilledFromOutsideReportsMinusNine() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::neverEnds);
        p.start();
        ProcessHandle.of(p.pid()).orElseThrow().destroyForcibly();
        p.join();
        assertThat(p.exitCode()).isEqualTo(-9);
    }

    @Test
    void joinWithATimeoutReturnsFalseThenTerminateEndsItWithMinusFifteen() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::neverEnds);
        p.start();
        assertThat(p.join(Deadlines.QUIET)).isFalse();
        assertThat(p.isAlive()).isTrue();
        assertThat(p.exitCode()).isNull();
        p.terminate();
        assertThat(p.join(Deadlines.CHILD)).isTrue();
        assertThat(p.exitCode()).isEqualTo(-15);
    }

    @Test
    void killEndsItWithMinusNine() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::neverEnds);
        p.start();
        p.kill();
        assertThat(p.join(Deadlines.CHILD)).isTrue();
        assertThat(p.exitCode()).isEqualTo(-9);
    }

    static void exhaustMemory() {
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }

    @Test
    void aChildThatRunsOutOfMemoryExitsWithOneAndReportsTheError() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::exhaustMemory).jvmOptions("-Xmx48m");
        p.start();
        p.join();
        assertThat(p.exitCode()).isEqualTo(1);
        assertThat(p.failure().orElseThrow()).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aNonSerializableCaptureFailsAtStartNamingThePath() {
        StringWriter notSerializable = new StringWriter();
        ChildProcess p = new ChildProcess(() -> notSerializable.write("x"));
        assertThatThrownBy(p::start)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.io.StringWriter is not serializable")
                .hasMessageContaining("field target")
                .hasMessageContaining("captured argument 0 (java.io.StringWriter)");
        assertThat(p.isAlive()).isFalse();
        assertThat(Spindle.activeChildren()).doesNotContain(p);
    }

    @Test
    void aNonSerializableArgumentFailsAtStart() {
        ChildProcess p = new ChildProcess((Thread t) -> t.join(), Thread.currentThread());
        assertThatThrownBy(p::start)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.Thread is not serializable");
    }

    @Test
    void anInnerSubclassCapturingItsTestInstanceFailsNamingTheOuterField() {
        ChildProcess p = new ChildProcess() {
            @Override
            public void run() {
                dir.toString();
            }
        };
        assertThatThrownBy(p::start)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(getClass().getName() + " is not serializable")
                .hasMessageContaining("field this$0");
    }

    @Test
    void lifecycleMisuseIsRefused() throws Exception {
        ChildProcess p = new ChildProcess(() -> { });
        assertThatThrownBy(p::pid).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(p::join).isInstanceOf(IllegalStateException.class);
        p.start();
        assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("only be started once");
        assertThatThrownBy(() -> p.daemon(true)).isInstanceOf(IllegalStateException.class);
        p.join();
    }

    static void startGrandchild() {
        new ChildProcess(() -> { }).start();
    }

    @Test
    void aDaemonCannotHaveChildren() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::startGrandchild).daemon(true);
        p.start();
        p.join();
        assertThat(p.exitCode()).isEqualTo(1);
        assertThat(p.failure().orElseThrow()).hasMessageContaining("daemonic processes are not allowed to have children");
    }

    @Test
    void activeChildrenListsRunningChildrenOnly() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::neverEnds);
        p.start();
        assertThat(Spindle.activeChildren()).contains(p);
        p.kill();
        p.join();
        assertThat(Spindle.activeChildren()).doesNotContain(p);
        assertThat(Spindle.cpuCount()).isPositive();
    }

    static int counter;

    static void countAndRecord(Path file) throws Exception {
        counter++;
        Files.writeString(file, Integer.toString(counter));
    }

    @Test
    void warmStartRunsEachProcessInAFreshJvm() throws Exception {
        assertThat(Spindle.warmUp(Deadlines.CHILD)).isTrue();
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve("warm" + i);
            ChildProcess p = new ChildProcess(ChildProcessTest::countAndRecord, out).startMethod(StartMethod.WARM);
            p.start();
            p.join();
            assertThat(p.exitCode()).isZero();
            assertThat(Files.readString(out)).as("a static starts afresh in each process").isEqualTo("1");
        }
    }

    @Test
    void jvmOptionsReachTheChild() throws Exception {
        Path out = dir.resolve("prop");
        ChildProcess p = new ChildProcess((Path f) -> Files.writeString(f, System.getProperty("greeting")), out)
                .jvmOptions("-Dgreeting=你好");
        p.start();
        p.join();
        assertThat(Files.readString(out)).isEqualTo("你好");
    }

    @Test
    void aChildWhoseJvmCannotStartEndsWithItsStatusAndNoHang() throws Exception {
        ChildProcess p = new ChildProcess(() -> { }).jvmOptions("-XX:+NoSuchJvmOption");
        p.start();
        assertThat(p.join(Deadlines.CHILD)).isTrue();
        assertThat(p.exitCode()).isEqualTo(1);
        assertThat(p.failure()).isEmpty();
    }

    @Test
    void readingStdinInTheChildSeesAnEmptyStream() throws Exception {
        Path out = dir.resolve("stdin");
        ChildProcess p = new ChildProcess((Path f) -> Files.writeString(f, Integer.toString(System.in.read())), out);
        p.start();
        p.join();
        assertThat(Files.readString(out)).isEqualTo("-1");
    }

    @Test
    void joinWaitsForTheChildsOtherNonDaemonThreads() throws Exception {
        Path out = dir.resolve("threads");
        ChildProcess p = new ChildProcess((Path f) -> Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(300);
                Files.writeString(f, "thread done");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), out);
        p.start();
        p.join();
        assertThat(Files.readString(out)).isEqualTo("thread done");
        assertThat(p.join(Duration.ZERO)).isTrue();
    }

    static void writeAtExit(Path file) {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                Files.writeString(file, "deadbeef");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    /** CPython's {@code _TestAtExit.test_atexit}: a child whose target returns runs its exit handlers. */
    @Test
    void aChildWhoseTargetReturnsRunsItsShutdownHooks() throws Exception {
        Path out = dir.resolve("atexit");
        ChildProcess p = new ChildProcess(ChildProcessTest::writeAtExit, out);
        p.start();
        p.join();
        assertThat(p.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo("deadbeef");
    }

    /** A daemon thread blocked in a native read, which HotSpot's exit would wait on in steps. */
    static void leaveADaemonBlockedInNativeCode(Path file) throws Exception {
        java.nio.channels.Pipe pipe = java.nio.channels.Pipe.open();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            reading.countDown();
            try {
                pipe.source().read(java.nio.ByteBuffer.allocate(1)); // nothing is ever written
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reading.await();
        Files.writeString(file, "returned");
    }

    /**
     * CPython's {@code _TestProcess.test_wait_for_threads}, its daemon half: a daemon thread does
     * not delay a child's exit; the child ends with 0 while its daemon thread still blocks.
     */
    @Test
    void daemonThreadsDoNotKeepAChildFromEnding() throws Exception {
        Path out = dir.resolve("daemon");
        ChildProcess p = new ChildProcess(ChildProcessTest::leaveADaemonBlockedInNativeCode, out);
        p.start();
        assertThat(p.join(Deadlines.CHILD)).isTrue();
        assertThat(p.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo("returned");
    }

    static void sendStartMethod(Connection out) throws Exception {
        out.send(dev.spindle.Context.processes().startMethod().orElseThrow().name());
    }

    /**
     * CPython's {@code TestStartMethod.test_context}: a child's own default start method is the
     * one it was started by, so its children and pools start as it did.
     */
    @Test
    void aChildsDefaultStartMethodIsTheOneItWasStartedBy() throws Exception {
        Pipe pipe = Pipe.open(false);
        ChildProcess p = new ChildProcess(ChildProcessTest::sendStartMethod, pipe.right());
        p.start();
        pipe.right().close();
        assertThat(pipe.left().<String>recv()).isEqualTo(startMethod().name());
        p.join();
        pipe.left().close();
    }

    /** The target of CPython's {@code _test_recursion}: sends its id, then starts two children, one after the other, down to depth 2. */
    static void recurse(Connection out, List<Integer> id) throws Exception {
        out.send(new ArrayList<>(id));
        if (id.size() < 2) {
            for (int i = 0; i < 2; i++) {
                List<Integer> childId = new ArrayList<>(id);
                childId.add(i);
                ChildProcess child = new ChildProcess(ChildProcessTest::recurse, out, childId);
                child.start();
                child.join();
            }
        }
    }

    /** CPython's {@code _TestProcess.test_recursion}: children start grandchildren, which use a pipe end handed down twice. */
    @Test
    void childrenStartGrandchildrenThatShareAPipeEnd() throws Exception {
        Pipe pipe = Pipe.open(false);
        recurse(pipe.right(), List.of());
        List<Object> received = new ArrayList<>();
        while (pipe.left().poll()) {
            received.add(pipe.left().recv());
        }
        assertThat(received).containsExactly(List.of(), List.of(0), List.of(0, 0), List.of(0, 1), List.of(1),
                List.of(1, 0), List.of(1, 1));
        pipe.left().close();
        pipe.right().close();
    }

    static void putOne(dev.spindle.queue.Queue<Integer> queue) throws Exception {
        queue.put(1);
    }

    static void putTwoAndNestOnce(dev.spindle.queue.Queue<Integer> queue) throws Exception {
        queue.put(2);
        ChildProcess child = new ChildProcess(ChildProcessTest::putOne, queue);
        child.start();
        child.join();
    }

    /** CPython's {@code TestStartMethod.test_nested_startmethod}: a child hands the queue it was given to a grandchild. */
    @Test
    void aChildHandsItsQueueToAGrandchild() throws Exception {
        dev.spindle.queue.Queue<Integer> queue = dev.spindle.Context.processes().queue();
        ChildProcess nesting = new ChildProcess(ChildProcessTest::putTwoAndNestOnce, queue);
        nesting.start();
        nesting.join();
        assertThat(nesting.exitCode()).isZero();
        assertThat(List.of(queue.get(Deadlines.PROMPT), queue.get(Deadlines.PROMPT))).containsExactlyInAnyOrder(1, 2);
        queue.close();
        queue = null;
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    static void poolInProcess(Path out) throws Exception {
        try (Pool pool = Pool.of(2)) {
            Files.writeString(out, pool.map(ChildProcessTest::square, List.of(1, 2, 3, 4, 5, 6, 7)).toString());
        }
    }

    static int square(int x) {
        return x * x;
    }

    /** CPython's {@code _TestPool.test_pool_in_process}: a child runs a pool of its own. */
    @Test
    void aChildRunsAPoolOfItsOwn() throws Exception {
        Path out = dir.resolve("pool");
        ChildProcess p = new ChildProcess(ChildProcessTest::poolInProcess, out);
        p.start();
        p.join();
        assertThat(p.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo("[1, 4, 9, 16, 25, 36, 49]");
    }

    /**
     * CPython's {@code _TestProcess._kill_process} (under {@code test_terminate}): {@code join} with
     * a zero or negative timeout returns at once, the child still alive.
     */
    @Test
    void joinWithAZeroOrNegativeTimeoutReturnsAtOnce() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessTest::neverEnds);
        p.start();
        assertThat(p.join(Duration.ZERO)).isFalse();
        assertThat(p.join(Duration.ofSeconds(-1))).isFalse();
        assertThat(p.isAlive()).isTrue();
        p.kill();
        p.join();
    }

    /** CPython's {@code _TestProcess.test_many_processes}: children terminated right after their start end with -15. */
    @Test
    void childrenTerminatedRightAfterStartEndWithMinusFifteen() throws Exception {
        List<ChildProcess> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ChildProcess p = new ChildProcess(ChildProcessTest::neverEnds);
            p.start();
            children.add(p);
        }
        children.forEach(ChildProcess::terminate);
        for (ChildProcess p : children) {
            p.join();
            assertThat(p.exitCode()).isEqualTo(-15);
        }
    }

    /**
     * CPython's {@code _TestProcess.test_lose_target_ref}: once the child has ended, the parent's
     * process object holds its arguments no more, so they can be collected; its target is gone too.
     */
    @Test
    void theArgumentsAreReleasedOnceTheChildHasEnded() throws Exception {
        Path out = dir.resolve("released");
        String text = new String(new char[] {'o', 'k'}); // an object of its own, which only p refers to
        java.lang.ref.WeakReference<String> argument = new java.lang.ref.WeakReference<>(text);
        ChildProcess p = new ChildProcess(ChildProcessTest::write, out, text);
        text = null;
        p.start();
        p.join();
        assertThat(Files.readString(out)).isEqualTo("ok");
        Deadlines.await("the argument is collected", Deadlines.PROMPT, () -> {
            System.gc();
            return argument.get() == null;
        });
        assertThat(p.args()).isEmpty();
        assertThatThrownBy(p::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
    }
}
