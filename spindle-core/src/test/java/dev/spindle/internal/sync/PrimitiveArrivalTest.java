package dev.spindle.internal.sync;

import dev.spindle.internal.shm.ObjectSegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.testing.NoLeaks;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Forms of primitives that arrive from elsewhere: the same object once here, and hostile ones refused. */
@ExtendWith(NoLeaks.class)
class PrimitiveArrivalTest {
    @AfterAll
    static void dropShared() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    @Test
    void aFormOfAnObjectOfThisProcessArrivesAsThatObject() throws Exception {
        SharedLock lock = SharedLock.create();
        String name = ((ObjectSegment.Ref) dev.spindle.internal.travel.Travel.depart(lock)).segmentName();
        assertThat(new ObjectSegment.Ref(name, SharedLock.class, null).arrive()).isSameAs(lock);
    }

    @Test
    void hostileFormsAreRefusedWithAnIoException() throws Exception {
        assertThatThrownBy(() -> new ObjectSegment.Ref("../../etc/passwd", SharedLock.class, null).arrive())
                .isInstanceOf(IOException.class).hasMessageContaining("not the name of a Spindle segment");
        assertThatThrownBy(() -> new ObjectSegment.Ref(SharedSegment.PREFIX + "x", String.class, null).arrive())
                .isInstanceOf(IOException.class).hasMessageContaining("not a Spindle primitive");
        assertThatThrownBy(() -> new ObjectSegment.Ref(SharedSegment.PREFIX + "no-such-segment", SharedLock.class, null)
                .arrive()).isInstanceOf(IOException.class).hasMessageContaining("is gone");
        try (SharedSegment tiny = SharedSegment.create("tiny", 4)) {
            assertThatThrownBy(() -> new ObjectSegment.Ref(tiny.name(), SharedLock.class, null).arrive())
                    .isInstanceOf(IOException.class).hasMessageContaining("4 bytes");
            tiny.unlink();
        }
        SharedEvent event = SharedEvent.create();
        String eventSegment = event.segmentName();
        try (SharedSegment other = SharedSegment.create("other", LockLayout.SIZE)) {
            assertThatThrownBy(() -> new ObjectSegment.Ref(other.name(), SharedLock.class, null).arrive())
                    .as("the right size, no header").isInstanceOf(IOException.class).hasMessageContaining("magic");
            other.unlink();
        }
        assertThat(new ObjectSegment.Ref(eventSegment, SharedEvent.class, null).arrive()).isSameAs(event);
        try (SharedSegment raw = SharedSegment.create("condition", ConditionLayout.SIZE)) {
            ConditionLayout.HEADER.write(raw.memory()); // a condition segment no object of this process has mapped
            assertThatThrownBy(() -> new ObjectSegment.Ref(raw.name(), SharedCondition.class, "not a lock").arrive())
                    .isInstanceOf(IOException.class).hasMessageContaining("companion");
            raw.unlink();
        }
    }
}
