package dev.spindle.examples.pipe;

import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import java.io.EOFException;
import java.util.List;

/** Request and response over a pipe: a child "server" adds the pairs it receives until EOF. */
public final class MpPipeAdder extends Example {
    public MpPipeAdder() {
        super("mp-pipe-adder", "a child adds the pairs sent to it over a pipe until EOF",
                "主进程: the main process is done");
    }

    static void adder(Pipe p, String name) throws Exception {
        Connection server = p.left();
        Connection client = p.right();
        client.close();
        while (true) {
            List<Integer> xy;
            try {
                xy = server.recv();
            } catch (EOFException e) {
                server.close();
                break;
            }
            server.send(xy.get(0) + xy.get(1));
        }
        System.out.println("server done");
    }

    @Override
    public void run(String... args) throws Exception {
        Pipe pipe = Pipe.open();
        Connection server = pipe.left();
        Connection client = pipe.right();
        ChildProcess c1 = new ChildProcess(MpPipeAdder::adder, pipe, "c1");
        c1.start();
        server.close();
        client.send(List.of(10, 20));
        System.out.println(client.<Object>recv());
        client.close();
        c1.join();
        System.out.println("主进程");
    }
}
