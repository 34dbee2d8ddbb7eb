package dev.spindle.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.testing.HashBomb;
import example.outside.Sneaky;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every read runs under ReadLimits: hostile bytes give SerializationException and allocate nothing beyond the limits. */
class HostileBytesTest {
    private final Codec codec = Codec.get();

    record Node(Node next) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    record Outsider(int value) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.write(PlainValues.SERIALIZED);
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(value);
        }
        return buffer.toByteArray();
    }

    @Test
    void aValueLargerThanMaxBytesIsRefusedBeforeDecoding() {
        byte[] big = codec.encode(new byte[4096]);
        assertThatThrownBy(() -> codec.decode(big, ReadLimits.defaults().withMaxBytes(1024)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("larger than maxBytes 1024");
    }

    @Test
    void anArrayClaimingMoreElementsThanTheMessageHasBytesIsRefusedWithoutAllocating() throws IOException {
        // A serialized long[] whose length field claims 2^30 elements (8 GiB) in a few dozen bytes.
        byte[] honest = serialized(new long[] {1, 2, 3});
        byte[] forged = honest.clone();
        int at = indexOfArrayLength(forged);
        forged[at] = 0x40;
        forged[at + 3] = 0;
        assertThatThrownBy(() -> codec.decode(forged))
                .isInstanceOf(SerializationException.class).hasMessageContaining("an array of 1073741824 elements");
    }

    /** Where the serialized {@code long[] {1, 2, 3}}'s four-byte length sits: 3 elements of 8 bytes follow it. */
    private static int indexOfArrayLength(byte[] bytes) {
        return bytes.length - 3 * Long.BYTES - Integer.BYTES;
    }

    @Test
    void anArrayWhoseElementsAtTheirSizeDoNotFitInTheMessageIsRefusedWithoutAllocating() throws IOException {
        // long[4,000,000] (32 MB) declared in a message of 4 MB: as many elements as bytes, eight times too few bytes.
        byte[] honest = serialized(new long[] {1, 2, 3});
        byte[] forged = java.util.Arrays.copyOf(honest, 4_000_100);
        java.nio.ByteBuffer.wrap(forged).putInt(indexOfArrayLength(honest), 4_000_000);
        assertThatThrownBy(() -> codec.decode(forged)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("would take 32000000 bytes of a message of");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard only: refused at once, it would hash 2^60 times
    void aHashBombIsRefusedBeforeItIsBuiltAndNestedMapsWithinTheLimitArrive() throws IOException {
        byte[] bomb = serialized(HashBomb.of(60));
        assertThat(bomb.length).as("a few kilobytes").isLessThan(20_000);
        assertThatThrownBy(() -> codec.decode(bomb)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("maxHashNesting 16");
        Map<String, Object> nested = new HashMap<>();
        Map<String, Object> inner = nested;
        for (int i = 0; i < 15; i++) {
            Map<String, Object> next = new HashMap<>();
            inner.put("level" + i, next);
            inner = next;
        }
        assertThat(codec.decode(serialized(nested))).isEqualTo(nested);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard only, as above
    void listsThatShareTheirElementsNestedUnderASetAreABombTooButDeepListsAloneAreNot() throws IOException {
        List<Object> level = new ArrayList<>(List.of("leaf"));
        for (int i = 0; i < 60; i++) {
            level = new ArrayList<>(List.of(level, level)); // hashing the top visits 2^60 lists
        }
        List<Object> key = new ArrayList<>();
        Set<Object> bomb = new HashSet<>();
        bomb.add(key); // hashed while empty; reading the set hashes it again, whole
        key.add(level);
        assertThatThrownBy(() -> codec.decode(serialized(bomb))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("inside a map or set");
        assertThat(codec.decode(serialized(level))).as("nested lists under no set are only read").isInstanceOf(List.class);
    }

    @Test
    void valuesOnlyRefusesAnApplicationClassBeforeItsReadObjectRunsUnlessAllowed() throws IOException {
        byte[] sneaky = serialized(new java.util.ArrayList<>(List.of(new Sneaky(1))));
        Sneaky.ran = false;
        assertThatThrownBy(() -> codec.decode(sneaky, ReadLimits.valuesOnly())).isInstanceOf(SerializationException.class)
                .hasMessageContaining("outside the class filter");
        assertThat(Sneaky.ran).isFalse();
        assertThat(codec.decode(serialized(new java.util.ArrayList<>(List.of(java.time.Duration.ofSeconds(3), "s", 4L))),
                ReadLimits.valuesOnly())).isEqualTo(List.of(java.time.Duration.ofSeconds(3), "s", 4L));
        assertThat(codec.decode(sneaky, ReadLimits.valuesOnly().allowing(Sneaky.class.getName()))).isEqualTo(List.of(new Sneaky(1)));
        assertThat(Sneaky.ran).isTrue();
        assertThat(ReadLimits.defaults().allowing("com.example.**")).as("no policy stays no policy").isEqualTo(ReadLimits.defaults());
    }

    @Test
    void aGraphDeeperThanMaxDepthIsRefusedAndTheReaderGoesOn() throws IOException {
        Node chain = null;
        for (int i = 0; i < 200; i++) {
            chain = new Node(chain);
        }
        byte[] deep = serialized(chain);
        assertThatThrownBy(() -> codec.decode(deep, ReadLimits.defaults().withMaxDepth(50)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("deeper than maxDepth 50");
        assertThat(codec.decode(deep)).as("the defaults allow it").isEqualTo(chain);
    }

    @Test
    void aClassOutsideThePolicyIsRefused() throws IOException {
        byte[] outsider = serialized(new Outsider(7));
        ReadLimits policy = ReadLimits.defaults().withClassFilter("java.base/*;!*");
        assertThatThrownBy(() -> codec.decode(outsider, policy))
                .isInstanceOf(SerializationException.class).hasMessageContaining(Outsider.class.getName())
                .hasMessageContaining("outside the class filter");
        assertThat(codec.decode(serialized(new ArrayList<>(List.of(1L, "x"))), policy)).isEqualTo(List.of(1L, "x"));
    }

    @Test
    void aLambdaOfAClassOutsideThePolicyIsRefusedOnThePlainPathToo() {
        dev.spindle.function.CheckedRunnable lambda = () -> { };
        byte[] plain = codec.encodePlainly(lambda);
        assertThat(plain).isNotNull();
        assertThatThrownBy(() -> codec.decode(plain, ReadLimits.defaults().withClassFilter("java.base/*;!*")))
                .isInstanceOf(SerializationException.class).hasMessageContaining(HostileBytesTest.class.getName());
    }

    @Test
    void plainValuesNestedDeeperThanAnyWriterNestsAreRefused() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        for (int i = 0; i < 100_000; i++) { // a list of a list of ...: would overflow the stack
            out.writeByte(PlainValues.LIST);
            out.writeInt(1);
        }
        out.writeByte(PlainValues.NULL);
        assertThatThrownBy(() -> codec.decode(buffer.toByteArray())).isInstanceOf(SerializationException.class);
    }

    @Test
    void randomBytesGiveSerializationExceptionAndNothingElse() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] noise = new byte[1 + random.nextInt(200)];
            random.nextBytes(noise);
            if (i % 2 == 0) {
                noise[0] = PlainValues.SERIALIZED; // half of them go to the object streams
            }
            try {
                codec.decode(noise);
            } catch (SerializationException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void malformedPatternsAndSillyLimitsAreRefusedAtOnce() {
        assertThatThrownBy(() -> ReadLimits.defaults().withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadLimits.defaults().withMaxDepth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadLimits.defaults().withClassFilter("maxdepth=x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReadLimits.defaults().maxBytes()).isEqualTo(64 << 20);
    }
}
