/**
 * Spindle: Python's concurrency toolkit for Java. Child JVMs with shared-memory IPC
 * ({@link dev.spindle.multiprocessing}), the {@link dev.spindle.Spindle} facade, and the
 * serializable functional interfaces of {@link dev.spindle.function}.
 */
module dev.spindle {
    requires java.management;
    requires org.slf4j;

    exports dev.spindle;
    exports dev.spindle.function;
    exports dev.spindle.futures;
    exports dev.spindle.multiprocessing;
    exports dev.spindle.queue;
    exports dev.spindle.sync;
}
