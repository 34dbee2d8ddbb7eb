package dev.spindle.examples.manager;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.managers.Manager;
import dev.spindle.managers.ManagerServer;
import dev.spindle.multiprocessing.BaseProcess;
import dev.spindle.queue.Queue;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * CPython's remote-manager example, which the seeds describe: a server serves a queue over TCP
 * with an authkey; one client JVM puts into it, another gets from it — each knowing only the
 * address and the key.
 */
public final class MgrRemoteQueue extends Example {
    private static final byte[] AUTHKEY = "abracadabra".getBytes(StandardCharsets.UTF_8);

    public MgrRemoteQueue() {
        super("mgr-remote-queue", "a queue served over TCP with an authkey; one client JVM puts, another gets");
    }

    @SuppressWarnings("unchecked") // a typeid's object comes as its raw interface
    static Queue<String> jobs(String host, Integer port) {
        return Manager.connect(new InetSocketAddress(host, port), AUTHKEY).get("get_queue", Queue.class);
    }

    static void producer(String host, Integer port) throws InterruptedException {
        jobs(host, port).put("hello");
        System.out.println("producer (pid " + ProcessHandle.current().pid() + ") put 'hello'");
    }

    static void consumer(String host, Integer port) throws InterruptedException {
        String job = jobs(host, port).get(Duration.ofSeconds(30));
        System.out.println("consumer (pid " + ProcessHandle.current().pid() + ") got '" + job + "'");
    }

    @Override
    @SuppressWarnings("serial") // method references of this program, meant to travel
    public void run(String... args) throws Exception {
        Queue<String> queue = Context.threads().queue();
        try (ManagerServer server = ManagerServer.builder().register("get_queue", Queue.class, () -> queue)
                .start(new InetSocketAddress("127.0.0.1", 0), AUTHKEY)) {
            InetSocketAddress address = (InetSocketAddress) server.address();
            System.out.println("serving a queue at " + address.getHostString() + ":" + address.getPort());
            BaseProcess put = Context.processes().process(MgrRemoteQueue::producer, address.getHostString(), address.getPort());
            BaseProcess get = Context.processes().process(MgrRemoteQueue::consumer, address.getHostString(), address.getPort());
            put.start();
            put.join();
            get.start();
            get.join();
            System.out.println("clients ended with " + put.exitCode() + " and " + get.exitCode());
        }
    }
}
