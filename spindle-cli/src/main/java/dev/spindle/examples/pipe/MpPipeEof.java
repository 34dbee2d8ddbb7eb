package dev.spindle.examples.pipe;

import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import java.io.EOFException;
import java.util.stream.IntStream;

/**
 * The parent produces 0–9 down a pipe and closes it; the consumer child reads until EOF. Each side
 * closes the end it does not use: EOF comes only when every copy of the sending end is closed.
 */
public final class MpPipeEof extends Example {
    public MpPipeEof() {
        super("mp-pipe-eof", "producer and consumer over a pipe; the consumer stops at EOF",
                "收到包子: received a bun (one message); 主进程: the main process is done");
    }

    static void consumer(Pipe p, String name) throws Exception {
        Connection left = p.left();
        Connection right = p.right();
        left.close();
        while (true) {
            try {
                Object baozi = right.recv();
                System.out.println(name + " 收到包子:" + baozi);
            } catch (EOFException e) {
                right.close();
                break;
            }
        }
    }

    static void producer(Iterable<Integer> seq, Pipe p) throws Exception {
        Connection left = p.left();
        Connection right = p.right();
        right.close();
        for (int i : seq) {
            left.send(i);
        }
        left.close();
    }

    @Override
    public void run(String... args) throws Exception {
        Pipe pipe = Pipe.open();
        ChildProcess c1 = new ChildProcess(MpPipeEof::consumer, pipe, "c1");
        c1.start();
        producer(IntStream.range(0, 10).boxed().toList(), pipe);
        pipe.right().close();
        pipe.left().close();
        c1.join();
        System.out.println("主进程");
    }
}
