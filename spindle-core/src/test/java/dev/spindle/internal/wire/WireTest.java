package dev.spindle.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one framing: what it writes is what it reads, and what it did not write is refused clearly. */
class WireTest {

    @Test
    void framesOnAStreamComeBackInOrderWithTheirTypesAndPayloads() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Wire.write(stream, (byte) 7, new byte[] {1, 2, 3});
        Wire.write(stream, (byte) 9, new byte[0]);
        ByteArrayInputStream in = new ByteArrayInputStream(stream.toByteArray());
        Wire.Frame first = Wire.read(in, 100);
        assertThat(first.type()).isEqualTo((byte) 7);
        assertThat(first.payloadBytes()).containsExactly(1, 2, 3);
        Wire.Frame second = Wire.read(in, 100);
        assertThat(second.type()).isEqualTo((byte) 9);
        assertThat(second.payloadBytes()).isEmpty();
        assertThat(Wire.readOrNull(in, 100)).as("a clean end").isNull();
    }

    @Test
    void aMessageIsOneWholeFrame() throws IOException {
        byte[] frame = Wire.frame((byte) 3, new byte[] {42});
        assertThat(frame).hasSize(Wire.HEADER_BYTES + 1);
        Wire.Frame parsed = Wire.parse(frame);
        assertThat(parsed.type()).isEqualTo((byte) 3);
        assertThat(parsed.payload().get()).isEqualTo((byte) 42);
        assertThatThrownBy(() -> Wire.parse(Arrays.copyOf(frame, frame.length + 1)))
                .isInstanceOf(IOException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> Wire.parse(new byte[3])).isInstanceOf(IOException.class);
    }

    @Test
    void aFrameOfAnotherVersionIsRefusedWithTheReason() {
        byte[] frame = Wire.frame((byte) 1, new byte[] {1});
        frame[4] = (byte) (Wire.VERSION + 1);
        assertThatThrownBy(() -> Wire.parse(frame)).isInstanceOf(IOException.class)
                .hasMessageContaining("version " + (Wire.VERSION + 1)).hasMessageContaining("another Spindle");
        assertThatThrownBy(() -> Wire.read(new ByteArrayInputStream(frame), 100)).isInstanceOf(IOException.class)
                .hasMessageContaining("another Spindle");
    }

    @Test
    void aHostileLengthIsRefusedBeforeAnythingIsAllocated() {
        byte[] huge = ByteBuffer.allocate(Wire.HEADER_BYTES).putInt(Integer.MAX_VALUE).put(Wire.VERSION).put((byte) 1).array();
        assertThatThrownBy(() -> Wire.read(new ByteArrayInputStream(huge), 1 << 20)).isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt frame");
        byte[] negative = ByteBuffer.allocate(Wire.HEADER_BYTES).putInt(-5).array();
        assertThatThrownBy(() -> Wire.read(new ByteArrayInputStream(negative), 100)).isInstanceOf(IOException.class);
        byte[] cut = Arrays.copyOf(Wire.frame((byte) 1, new byte[10]), 9);
        assertThatThrownBy(() -> Wire.read(new ByteArrayInputStream(cut), 100)).isInstanceOf(EOFException.class);
    }

    @Test
    void byteArraysInAPayloadKeepNullAndRefuseALengthPastTheEnd() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(payload);
        Wire.writeBytes(out, new byte[] {5, 6});
        Wire.writeBytes(out, null);
        Wire.writeBytes(out, new byte[0]);
        ByteBuffer in = ByteBuffer.wrap(payload.toByteArray());
        assertThat(Wire.bytes(in)).containsExactly(5, 6);
        assertThat(Wire.bytes(in)).isNull();
        assertThat(Wire.bytes(in)).isEmpty();
        assertThat(in.hasRemaining()).isFalse();
        assertThatThrownBy(() -> Wire.bytes(ByteBuffer.allocate(8).putInt(0, 1000))).isInstanceOf(BufferUnderflowException.class);
    }
}
