package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The multi-process stress harness: several sender processes and several receiver processes on
 * one pipe end each, small messages mixed with messages larger than the ring, and one sender
 * SIGKILLed in the middle of its stream. Every message of a sender that lived arrives exactly
 * once, whole; the killed sender's arrivals are a gapless prefix, each once; each receiver sees
 * each sender's messages in the order they were sent.
 */
@ExtendWith(NoLeaks.class)
class CrossProcessStressTest {
    private static final int SENDERS = 3;
    private static final int RECEIVERS = 2;
    private static final int MESSAGES = 1500;
    private static final int DOOMED = 0;
    private static final int SMALL = 64;
    /** Every so many messages, one larger than the ring: its reader holds the read lock across it. */
    private static final int BIG_EVERY = 150;
    private static final int BIG = 3 * 1024 * 1024;

    /** {@code [out, sender, report]}: sends its stream; the doomed one says when it is halfway. */
    static void send(List<Object> args) throws Exception {
        Connection out = (Connection) args.get(0);
        int sender = (Integer) args.get(1);
        Connection report = (Connection) args.get(2);
        for (int seq = 0; ; seq++) {
            if (sender == DOOMED && seq == MESSAGES / 2) {
                report.send("halfway"); // then it goes on until it is killed, in the middle of something
            }
            if (sender != DOOMED && seq == MESSAGES) {
                break;
            }
            out.sendBytes(PipeFaultsTest.message(sender, seq, seq % BIG_EVERY == BIG_EVERY - 1 ? BIG : SMALL));
        }
        out.close();
        report.close();
    }

    /** Receives to EOF, then reports what it got, in order, as sender * 1_000_000 + seq. */
    static void receive(Connection in, Connection report) throws Exception {
        List<Integer> got = new ArrayList<>();
        try {
            while (true) {
                int[] message = PipeFaultsTest.check(in.recvBytes());
                got.add(message[0] * 1_000_000 + message[1]);
            }
        } catch (EOFException end) {
            report.send(got);
        }
    }

    @Test
    void sendersAndReceiversInManyProcessesLoseNothingAndDuplicateNothingWhenASenderIsKilled() throws Exception {
        Pipe data = Pipe.open(false);
        Pipe doomedReport = Pipe.open(false);
        List<Pipe> reports = new ArrayList<>();
        List<ChildProcess> receivers = new ArrayList<>();
        for (int r = 0; r < RECEIVERS; r++) {
            Pipe report = Pipe.open(false);
            reports.add(report);
            ChildProcess receiver = new ChildProcess(CrossProcessStressTest::receive, data.left(), report.right());
            receiver.start();
            report.right().close();
            receivers.add(receiver);
        }
        data.left().close();
        List<ChildProcess> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            ChildProcess sender = new ChildProcess(CrossProcessStressTest::send, List.<Object>of(data.right(), s, doomedReport.right()));
            sender.start();
            senders.add(sender);
        }
        data.right().close();
        doomedReport.right().close();
        assertThat(doomedReport.left().poll(Deadlines.CHILD)).as("the doomed sender is halfway").isTrue();
        assertThat(doomedReport.left().<String>recv()).isEqualTo("halfway");
        senders.get(DOOMED).kill();
        doomedReport.left().close();

        List<List<Integer>> received = new ArrayList<>();
        for (Pipe report : reports) {
            assertThat(report.left().poll(Deadlines.CHILD)).as("a receiver reached EOF and reports").isTrue();
            received.add(report.left().recv());
            report.left().close();
        }
        for (ChildProcess p : receivers) {
            p.join(Deadlines.CHILD);
            assertThat(p.exitCode()).isZero();
        }
        for (ChildProcess p : senders) {
            p.join(Deadlines.CHILD);
        }
        assertThat(senders.get(DOOMED).exitCode()).isEqualTo(-9);

        Set<Integer> all = new HashSet<>();
        for (List<Integer> one : received) {
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                List<Integer> seqs = one.stream().filter(m -> m / 1_000_000 == sender).map(m -> m % 1_000_000).toList();
                assertThat(seqs).as("receiver order of sender " + s).isSorted();
            }
            for (Integer m : one) {
                assertThat(all.add(m)).as("message " + m + " arrived once").isTrue();
            }
        }
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            Set<Integer> seqs = new HashSet<>();
            all.stream().filter(m -> m / 1_000_000 == sender).forEach(m -> seqs.add(m % 1_000_000));
            int expected = s == DOOMED ? seqs.size() : MESSAGES;
            assertThat(seqs).as("sender " + s + ": a gapless run from 0").hasSize(expected)
                    .allMatch(seq -> seq < expected);
        }
        long doomedArrived = all.stream().filter(m -> m / 1_000_000 == DOOMED).count();
        assertThat(doomedArrived).as("the killed sender got halfway before it died").isGreaterThanOrEqualTo(MESSAGES / 2 - 1);
    }
}
