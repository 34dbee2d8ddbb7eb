package dev.spindle.internal.codec;

import java.lang.invoke.SerializedLambda;

/** A task's function named for people: {@code Primes::isPrime} rather than a lambda's hidden class. */
public final class FunctionNames {
    private FunctionNames() {}

    /**
     * {@code Class::method} for a serializable lambda or method reference (a lambda's body shows as
     * its synthetic method, {@code Demo::lambda$main$0}); else the function's class's simple name.
     */
    public static String of(Object function) {
        if (function == null) {
            return "null";
        }
        SerializedLambda form = SerializableLambdas.describe(function);
        if (form != null) {
            String owner = form.getImplClass();
            return owner.substring(owner.lastIndexOf('/') + 1) + "::" + form.getImplMethodName();
        }
        Class<?> type = function.getClass();
        return type.isHidden() ? type.getName().replaceFirst("\\$\\$Lambda.*", "") + "::lambda" : type.getSimpleName();
    }
}
