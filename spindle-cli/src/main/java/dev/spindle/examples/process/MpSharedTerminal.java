package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;

/** Many processes print to one terminal (the seed starts 10^6; default here 20, or the first argument). */
public final class MpSharedTerminal extends Example {
    public MpSharedTerminal() {
        super("mp-shared-terminal", "many processes share one terminal: every name once, lines may interleave");
    }

    static final class Logger extends ChildProcess {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void run() {
            System.out.println(name());
        }
    }

    @Override
    public void run(String... args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (int i = 0; i < count; i++) {
            new Logger().start();
        }
    }
}
