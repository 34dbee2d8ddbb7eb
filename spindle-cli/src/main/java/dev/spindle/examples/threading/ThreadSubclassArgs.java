package dev.spindle.examples.threading;

import dev.spindle.examples.Example;
import java.util.List;
import java.util.stream.Collectors;

/** A Thread subclass whose run prints the arguments it was made with (the seed reads Python's private _args). */
public final class ThreadSubclassArgs extends Example {
    public ThreadSubclassArgs() {
        super("thread-subclass-args", "a Thread subclass prints its args: 执行此线程 (100,)",
                "执行此线程: running this thread, with its arguments");
    }

    /** A thread that keeps its arguments where run can read them. */
    static final class MyThread extends Thread {
        private final List<Object> args;

        MyThread(Object... args) {
            this.args = List.of(args);
        }

        List<Object> args() {
            return args;
        }

        @Override
        public void run() {
            System.out.println("执行此线程 " + pythonTuple(args()));
        }
    }

    /** How Python prints a tuple: {@code (100,)} for one element. */
    static String pythonTuple(List<Object> items) {
        String inside = items.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "(" + inside + (items.size() == 1 ? ",)" : ")");
    }

    @Override
    public void run(String... args) throws Exception {
        MyThread t = new MyThread(100);
        t.start();
        t.join();
    }
}
