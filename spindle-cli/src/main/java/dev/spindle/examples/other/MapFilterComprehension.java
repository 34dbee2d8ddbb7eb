package dev.spindle.examples.other;

import dev.spindle.examples.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Squares of the odd numbers below 10: Python's map/filter is a stream, its comprehension a loop. */
public final class MapFilterComprehension extends Example {
    public MapFilterComprehension() {
        super("map-filter-comprehension", "squares of the odd numbers, by map/filter (a stream) and by a loop: [1, 9, 25, 49, 81]");
    }

    @Override
    public void run(String... args) throws Exception {
        List<Integer> items1 = IntStream.range(1, 10).filter(x -> x % 2 != 0).map(x -> x * x).boxed().toList();
        List<Integer> items2 = new ArrayList<>();
        for (int x = 1; x < 10; x++) {
            if (x % 2 != 0) {
                items2.add(x * x);
            }
        }
        System.out.println(items1);
        System.out.println(items2);
    }
}
