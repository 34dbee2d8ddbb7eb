package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildHeapTest {
    @Test
    void aChildStartsWithASmallHeapUnlessItsOptionsSizeTheHeap() {
        assertThat(ChildHeap.defaultFor(List.of())).containsExactly("-Xms16m");
        assertThat(ChildHeap.defaultFor(List.of("-Dapp=1", "-Xss2m"))).containsExactly("-Xms16m");
        // An -Xmx below 16m with our -Xms would stop the JVM from starting.
        assertThat(ChildHeap.defaultFor(List.of("-Xmx8m"))).isEmpty();
        assertThat(ChildHeap.defaultFor(List.of("-Xms512m"))).isEmpty();
        assertThat(ChildHeap.defaultFor(List.of("-XX:MaxRAMPercentage=10"))).isEmpty();
    }
}
