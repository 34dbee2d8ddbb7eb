package dev.spindle.internal.codec;

import dev.spindle.SerializationException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Serializable lambdas and method references without the JDK's object streams: a lambda is
 * described by its {@link SerializedLambda} (what its {@code writeReplace} returns) and re-created
 * by its capturing class's {@code $deserializeLambda$}, exactly what
 * {@code SerializedLambda.readResolve} does. The object streams cost a fresh JVM tens of
 * milliseconds to set up (their filter configuration reads the security properties); a child's
 * target or a worker's function is usually a lambda, and is decoded once in a fresh JVM.
 *
 * <p>Only lambdas whose capturing class's package is open to Spindle are described here (every
 * class-path package is); others go through the object streams, which need no such access.
 */
final class SerializableLambdas {
    private static final Module SPINDLE = SerializableLambdas.class.getModule();

    /** Each class's accessible {@code writeReplace}, or null when it has none we may call. */
    private static final ClassValue<Method> WRITE_REPLACE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            // A lambda's class is a hidden nestmate in its capturing class's package: open too.
            if (!type.isHidden() || !Serializable.class.isAssignableFrom(type)
                    || !type.getModule().isOpen(type.getPackageName(), SPINDLE)) {
                return null;
            }
            try {
                Method method = type.getDeclaredMethod("writeReplace");
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException | RuntimeException notALambda) {
                return null;
            }
        }
    };

    /** Each capturing class's {@code $deserializeLambda$}, made accessible. */
    private static final ClassValue<Method> DESERIALIZE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method method = type.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException | RuntimeException e) {
                throw new SerializationException("cannot re-create a lambda of " + type.getName() + ": " + e, e);
            }
        }
    };

    private SerializableLambdas() {}

    /** The serialized form of {@code value} if it is a lambda this class can carry; else null. */
    static SerializedLambda describe(Object value) {
        if (value == null) {
            return null;
        }
        Method writeReplace = WRITE_REPLACE.get(value.getClass());
        if (writeReplace == null) {
            return null;
        }
        try {
            return writeReplace.invoke(value) instanceof SerializedLambda form ? form : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The class that created a lambda, by the name its {@link SerializedLambda} gives. */
    static Class<?> capturingClass(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader());
        } catch (ClassNotFoundException e) {
            throw new SerializationException("cannot re-create a lambda: class " + e.getMessage() + " is not here", e);
        }
    }

    /** Re-creates the lambda that {@code form} describes. */
    static Object resolve(SerializedLambda form, Class<?> capturing) {
        JvmSerialFilter.userCodeStarts(); // the capturing class's initializer runs next
        try {
            return DESERIALIZE.get(capturing).invoke(null, form);
        } catch (InvocationTargetException e) {
            throw new SerializationException("cannot re-create a lambda of " + capturing.getName() + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new SerializationException("cannot re-create a lambda of " + capturing.getName() + ": " + e, e);
        }
    }

    /** The loader the object streams would use here: the one that loaded Spindle (the application's). */
    private static ClassLoader loader() {
        ClassLoader own = SerializableLambdas.class.getClassLoader();
        return own != null ? own : ClassLoader.getSystemClassLoader();
    }
}
