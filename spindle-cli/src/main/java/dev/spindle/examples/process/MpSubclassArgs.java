package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import java.util.stream.Collectors;

/** A subclass overrides run() and reads the arguments it was built with. */
public final class MpSubclassArgs extends Example {
    public MpSubclassArgs() {
        super("mp-subclass-args", "a ChildProcess subclass overrides run() and sees its args");
    }

    static final class MyProcess extends ChildProcess {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        MyProcess(Object... args) {
            super(args);
        }

        @Override
        public void run() {
            System.out.println("执行此进程 " + pythonTuple());
        }

        private String pythonTuple() {
            String items = args().stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
            return "(" + items + (args().size() == 1 ? ",)" : ")");
        }
    }

    @Override
    public void run(String... args) {
        MyProcess p = new MyProcess("xxx");
        p.start();
        System.out.println("继续执行...");
    }
}
