package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The process suite's floor runs a child's own command line with an empty main; memory is read from the kernel. */
class ProcessMemoryAndFloorTest {
    @Test
    void theFloorIsAChildsCommandLineWithAnEmptyMain() throws Exception {
        List<String> floor = ProcessMemoryAndFloor.floorCommand();
        assertThat(floor.getFirst()).endsWith("java");
        assertThat(floor).contains("-XX:+UseSerialGC", "-Xrs").doesNotContain("dev.spindle.internal.launch.ChildMain");
        assertThat(floor.getLast()).isEqualTo(EmptyMain.class.getName());
        assertThat(floor.get(floor.size() - 2)).startsWith("@"); // the child's class path file
        assertThat(ProcessMemoryAndFloor.runMs(floor)).isPositive();
    }

    @Test
    void anIdleChildsMemoryIsWhatTheKernelCountsAndItsSharedPagesCountLessInPss() throws Exception {
        double rss = ProcessMemoryAndFloor.idleChildMb("Rss", 1);
        double pss = ProcessMemoryAndFloor.idleChildMb("Pss", 1);
        assertThat(rss).isGreaterThan(1);
        assertThat(pss).isPositive().isLessThanOrEqualTo(rss * 1.2); // two children: each measured alone
    }

    @Test
    void fourIdleSiblingsShareWhatTheyMapAlike() throws Exception {
        double siblingsRss = ProcessMemoryAndFloor.idleChildMb("Rss", 4);
        double siblingsPss = ProcessMemoryAndFloor.idleChildMb("Pss", 4);
        assertThat(siblingsRss).isGreaterThan(1);
        assertThat(siblingsPss).as("the JVM's code and the class data archive are mapped by all four")
                .isLessThan(siblingsRss * 0.8);
    }
}
