package dev.spindle.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.RemoteException;
import dev.spindle.RemoteTraceback;
import dev.spindle.SerializationException;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CodecTest {
    private final Codec codec = Codec.get();

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T value) {
        return (T) codec.decode(codec.encode(value));
    }

    @Test
    void smallValuesAndObjectsRoundTrip() {
        assertThat(this.<Object>roundTrip(null)).isNull();
        assertThat(roundTrip(-7)).isEqualTo(-7);
        assertThat(roundTrip(Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(roundTrip(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(roundTrip("武沛齐")).isEqualTo("武沛齐");
        assertThat(roundTrip(Boolean.TRUE)).isSameAs(Boolean.TRUE);
        assertThat(roundTrip(false)).isFalse();
        assertThat(roundTrip(-0.0)).isEqualTo(-0.0);
        assertThat(roundTrip(Double.NaN)).isNaN();
        for (Object plain : Arrays.asList(null, 1, 2L, true, 0.5, "s", new byte[0])) {
            assertThat(codec.encode(plain)[0]).as("%s takes the fast path", plain).isNotEqualTo(PlainValues.SERIALIZED);
        }
        assertThat(roundTrip(new byte[] {1, -1})).containsExactly(1, -1);
        assertThat(roundTrip(Map.of(1, "1", "2", 2))).isEqualTo(Map.of(1, "1", "2", 2));
        assertThat(roundTrip(Path.of("/tmp/a b"))).isEqualTo(Path.of("/tmp/a b"));
        assertThat(roundTrip(List.of(Path.of("x")))).containsExactly(Path.of("x"));
    }

    @Test
    void arrayListsOfSmallValuesTakeTheFastPathAndStayArrayLists() {
        ArrayList<Object> inner = new ArrayList<>(Arrays.asList(1, null, "二"));
        ArrayList<Object> list = new ArrayList<>(Arrays.asList(
                Integer.MAX_VALUE, Long.MIN_VALUE, "武沛齐", new byte[] {7}, null, inner, false, 2.5));
        byte[] encoded = codec.encode(list);
        assertThat(encoded[0]).as("the list tag, not Java serialization").isEqualTo(PlainValues.LIST);
        Object back = codec.decode(encoded);
        assertThat(back).isInstanceOf(ArrayList.class);
        @SuppressWarnings("unchecked")
        List<Object> decoded = (List<Object>) back;
        assertThat(decoded.subList(0, 3)).containsExactly((Object) Integer.MAX_VALUE, Long.MIN_VALUE, "武沛齐");
        assertThat((byte[]) decoded.get(3)).containsExactly(7);
        assertThat(decoded.get(4)).isNull();
        assertThat(decoded.get(5)).isEqualTo(inner);
        assertThat(decoded.subList(6, 8)).containsExactly(false, 2.5);
        // Anything else in the list, or another list class, goes the serialized way and keeps its class.
        ArrayList<Object> mixed = new ArrayList<>(List.of(1, Path.of("p")));
        assertThat(codec.encode(mixed)[0]).isNotEqualTo(PlainValues.LIST);
        assertThat(roundTrip(mixed)).isEqualTo(mixed);
        assertThat(roundTrip(new LinkedList<>(List.of(1, 2)))).isInstanceOf(LinkedList.class);
    }

    @Test
    void aListOfIntegersOnlyTravelsAsBareIntsAndComesBackTheSameList() {
        ArrayList<Object> ints = new ArrayList<>(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 42));
        byte[] encoded = codec.encode(ints);
        assertThat(encoded[0]).isEqualTo(PlainValues.INT_LIST);
        assertThat(encoded).hasSize(1 + 4 + 5 * 4);
        assertThat(roundTrip(ints)).isInstanceOf(ArrayList.class).isEqualTo(ints);
        // A null among them, or another number, keeps the tagged form.
        assertThat(codec.encode(new ArrayList<>(Arrays.asList(1, null)))[0]).isEqualTo(PlainValues.LIST);
        assertThat(codec.encode(new ArrayList<>(List.of(1, 2L)))[0]).isEqualTo(PlainValues.LIST);
        assertThat(roundTrip(new ArrayList<>())).isEqualTo(List.of());
        // A count the bytes cannot hold is refused before anything is allocated for it.
        byte[] lying = Arrays.copyOf(encoded, encoded.length);
        lying[1] = 0x7f;
        assertThatThrownBy(() -> codec.decode(lying)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(encoded, encoded.length - 1))).isInstanceOf(SerializationException.class);
    }

    @Test
    void aTruncatedListIsASerializationException() {
        byte[] encoded = codec.encode(new ArrayList<>(List.of("abc", "def")));
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(encoded, encoded.length - 2)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    @SuppressWarnings("serial") // a test method reference, meant to travel
    void serializableLambdasAndMethodReferencesRoundTrip() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        String captured = "captured";
        CheckedConsumer<AtomicReference<String>> lambda = r -> r.set(captured);
        roundTrip(lambda).accept(seen);
        assertThat(seen).hasValue("captured");
        CheckedConsumer<String> reference = CodecTest::ignore;
        assertThat(roundTrip(reference)).isNotNull();
    }

    static void ignore(String s) {
    }

    @Test
    void lambdasCapturingPlainValuesSkipJavaSerialization() throws Exception {
        int base = 40;
        CheckedFunction<Integer, Integer> add = x -> x + base;
        CheckedFunction<Integer, Integer> twice = x -> add.apply(add.apply(x));
        byte[] encoded = codec.encode(twice);
        assertThat(encoded[0]).as("the lambda tag, not Java serialization").isEqualTo(PlainValues.LAMBDA);
        @SuppressWarnings("unchecked")
        CheckedFunction<Integer, Integer> back = (CheckedFunction<Integer, Integer>) codec.decode(encoded);
        assertThat(back.apply(2)).isEqualTo(82);
        CheckedFunction<String, Integer> reference = String::length;
        assertThat(codec.encode(reference)[0]).isEqualTo(PlainValues.LAMBDA);
        assertThat(roundTrip(reference).apply("武沛齐")).isEqualTo(3);
        // A capture the fast path cannot carry sends the whole lambda through Java serialization.
        Path path = Path.of("/tmp/x");
        CheckedFunction<String, Path> resolve = path::resolve;
        assertThat(codec.encode(resolve)[0]).isEqualTo(PlainValues.SERIALIZED);
        assertThat(roundTrip(resolve).apply("y")).isEqualTo(Path.of("/tmp/x/y"));
    }

    record Holder(Object inner) implements java.io.Serializable {}

    @Test
    void aRefusedObjectIsNamedWithItsFieldPath() {
        Object bad = new Holder(List.of(new Holder(new Object())));
        assertThatThrownBy(() -> codec.encode(bad))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.Object is not serializable")
                .hasMessageContaining("field inner (java.util.ImmutableCollections$List12) → element 0 ("
                        + Holder.class.getName() + ") → field inner (java.lang.Object)");
    }

    @Test
    void garbageIsASerializationExceptionNotACrash() {
        assertThatThrownBy(() -> codec.decode(new byte[] {42})).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> codec.decode(new byte[] {PlainValues.STRING, -1, -1, -1, -1}))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> codec.decode(new byte[] {PlainValues.TRUE, 0})).isInstanceOf(SerializationException.class);
    }

    @SuppressWarnings("serial") // not serializable on purpose
    static final class Odd extends Exception {
        @SuppressWarnings("unused")
        private final transient Object fine = null;
        @SuppressWarnings("unused")
        private final Object notFine = new Object();

        Odd(Throwable cause) {
            super("odd", cause);
        }
    }

    @Test
    void exceptionsKeepTheirTypeWhenTheyCanAndTheirShapeWhenTheyCannot() {
        Throwable plain = ExceptionTransport.decode(ExceptionTransport.encode(new IllegalStateException("x")));
        assertThat(plain).isInstanceOf(IllegalStateException.class).hasMessage("x");
        Throwable odd = ExceptionTransport.decode(ExceptionTransport.encode(new Odd(new ArithmeticException("/ by zero"))));
        assertThat(odd).isInstanceOf(RemoteException.class).hasMessage("odd");
        assertThat(((RemoteException) odd).remoteClassName()).isEqualTo(Odd.class.getName());
        assertThat(odd).hasToString(Odd.class.getName() + ": odd");
        assertThat(odd.getCause()).isInstanceOf(RemoteException.class).hasMessage("/ by zero");
        assertThat(odd.getStackTrace()).isNotEmpty();
    }

    @Test
    void aDecodedExceptionNamesTheProcessItWasRaisedIn() {
        Throwable error = ExceptionTransport.decode(ExceptionTransport.encode(new ArithmeticException("/ by zero")), "Worker-7", 4242);
        assertThat(error).isInstanceOf(ArithmeticException.class);
        RemoteTraceback where = RemoteTraceback.of(error).orElseThrow();
        assertThat(where.processName()).isEqualTo("Worker-7");
        assertThat(where.pid()).isEqualTo(4242);
        assertThat(where).hasMessage("raised in Worker-7 (pid 4242)");
    }
}
