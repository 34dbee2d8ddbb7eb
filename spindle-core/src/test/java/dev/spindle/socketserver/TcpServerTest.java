package dev.spindle.socketserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each way of serving shows its point; the serving loop's API behaves as Python's. */
@ExtendWith(NoLeaks.class)
class TcpServerTest {
    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private static TcpServer.Builder anyPort() {
        return TcpServer.bind("127.0.0.1", 0);
    }

    static void recordedEcho(StreamRequest request) throws Exception {
        String name = request.readLine();
        EVENTS.add("start " + name);
        request.writeLine("hello " + name);
        Handlers.upperEcho(request);
        EVENTS.add("end " + name);
    }

    @Test
    void oneAtATimeMakesASecondClientWaitUntilTheFirstHasGone() throws Exception {
        EVENTS.clear();
        try (TcpServer server = anyPort().oneAtATime().open(TcpServerTest::recordedEcho).start()) {
            LineClient first = new LineClient(server.address());
            assertThat(first.ask("first")).isEqualTo("hello first");
            try (LineClient second = new LineClient(server.address())) {
                try (first) {
                    second.send("second\n");
                    assertThat(second.waitsFor(Deadlines.QUIET)).as("the second client is not served meanwhile").isTrue();
                    assertThat(first.ask("still me")).isEqualTo("STILL ME");
                }
                assertThat(second.readLine()).isEqualTo("hello second");
            }
            assertThat(EVENTS).startsWith("start first", "end first", "start second");
        }
    }

    @Test
    void threadPerConnectionServesClientsAtOnce() throws Exception {
        try (TcpServer server = anyPort().threadPerConnection().open(Handlers::upperEcho).start();
             LineClient first = new LineClient(server.address());
             LineClient second = new LineClient(server.address())) {
            assertThat(first.ask("a")).isEqualTo("A");
            assertThat(second.ask("b")).as("served while the first is still connected").isEqualTo("B");
            assertThat(first.ask("c")).isEqualTo("C");
        }
    }

    @Test
    void processPerConnectionServesEachConnectionInAChildOfItsOwn() throws Exception {
        try (TcpServer server = anyPort().processPerConnection().open(Handlers::pidThenEcho).start();
             LineClient first = new LineClient(server.address());
             LineClient second = new LineClient(server.address());
             LineClient third = new LineClient(server.address())) {
            Set<Long> pids = new HashSet<>();
            for (LineClient client : List.of(first, second, third)) {
                pids.add(Long.parseLong(client.readLine()));
            }
            assertThat(pids).hasSize(3).doesNotContain(ProcessHandle.current().pid());
            assertThat(first.ask("one")).isEqualTo("ONE");
            assertThat(third.ask("三")).isEqualTo("三");
        }
    }

    @Test
    void aProcessPoolServesWAtOnceAndTheRestWait() throws Exception {
        try (TcpServer server = anyPort().processPool(2).open(Handlers::pidThenEcho).start()) {
            Set<Long> pids = new HashSet<>();
            LineClient first = new LineClient(server.address());
            pids.add(Long.parseLong(first.readLine()));
            try (LineClient second = new LineClient(server.address())) {
                pids.add(Long.parseLong(second.readLine()));
                assertThat(pids).hasSize(2);
                try (LineClient third = new LineClient(server.address())) {
                    try (first) {
                        assertThat(third.waitsFor(Deadlines.QUIET)).as("a third client waits for a free child").isTrue();
                    }
                    long servedBy = Long.parseLong(third.readLine());
                    assertThat(pids).as("never more than the pool's children").contains(servedBy);
                    assertThat(third.ask("x")).isEqualTo("X");
                }
            }
        }
    }

    @Test
    void aFailingHandlerIsLoggedAndTheServerGoesOn() throws Exception {
        for (TcpServer.Builder builder : List.of(anyPort(), anyPort().threadPerConnection(), anyPort().processPool(1))) {
            try (TcpServer server = builder.open(Handlers::upperEcho).start()) {
                try (LineClient failing = new LineClient(server.address())) {
                    failing.send("fail\n");
                    assertThat(failing.closedByServer()).as(server + ": the failing handler's connection closes").isTrue();
                }
                try (LineClient next = new LineClient(server.address())) {
                    assertThat(next.ask("next")).as(server + " still serves").isEqualTo("NEXT");
                }
            }
        }
    }

    @Test
    void shutdownEndsServeForeverWhichCanServeAgain() throws Exception {
        try (TcpServer server = anyPort().threadPerConnection().open(Handlers::upperEcho)) {
            CountDownLatch ended = new CountDownLatch(2);
            AtomicInteger failures = new AtomicInteger();
            for (int round = 0; round < 2; round++) {
                Thread serving = Thread.ofPlatform().start(() -> {
                    try {
                        server.serveForever();
                    } catch (InterruptedException e) {
                        failures.incrementAndGet();
                    }
                    ended.countDown();
                });
                Deadlines.await("serving", Deadlines.PROMPT, () -> serving.getState() != Thread.State.NEW);
                try (LineClient client = new LineClient(server.address())) {
                    assertThat(client.ask("round " + round)).isEqualTo("ROUND " + round);
                }
                assertThatThrownBy(server::serveForever).isInstanceOf(IllegalStateException.class).hasMessageContaining("already serving");
                server.shutdown();
                serving.join();
            }
            assertThat(ended.getCount()).isZero();
            assertThat(failures).hasValue(0);
        }
    }

    @Test
    void shutdownBeforeServingMakesTheNextServeForeverReturnAtOnce() throws Exception {
        try (TcpServer server = anyPort().open(Handlers::upperEcho)) {
            server.shutdown();
            server.serveForever();
            server.start();
            try (LineClient client = new LineClient(server.address())) {
                assertThat(client.ask("again")).isEqualTo("AGAIN");
            }
        }
    }

    @Test
    void handleRequestServesOneConnection() throws Exception {
        try (TcpServer server = anyPort().open(Handlers::upperEcho)) {
            Thread serving = Thread.ofPlatform().start(() -> {
                try {
                    assertThat(server.handleRequest()).isTrue();
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            try (LineClient client = new LineClient(server.address())) {
                assertThat(client.ask("once")).isEqualTo("ONCE");
            }
            serving.join();
        }
    }

    @Test
    void closeIsIdempotentAndAClosedServerRefusesToServe() throws Exception {
        TcpServer server = anyPort().processPool(1).open(Handlers::upperEcho).start();
        InetSocketAddress address = server.address();
        server.close();
        server.close();
        assertThatThrownBy(server::serveForever).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> new LineClient(address).close()).isInstanceOf(IOException.class);
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (TcpServer first = anyPort().open(Handlers::upperEcho)) {
            assertThatThrownBy(() -> TcpServer.bind(first.address()).open(Handlers::upperEcho))
                    .isInstanceOf(BindException.class);
            assertThatThrownBy(() -> TcpServer.bind(first.address()).processPool(1).open(Handlers::upperEcho))
                    .isInstanceOf(IOException.class).hasMessageContaining("Address already in use");
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> anyPort().processPool(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anyPort().timeout(java.time.Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anyPort().maxLine(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anyPort().open(null)).isInstanceOf(NullPointerException.class);
    }
}
