package dev.spindle.socketserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stalled, vanished, hostile and many clients; a serving child killed mid-connection. */
@ExtendWith(NoLeaks.class)
class TcpServerFaultsTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final CountDownLatch HANDLER_ENDED = new CountDownLatch(1);

    private static TcpServer.Builder anyPort() {
        return TcpServer.bind("127.0.0.1", 0);
    }

    /** The seed's q-loop: "收到收到" for each message until "q"; a vanished client ends it too. */
    static void untilQ(StreamRequest request) throws Exception {
        try {
            for (String line; (line = request.readLine()) != null && !line.equalsIgnoreCase("q"); ) {
                request.writeLine("收到收到");
            }
        } finally {
            HANDLER_ENDED.countDown();
        }
    }

    @Test
    void aClientThatSendsNothingOrHalfALineIsTimedOutWhileOthersAreServed() throws Exception {
        for (TcpServer.Builder builder : List.of(anyPort().threadPerConnection(), anyPort().processPerConnection(2))) {
            try (TcpServer server = builder.timeout(SHORT).open(Handlers::upperEcho).start();
                 LineClient silent = new LineClient(server.address());
                 LineClient halfLine = new LineClient(server.address());
                 LineClient lively = new LineClient(server.address())) {
                halfLine.send("no newline yet");
                assertThat(lively.ask("meanwhile")).isEqualTo("MEANWHILE");
                assertThat(silent.closedByServer()).as(server + " closes a silent client").isTrue();
                assertThat(halfLine.closedByServer()).as(server + " closes a client stuck mid-line").isTrue();
            }
        }
    }

    @Test
    void aOneAtATimeServerTimesOutAStalledClientThenServesTheNext() throws Exception {
        try (TcpServer server = anyPort().timeout(SHORT).open(Handlers::upperEcho).start();
             LineClient stalled = new LineClient(server.address());
             LineClient next = new LineClient(server.address())) {
            assertThat(next.ask("after")).isEqualTo("AFTER");
            assertThat(stalled.closedByServer()).isTrue();
        }
    }

    @Test
    void aClientThatLeavesWithoutQEndsItsHandler() throws Exception {
        try (TcpServer server = anyPort().threadPerConnection().open(TcpServerFaultsTest::untilQ).start()) {
            try (LineClient client = new LineClient(server.address())) {
                assertThat(client.ask("你好")).isEqualTo("收到收到");
            }
            HANDLER_ENDED.await();
        }
    }

    @Test
    void aLineLongerThanTheLimitEndsThatConnectionOnly() throws Exception {
        for (TcpServer.Builder builder : List.of(anyPort().threadPerConnection(), anyPort().processPool(1))) {
            try (TcpServer server = builder.maxLine(1024).open(Handlers::upperEcho).start()) {
                try (LineClient hostile = new LineClient(server.address())) {
                    hostile.send("x".repeat(100_000));
                    assertThat(hostile.closedByServer()).as(server + " drops an endless line").isTrue();
                }
                try (LineClient client = new LineClient(server.address())) {
                    assertThat(client.ask("fine")).isEqualTo("FINE");
                }
            }
        }
    }

    @Test
    void hostileBytesAreServedAsTheyCome() throws Exception {
        try (TcpServer server = anyPort().processPool(1).open(Handlers::upperEcho).start();
             Socket raw = new Socket(server.address().getAddress(), server.address().getPort())) {
            byte[] garbage = new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0xC3, '\r', '\n'};
            raw.getOutputStream().write(garbage);
            raw.shutdownOutput();
            byte[] reply = raw.getInputStream().readAllBytes();
            assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("\uFFFD\uFFFD\u0000\uFFFD\n");
        }
    }

    @Test
    void aThousandSimultaneousConnectionsOnTheThreadedServer() throws Exception {
        AtomicInteger served = new AtomicInteger();
        try (TcpServer server = anyPort().threadPerConnection().open(request -> {
            served.incrementAndGet();
            Handlers.upperEcho(request);
        }).start()) {
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    clients.add(new LineClient(server.address()));
                }
                for (int i = 0; i < clients.size(); i++) {
                    clients.get(i).send("client " + i + "\n");
                }
                for (int i = 0; i < clients.size(); i++) {
                    assertThat(clients.get(i).readLine()).isEqualTo("CLIENT " + i);
                }
                assertThat(served).as("all open at once, each on its own thread").hasValue(1000);
            } finally {
                for (LineClient client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    void aChildKilledMidConnectionClosesOnlyItsClientsConnection() throws Exception {
        for (TcpServer.Builder builder : List.of(anyPort().processPerConnection(4), anyPort().processPool(2))) {
            try (TcpServer server = builder.open(Handlers::pidThenEcho).start();
                 LineClient victim = new LineClient(server.address());
                 LineClient bystander = new LineClient(server.address())) {
                long victimPid = Long.parseLong(victim.readLine());
                long bystanderPid = Long.parseLong(bystander.readLine());
                assertThat(victimPid).isNotEqualTo(bystanderPid);
                assertThat(victim.ask("before")).isEqualTo("BEFORE");
                ProcessHandle.of(victimPid).orElseThrow().destroyForcibly();
                assertThat(victim.closedByServer()).as(server + ": the killed child's client sees the end").isTrue();
                assertThat(bystander.ask("still here")).isEqualTo("STILL HERE");
                try (LineClient newcomer = new LineClient(server.address())) {
                    long newPid = Long.parseLong(newcomer.readLine());
                    assertThat(newPid).isNotEqualTo(victimPid);
                    assertThat(newcomer.ask("new")).isEqualTo("NEW");
                }
            }
            Deadlines.await("the killed child is reaped", Deadlines.CHILD, () -> NoLeaks.busyChildJvms().isEmpty());
        }
    }
}
