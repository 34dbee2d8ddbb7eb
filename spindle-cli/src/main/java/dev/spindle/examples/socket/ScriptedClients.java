package dev.spindle.examples.socket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The seeds' {@code input()} clients, scripted: each client sends its lines and prints each reply.
 * After its first reply every client waits for all the others to have theirs: that only happens
 * when the server serves them at once, which the last line says.
 */
final class ScriptedClients {
    /** How long a client waits for the others' first replies before it says they did not overlap. */
    private static final long OVERLAP_WAIT_SECONDS = 30;

    /** What a client prints for one exchange. */
    @FunctionalInterface
    interface Printer {
        String line(int client, String sent, String reply);
    }

    private ScriptedClients() {}

    /**
     * Runs {@code clients} clients at once; client i sends {@code script.get(i)} line by line
     * ({@code quit}, if not null, last and unanswered).
     */
    static void run(InetSocketAddress server, List<List<String>> scripts, String quit, Printer printer) throws Exception {
        CyclicBarrier allAnswered = new CyclicBarrier(scripts.size());
        List<Thread> threads = new ArrayList<>();
        boolean[] overlapped = {true};
        for (int i = 0; i < scripts.size(); i++) {
            int client = i + 1;
            List<String> script = scripts.get(i);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    if (!talk(server, client, script, quit, printer, allAnswered)) {
                        synchronized (overlapped) {
                            overlapped[0] = false;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    System.out.println("client " + client + " failed: " + e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        synchronized (overlapped) {
            System.out.println(overlapped[0] ? "all " + scripts.size() + " clients were served at once"
                    : "the clients were not served at once");
        }
    }

    /** One client's conversation; false when the others' first replies did not come meanwhile. */
    private static boolean talk(InetSocketAddress server, int client, List<String> script, String quit, Printer printer,
            CyclicBarrier allAnswered) throws IOException, InterruptedException {
        boolean overlapped = true;
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            for (int k = 0; k < script.size(); k++) {
                String message = script.get(k);
                out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                String reply = in.readLine();
                synchronized (ScriptedClients.class) {
                    System.out.println(printer.line(client, message, reply));
                }
                if (k == 0) {
                    overlapped = awaitOthers(allAnswered);
                }
            }
            if (quit != null) {
                out.write((quit + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return overlapped;
    }

    private static boolean awaitOthers(CyclicBarrier allAnswered) throws InterruptedException {
        try {
            allAnswered.await(OVERLAP_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (BrokenBarrierException | TimeoutException e) {
            return false;
        }
    }
}
