package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The point of each socket-server row: who waits, who overlaps, which process serves. */
class SocketServerExamplesTest {
    private static final double FAST = 0.1;

    @Test
    void tcpTimeServerServesClientsOneAfterAnother() throws Exception {
        double work = 0.5;
        DemoRun run = DemoRun.of("tcp-time-server", FAST, "3", Double.toString(work));
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> times = run.all("client \\d got (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6})");
        assertThat(times).as(run.output()).hasSize(3);
        DateTimeFormatter python = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        List<LocalDateTime> sorted = times.stream().map(t -> LocalDateTime.parse(t, python)).sorted().toList();
        Duration oneAnswer = Duration.ofMillis(Math.round(work * FAST * 1000));
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
                    .as("each client was answered only after the one before had its whole answer").isGreaterThanOrEqualTo(oneAnswer);
        }
    }

    @Test
    void tcpThreadImageServerGivesEachConcurrentClientTheExactBytes() throws Exception {
        DemoRun run = DemoRun.of("tcp-thread-image-server", FAST);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.count("guido.jpg, 262144 bytes, identical: true")).as(run.output()).isEqualTo(4);
        assertThat(run.count("sending guido.jpg to")).isEqualTo(4);
    }

    @Test
    void threadSocketServerQAnswersEachMessageAndClientsTalkAtOnce() throws Exception {
        DemoRun run = DemoRun.of("thread-socket-server-q", FAST, "3");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.count("收到收到")).as(run.output()).isEqualTo(6);
        assertThat(run.count("收到客户端发来的消息： q")).as("each client's q reaches its handler").isEqualTo(3);
        assertThat(run.output()).contains("all 3 clients were served at once");
    }

    @Test
    void threadSocketServerUpperEchoesUpperCaseToClientsAtOnce() throws Exception {
        DemoRun run = DemoRun.of("thread-socket-server-upper", FAST, "3");
        assertThat(run.exitCode()).as(run.output()).isZero();
        for (int i = 1; i <= 3; i++) {
            assertThat(run.output()).contains("b'hello from client " + i + "'", "b'HELLO FROM CLIENT " + i + "'",
                    "b'BYE FROM CLIENT " + i + "'");
        }
        assertThat(run.output()).contains("all 3 clients were served at once");
    }

    @Test
    void mpSocketServerServesEachConnectionInADifferentChild() throws Exception {
        DemoRun run = DemoRun.of("mp-socket-server", FAST, "3");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String parent = run.all("主进程pid: (\\d+)").getFirst();
        List<String> children = run.all("子进程pid: (\\d+) serves");
        assertThat(children).as(run.output()).hasSize(3).doesNotContain(parent);
        assertThat(new HashSet<>(children)).as("a different pid for each connection").hasSize(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(run.output()).contains("HELLO FROM CLIENT " + i, "BYE FROM CLIENT " + i);
        }
        assertThat(run.output()).contains("all 3 clients were served at once");
    }
}
