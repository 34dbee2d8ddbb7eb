package dev.spindle.internal.launch;

import java.util.List;

/**
 * A child's initial heap, unless its options size the heap themselves. The JVM's default is 1/64
 * of the machine's memory (384 MB on 24 GiB), and a young generation a third of that: a child's
 * start-up and a warm child's warm-up then leave tens of megabytes of touched pages behind, which
 * the child carries as resident memory and which the kernel must free when it exits (some 6 ms for
 * 50 MB). A smaller initial heap keeps them within a few megabytes; the heap grows as the child's
 * work needs, up to the usual maximum.
 *
 * <p>Not smaller than 64 MB: the serial collector's survivor spaces are a thirtieth of the initial
 * heap, and what a child has in flight at a collection must fit there. With 16 MB (half-megabyte
 * survivors) a child putting 1 MiB queue items promoted one at every collection, and the old
 * generation grew by each, to gigabytes, instead of being collected. 64 MB leaves an idle child's
 * resident memory as it was with 16 MB. Objects above its 2 MB survivors still take that path (8 MiB
 * queue items grew a child to 5.8 GB; 371 MB with -Xms384m): README tells such users to size the heap.
 */
final class ChildHeap {
    static final String INITIAL = "-Xms64m";
    private static final List<String> SIZING = List.of("-Xms", "-Xmx", "-XX:InitialHeapSize=", "-XX:MaxHeapSize=",
            "-XX:MinHeapSize=", "-XX:InitialRAMPercentage=", "-XX:MaxRAMPercentage=", "-XX:MaxRAM=");

    private ChildHeap() {}

    /** {@link #INITIAL}, or nothing when {@code given} (inherited, then the process's own) sizes the heap. */
    static List<String> defaultFor(List<String> given) {
        for (String option : given) {
            for (String sizing : SIZING) {
                if (option.startsWith(sizing)) {
                    return List.of();
                }
            }
        }
        return List.of(INITIAL);
    }
}
