package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import dev.spindle.testing.ParentJvm;
import java.time.Duration;
import dev.spindle.internal.track.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What happens to children when their parent JVM ends: normally, or killed. */
@ExtendWith(NoLeaks.class)
class ParentExitTest {

    /**
     * A parent: starts one child that prints its pid, tells the parent it runs, then sleeps for
     * {@code args[1]} ms; once told, the parent's main returns.
     */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            boolean daemon = args[0].equals("daemon");
            long sleep = Long.parseLong(args[1]);
            Pipe started = Pipe.open(false);
            ChildProcess child = new ChildProcess((Connection running) -> {
                System.out.println("child pid " + ProcessHandle.current().pid());
                running.send("running");
                Thread.sleep(sleep);
                System.out.println("child done");
            }, started.right()).daemon(daemon);
            child.start();
            started.left().recv();
            System.out.println("parent main done");
        }
    }

    private static long childPid(ParentJvm parent) throws InterruptedException {
        Deadlines.await("the child printed its pid", Deadlines.CHILD, () -> parent.output().contains("child pid "));
        String out = parent.output();
        int at = out.indexOf("child pid ") + "child pid ".length();
        return Long.parseLong(out.substring(at, out.indexOf('\n', at)).trim());
    }

    /** Gone, or a zombie: an orphan's zombie waits for an init that may never reap it. */
    private static boolean gone(long pid) {
        return !ProcessIdentity.of(pid).isAlive();
    }

    @Test
    void theChildsOutputAppearsOnTheParentsAndANonDaemonChildKeepsTheParentAlive() throws Exception {
        try (ParentJvm parent = ParentJvm.start(Parent.class, "normal", "500")) {
            assertThat(parent.waitFor(Deadlines.CHILD)).isZero();
            String out = parent.output();
            assertThat(out).contains("parent main done", "child pid ", "child done");
            assertThat(out.indexOf("child done")).isGreaterThan(out.indexOf("parent main done"));
        }
    }

    @Test
    void aDaemonChildIsKilledWhenTheParentExits() throws Exception {
        try (ParentJvm parent = ParentJvm.start(Parent.class, "daemon", "600000")) {
            long child = childPid(parent);
            assertThat(parent.waitFor(Deadlines.CHILD)).isZero();
            Deadlines.await("the daemon child is gone", Deadlines.PROMPT, () -> gone(child));
            assertThat(parent.output()).doesNotContain("child done");
        }
    }

    @Test
    void whenTheParentIsKilledItsChildExitsWithinOneSecond() throws Exception {
        try (ParentJvm parent = ParentJvm.start(Parent.class, "normal", "600000")) {
            long child = childPid(parent);
            parent.kill();
            parent.waitFor(Deadlines.PROMPT);
            Deadlines.await("the orphaned child is gone", Duration.ofSeconds(1), () -> gone(child));
        }
    }
}
