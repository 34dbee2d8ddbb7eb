package dev.spindle.examples.pipe;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import java.util.List;

/** A duplex pipe: the child sends a list, the parent answers 666; recv blocks until data comes. */
public final class MpPipeDuplex extends Example {
    public MpPipeDuplex() {
        super("mp-pipe-duplex", "a duplex pipe: a list one way, 666 the other");
    }

    static void task(Connection conn) throws Exception {
        Speed.sleep(1);
        conn.send(List.of(111, 22, 33, 44));
        Object data = conn.recv(); // blocks
        System.out.println("子进程接收: " + data);
        Speed.sleep(2);
    }

    @Override
    public void run(String... args) throws Exception {
        Pipe pipe = Pipe.open();
        Connection parentConn = pipe.left();
        Connection childConn = pipe.right();
        ChildProcess p = new ChildProcess(MpPipeDuplex::task, childConn);
        p.start();
        Object info = parentConn.recv(); // blocks
        System.out.println("主进程接收： " + info);
        parentConn.send(666);
    }
}
