package dev.spindle.examples.other;

import dev.spindle.examples.Example;

/**
 * A module-level instance ({@code single = Singleton()} in utils.py), imported twice: the module
 * cache gives the same object. Java's equivalent is a static final field in a holder class, made
 * once, lazily and thread-safely, when the class is first used.
 */
public final class SingletonModule extends Example {
    public SingletonModule() {
        super("singleton-module", "a module-level instance is the same object at every import (Java: a static final field)");
    }

    /** utils.py. */
    static final class Utils {
        static final Utils SINGLE = new Utils();
        final String name = "武沛齐";

        private Utils() {}

        @Override
        public String toString() {
            return "<utils.Singleton object at 0x%x>".formatted(System.identityHashCode(this));
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Utils first = Utils.SINGLE; // from xx import single
        System.out.println(first);
        Utils second = Utils.SINGLE; // from xx import single
        System.out.println(second);
        System.out.println("the same object: " + (first == second));
    }
}
