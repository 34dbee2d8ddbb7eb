package dev.spindle.testing;

import java.util.HashSet;
import java.util.Set;

/**
 * The classic deserialization bomb: sets nested {@code levels} deep, each level's two sets both
 * holding both sets of the next, so rebuilding it hashes 2^levels times; a few kilobytes.
 */
public final class HashBomb {
    private HashBomb() {}

    /** A bomb {@code levels} deep. */
    public static Set<Object> of(int levels) {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo"); // t1 and t2 differ
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }
}
