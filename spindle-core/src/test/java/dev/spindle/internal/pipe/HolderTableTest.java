package dev.spindle.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.internal.track.ProcessIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The holder table's slots, including those of processes killed while they claimed one. */
class HolderTableTest {
    private SharedSegment segment;
    private HolderTable table;

    @BeforeEach
    void map() {
        segment = SharedSegment.create("holders-test", PipeLayout.segmentSize(64));
        PipeLayout.initialize(segment.memory(), true, 64, Integer.MAX_VALUE);
        table = new HolderTable(segment.memory());
    }

    @AfterEach
    void unmap() {
        segment.unlink();
        segment.close();
    }

    private static ProcessIdentity deadProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        ProcessIdentity identity = ProcessIdentity.of(sleeper.pid());
        sleeper.destroyForcibly().waitFor();
        return identity;
    }

    @Test
    void aSlotHalfClaimedByAProcessKilledMidClaimIsReclaimed() throws Exception {
        ProcessIdentity killed = deadProcess();
        // What a claimer killed between its CAS and its publishing store leaves behind.
        PipeLayout.setHolderVolatile(segment.memory(), 0, 0, killed.word() | HolderTable.CLAIMING);
        assertThat(table.anyHolder(0)).as("a slot being claimed counts as held").isTrue();
        assertThat(table.clearDead(0)).isTrue();
        assertThat(table.anyHolder(0)).isFalse();
    }

    @Test
    void aSlotBeingClaimedByALiveProcessIsKept() {
        PipeLayout.setHolderVolatile(segment.memory(), 0, 0, ProcessIdentity.self().word() | HolderTable.CLAIMING);
        assertThat(table.clearDead(0)).isFalse();
        assertThat(table.anyHolder(0)).isTrue();
    }

    @Test
    void referencesCountPerHolderAndADeadHoldersSlotsAreCleared() throws Exception {
        ProcessIdentity self = ProcessIdentity.self();
        table.add(1, self);
        table.add(1, self);
        table.add(1, deadProcess());
        assertThat(table.holds(1, self)).isTrue();
        assertThat(table.clearDead(1)).isTrue();
        assertThat(table.remove(1, self)).isTrue();
        assertThat(table.anyHolder(1)).isTrue();
        assertThat(table.remove(1, self)).isTrue();
        assertThat(table.anyHolder(1)).isFalse();
        assertThat(table.remove(1, self)).isFalse();
    }
}
