package dev.spindle.internal.codec;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds the field path from a root object to the one that JDK serialization refused, so the error
 * says "captured argument 0 → field writer (java.io.BufferedWriter)" rather than just a class name.
 * Runs only after a failure, so its reflection costs nothing on the normal path.
 */
final class SerializationDiagnostics {
    private SerializationDiagnostics() {}

    /** ", at PATH" for the first non-serializable object of class {@code failedClass}, or "". */
    static String pathTo(Object root, String failedClass) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<String> path = new ArrayDeque<>();
        path.add(describe(root));
        return search(root, failedClass, path, seen) ? ", at " + String.join(" → ", path) : "";
    }

    private static boolean search(Object value, String failedClass, Deque<String> path, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return false;
        }
        Class<?> type = value.getClass();
        if (value instanceof java.nio.file.Path) {
            return false; // carried by the codec's own streams
        }
        if (!(value instanceof Serializable)) {
            return type.getName().equals(failedClass) || failedClass == null;
        }
        if (type.isArray()) {
            if (type.getComponentType().isPrimitive()) {
                return false;
            }
            for (int i = 0; i < Array.getLength(value); i++) {
                if (step(Array.get(value, i), "[" + i + "]", failedClass, path, seen)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                if (step(item, "element " + i++, failedClass, path, seen)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (step(e.getKey(), "key " + e.getKey(), failedClass, path, seen)
                        || step(e.getValue(), "value of " + e.getKey(), failedClass, path, seen)) {
                    return true;
                }
            }
            return false;
        }
        SerializedLambda lambda = asSerializedLambda(value);
        if (lambda != null) {
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                if (step(lambda.getCapturedArg(i), "captured argument " + i, failedClass, path, seen)) {
                    return true;
                }
            }
            return false;
        }
        return searchFields(value, type, failedClass, path, seen);
    }

    private static boolean searchFields(Object value, Class<?> type, String failedClass, Deque<String> path, Set<Object> seen) {
        for (Class<?> c = type; c != null && Serializable.class.isAssignableFrom(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int mods = field.getModifiers();
                if (Modifier.isStatic(mods) || Modifier.isTransient(mods) || field.getType().isPrimitive()) {
                    continue;
                }
                Object child;
                try {
                    field.setAccessible(true);
                    child = field.get(value);
                } catch (RuntimeException | IllegalAccessException e) {
                    continue; // a JDK class closed to reflection: its own writeObject decides
                }
                if (step(child, "field " + field.getName(), failedClass, path, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean step(Object child, String label, String failedClass, Deque<String> path, Set<Object> seen) {
        if (child == null) {
            return false;
        }
        path.addLast(label + " (" + describe(child) + ")");
        if (search(child, failedClass, path, seen)) {
            return true;
        }
        path.removeLast();
        return false;
    }

    private static String describe(Object value) {
        Class<?> type = value.getClass();
        return type.isSynthetic() || type.isHidden() ? "lambda " + type.getName().replaceAll("/0x.*", "") : type.getName();
    }

    /** The serialized form of a serializable lambda, or null for anything else. */
    private static SerializedLambda asSerializedLambda(Object value) {
        if (!value.getClass().isSynthetic() && !value.getClass().isHidden()) {
            return null;
        }
        try {
            Method writeReplace = value.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(value) instanceof SerializedLambda s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
