package dev.spindle.internal.travel;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Marks an object of a threads context (a lock, queue or value of this JVM's memory): it cannot
 * cross into another process, and {@link Travel#depart} refuses it with a sentence that names
 * what it is and which context to make it with, instead of the JDK's "not serializable".
 */
public interface StaysInProcess {
    /** Why {@code value} cannot travel, in the user's words. */
    static String refusal(Object value) {
        return refusal(publicFace(value.getClass()));
    }

    /** Why a {@code face} (Lock, Connection, …) of a threads context cannot travel, in the user's words. */
    static String refusal(String face) {
        return ("AEIOU".indexOf(face.charAt(0)) >= 0 ? "an " : "a ") + face + " made by a threads context (Context.threads() or"
                + " Context.virtualThreads()) lives in this JVM and cannot cross into another process;"
                + " make it with a process context (Context.processes()) to share it with processes";
    }

    /** The exported interface {@code type} implements, by its simple name (Lock, Queue, …). */
    private static String publicFace(Class<?> type) {
        Deque<Class<?>> toSee = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            toSee.add(c);
        }
        while (!toSee.isEmpty()) {
            Class<?> c = toSee.poll();
            if (c.isInterface() && c.getPackageName().startsWith("dev.spindle.")
                    && !c.getPackageName().contains(".internal") && c.getModule().isExported(c.getPackageName())) {
                return c.getSimpleName();
            }
            toSee.addAll(java.util.List.of(c.getInterfaces()));
        }
        return type.getSimpleName();
    }
}
