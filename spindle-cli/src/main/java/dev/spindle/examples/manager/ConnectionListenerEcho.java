package dev.spindle.examples.manager;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.BaseProcess;
import dev.spindle.multiprocessing.Client;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Listener;
import java.io.EOFException;
import java.net.SocketAddress;
import java.util.List;

/**
 * {@code multiprocessing.connection}'s Listener and Client: a child JVM connects to the parent's
 * listener (with the authkey it inherited) and sends three values; the parent echoes each back.
 */
public final class ConnectionListenerEcho extends Example {
    public ConnectionListenerEcho() {
        super("connection-listener-echo", "a child connects to a Listener with the inherited authkey; the parent echoes");
    }

    static void client(SocketAddress address) throws Exception {
        try (Connection c = Client.connect(address)) {
            for (Object value : List.of(1, "two", List.of(3.0))) {
                c.send(value);
                System.out.println("client got back " + c.recv());
            }
        }
    }

    @Override
    @SuppressWarnings("serial") // a method reference of this program, meant to travel
    public void run(String... args) throws Exception {
        try (Listener listener = Listener.tcp(0)) {
            System.out.println("listening at " + listener.address());
            BaseProcess child = Context.processes().process(ConnectionListenerEcho::client, listener.address());
            child.start();
            try (Connection c = listener.accept()) {
                while (true) {
                    Object value;
                    try {
                        value = c.recv();
                    } catch (EOFException end) {
                        break;
                    }
                    c.send(value);
                }
            }
            child.join();
            System.out.println("client ended with " + child.exitCode());
        }
    }
}
