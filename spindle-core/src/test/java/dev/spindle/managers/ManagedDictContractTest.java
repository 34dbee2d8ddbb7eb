package dev.spindle.managers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.ClusterFixture;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A managed dict keeps the whole {@link Map} contract, every documented method, in insertion order
 * with null keys and values: a threads context's (a plain map) and a cluster's (a Redis hash),
 * written once.
 */
class ManagedDictContractTest {
    static Stream<Context> contexts() {
        return Stream.of(Context.threads(), ClusterFixture.context());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void theQueriesAndUpdatesOfAMapInInsertionOrder(Context ctx) {
        Map<String, Integer> dict = ctx.manager().dict();
        assertThat(dict.isEmpty()).isTrue();
        assertThat(dict.put("b", 2)).isNull();
        assertThat(dict.put("a", 1)).isNull();
        assertThat(dict.put("c", 3)).isNull();
        assertThat(dict.put("b", 20)).isEqualTo(2);
        assertThat(dict.size()).isEqualTo(3);
        assertThat(dict.keySet()).containsExactly("b", "a", "c");
        assertThat(dict.values()).containsExactly(20, 1, 3);
        assertThat(dict.get("a")).isEqualTo(1);
        assertThat(dict.get("z")).isNull();
        assertThat(dict.getOrDefault("z", 9)).isEqualTo(9);
        assertThat(dict.containsKey("c")).isTrue();
        assertThat(dict.containsKey("z")).isFalse();
        assertThat(dict.containsValue(20)).isTrue();
        assertThat(dict.containsValue(2)).isFalse();
        assertThat(dict.remove("a")).isEqualTo(1);
        assertThat(dict.remove("a")).isNull();
        dict.putAll(Map.of("d", 4));
        assertThat(dict).isEqualTo(Map.of("b", 20, "c", 3, "d", 4));
        assertThat(dict.hashCode()).isEqualTo(Map.of("b", 20, "c", 3, "d", 4).hashCode());
        assertThat(dict.toString()).isEqualTo("{b=20, c=3, d=4}");
        dict.put(null, null);
        assertThat(dict.containsKey(null)).isTrue();
        assertThat(dict.get(null)).isNull();
        assertThat(dict.remove(null)).isNull();
        assertThat(dict.containsKey(null)).isFalse();
        dict.clear();
        assertThat(dict).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void theConditionalAndFunctionalUpdates(Context ctx) {
        Map<String, Integer> dict = ctx.manager().dict();
        assertThat(dict.putIfAbsent("a", 1)).isNull();
        assertThat(dict.putIfAbsent("a", 2)).isEqualTo(1);
        assertThat(dict.replace("a", 5)).isEqualTo(1);
        assertThat(dict.replace("z", 5)).isNull();
        assertThat(dict.containsKey("z")).isFalse();
        assertThat(dict.replace("a", 4, 6)).isFalse();
        assertThat(dict.replace("a", 5, 6)).isTrue();
        assertThat(dict.remove("a", 5)).isFalse();
        assertThat(dict.remove("a", 6)).isTrue();
        assertThat(dict.computeIfAbsent("k", k -> 10)).isEqualTo(10);
        assertThat(dict.computeIfAbsent("k", k -> 11)).isEqualTo(10);
        assertThat(dict.computeIfPresent("k", (k, v) -> v + 1)).isEqualTo(11);
        assertThat(dict.computeIfPresent("k", (k, v) -> null)).isNull();
        assertThat(dict.containsKey("k")).isFalse();
        assertThat(dict.compute("n", (k, v) -> v == null ? 1 : v + 1)).isEqualTo(1);
        assertThat(dict.compute("n", (k, v) -> v == null ? 1 : v + 1)).isEqualTo(2);
        assertThat(dict.merge("n", 5, Integer::sum)).isEqualTo(7);
        assertThat(dict.merge("m", 5, Integer::sum)).isEqualTo(5);
        dict.replaceAll((k, v) -> v * 10);
        assertThat(dict).isEqualTo(Map.of("n", 70, "m", 50));
        Map<String, Integer> seen = new LinkedHashMap<>();
        dict.forEach(seen::put);
        assertThat(seen).containsExactly(Map.entry("n", 70), Map.entry("m", 50));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void theViewsIterateRemoveAndWriteThrough(Context ctx) {
        Map<Integer, String> dict = ctx.manager().dict();
        for (int i = 0; i < 5; i++) {
            dict.put(i, "v" + i);
        }
        Iterator<Map.Entry<Integer, String>> entries = dict.entrySet().iterator();
        assertThatThrownBy(entries::remove).isInstanceOf(IllegalStateException.class);
        Map.Entry<Integer, String> first = entries.next();
        assertThat(first.setValue("zero")).isEqualTo("v0");
        assertThat(dict.get(0)).isEqualTo("zero");
        entries.next();
        entries.remove();
        assertThat(dict.containsKey(1)).isFalse();
        dict.keySet().remove(2);
        dict.values().remove("v3");
        assertThat(dict).isEqualTo(Map.of(0, "zero", 4, "v4"));
        Iterator<Integer> keys = dict.keySet().iterator();
        keys.next();
        keys.next();
        assertThat(keys.hasNext()).isFalse();
        assertThatThrownBy(keys::next).isInstanceOf(NoSuchElementException.class);
        assertThat(new HashMap<>(dict)).isEqualTo(Map.of(0, "zero", 4, "v4"));
        dict.entrySet().clear();
        assertThat(dict.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aDictTravelsToThePoolsTasksAndIsTheSameThere(Context ctx) {
        Map<String, Integer> dict = ctx.manager().dict();
        try (Pool pool = ctx.pool(2)) {
            pool.starmap((Map<String, Integer> d, String k) -> d.put(k, k.length()),
                    List.of(Map.entry(dict, "one"), Map.entry(dict, "three")));
        }
        assertThat(dict).isEqualTo(Map.of("one", 3, "three", 5));
    }
}
