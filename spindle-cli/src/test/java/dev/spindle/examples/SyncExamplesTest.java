package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The observable point of each `sync-mp` row of seed-programs.md, and of ppe-manager-lock-tickets. */
class SyncExamplesTest {
    private static final double FAST = 0.02;

    @Test
    void ppeManagerLockTicketsSellsTenTicketsOnceEachWithALockPassedToTheTasks() throws Exception {
        DemoRun run = DemoRun.of("ppe-manager-lock-tickets", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("RuntimeError", "should only be shared between processes through inheritance");
        assertThat(run.all("排队抢票了 \\(pid \\d+, (\\d+) left\\)")).as("each ticket seen once")
                .containsExactlyInAnyOrder("10", "9", "8", "7", "6", "5", "4", "3", "2", "1");
        assertThat(run.all("f1.txt: (\\d+)")).containsExactly("0");
    }

    @Test
    void mpRlockFileTicketsEndsAtZeroAndTheSectionsNeverOverlap() throws Exception {
        DemoRun run = DemoRun.of("mp-rlock-file-tickets", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.count("开始")).isEqualTo(10);
        assertThat(run.count("排队抢票了")).isEqualTo(10);
        assertThat(run.all("f1.txt: (\\d+)")).containsExactly("0");
        assertThat(run.output()).contains("10 read-modify-write sections, none overlapping: true");
    }

    @Test
    void mpLockTicketsJsonSellsTheOneTicketToExactlyOneOfThirtyBuyers() throws Exception {
        // The seed's hundred buyers (the demo's default) take half a minute of JVM starts on 2 cores;
        // thirty race for the one ticket just the same.
        DemoRun run = DemoRun.of("mp-lock-tickets-json", FAST, "30");
        assertThat(run.exitCode()).isZero();
        assertThat(run.count("购票成功")).isEqualTo(1);
        assertThat(run.count("购票失败")).isEqualTo(29);
        assertThat(run.output()).contains("db: {\"count\":0}");
        assertThat(run.lines().getLast()).isEqualTo("主线程");
    }

    @Test
    void mpSemaphoreWcNeverHasMoreThanFiveInsideAndReachesFive() throws Exception {
        // Five inside at once needs five visits to overlap: at 0.1 a visit is 0-0.3 s, and with two
        // test JVMs loading both cores the 13 children's wake-ups and log writes spread wider than
        // that (one run saw 4). At 0.5 a visit that is not empty lasts 0.5-1.5 s.
        DemoRun run = DemoRun.of("mp-semaphore-wc", 0.5);
        assertThat(run.exitCode()).isZero();
        assertThat(run.count("占到一个茅坑")).isEqualTo(13);
        assertThat(run.all("most inside at once: (\\d+)")).containsExactly("5");
        assertThat(run.indexOf("============》")).isGreaterThan(run.output().lastIndexOf("占到一个茅坑"));
    }

    @Test
    void mpEventTrafficLightPoliceCarsLeaveOnRedAndCarsWaitForGreen() throws Exception {
        DemoRun run = DemoRun.of("mp-event-traffic-light", 0.2, "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("灯的是(\\w+)，警车走了")).containsExactly("False", "False", "False", "False", "False");
        assertThat(run.all("看见绿灯亮了 \\(灯的是(\\w+)\\)")).as("a car's wait ends only on green")
                .hasSizeGreaterThanOrEqualTo(3).containsOnly("True");
        assertThat(run.count("走你,car")).isEqualTo(3);
        assertThat(run.count("红灯亮")).isGreaterThanOrEqualTo(8);
        assertThat(run.indexOf("============》")).isLessThan(run.indexOf("terminating it"));
    }
}
