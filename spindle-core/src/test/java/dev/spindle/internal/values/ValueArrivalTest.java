package dev.spindle.internal.values;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.internal.shm.ObjectSegment;
import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.testing.NoLeaks;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Values and arrays that arrive in forms naming segments with hostile contents are refused, not misread. */
@ExtendWith(NoLeaks.class)
class ValueArrivalTest {
    @Test
    void anUnknownTypeCodeOrALengthBeyondTheSegmentIsRefused() throws Exception {
        try (SharedSegment value = SharedSegment.create("value", ValuesLayout.VALUE.size())) {
            value.memory().set(ValueLayout.JAVA_INT, ValuesLayout.TYPE_CODE, 'z');
            ValuesLayout.VALUE.write(value.memory());
            assertThatThrownBy(() -> new ObjectSegment.Ref(value.name(), SharedValue.class, null).arrive())
                    .isInstanceOf(IOException.class).hasMessageContaining("type code");
            value.unlink();
        }
        try (SharedSegment array = SharedSegment.create("array", ValuesLayout.DATA + 16)) {
            ValuesLayout.initialize(array.memory(), dev.spindle.multiprocessing.TypeCode.INT, 1_000_000);
            ValuesLayout.ARRAY.write(array.memory());
            assertThatThrownBy(() -> new ObjectSegment.Ref(array.name(), SharedArray.class, null).arrive())
                    .isInstanceOf(IOException.class).hasMessageContaining("1000000 elements");
            array.unlink();
        }
    }
}
