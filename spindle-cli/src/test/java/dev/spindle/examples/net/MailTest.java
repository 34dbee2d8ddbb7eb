package dev.spindle.examples.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Mail} against real servers on 127.0.0.1 (ports the OS picks): the local SMTPS server, and raw
 * sockets that drop or stall the connection. The client trusts only the certificate made for the run.
 */
class MailTest {
    private static final String SENDER = "10001@qq.com";
    private static final String PASSWORD = "app-password";
    private static final List<String> RECEIVERS = List.of("10002@qq.com", "10003@qq.com");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static TestCertificate certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = TestCertificate.generate();
    }

    private static Mail mail(int port, List<String> receivers, String password, Duration timeout) throws Exception {
        return new Mail("127.0.0.1", port, SENDER, password, receivers, certificate.clientContext(), timeout);
    }

    @Test
    void theServerReceivesTheMessageFromTheSenderToTheReceiversWithSubjectAndUtf8Body() throws Exception {
        try (LocalSmtpsServer server = LocalSmtpsServer.start(certificate, SENDER, PASSWORD, Set.of())) {
            assertThat(mail(server.port(), RECEIVERS, PASSWORD, TIMEOUT).send()).isTrue();

            assertThat(server.received()).hasSize(1);
            ReceivedMail received = server.received().getFirst();
            assertThat(received.envelopeFrom()).isEqualTo(SENDER);
            assertThat(received.envelopeRecipients()).containsExactlyElementsOf(RECEIVERS);
            MimeMessage message = received.message();
            InternetAddress from = (InternetAddress) message.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo(SENDER);
            assertThat(from.getPersonal()).isEqualTo("yagami_yue");
            assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(a -> ((InternetAddress) a).getAddress())).containsExactlyElementsOf(RECEIVERS);
            assertThat(message.getSubject()).isEqualTo("test");
            assertThat(message.isMimeType("text/plain")).isTrue();
            assertThat(message.getContentType()).containsIgnoringCase("charset=UTF-8");
            assertThat(message.getContent()).isEqualTo("smtp test\n你好，这是一封测试邮件。");
            try (InputStream body = message.getInputStream()) { // the body's bytes, the transfer encoding undone
                assertThat(body.readAllBytes()).isEqualTo(Mail.CONTENT.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aRefusedRecipientFailsTheSendWithTheServersReplyAndNothingIsDelivered() throws Exception {
        String unknown = "nobody@qq.com";
        try (LocalSmtpsServer server = LocalSmtpsServer.start(certificate, SENDER, PASSWORD, Set.of(unknown))) {
            Mail mail = mail(server.port(), List.of(unknown), PASSWORD, TIMEOUT);
            assertThatThrownBy(mail::deliver).isInstanceOfSatisfying(SendFailedException.class, e -> {
                assertThat(e.getInvalidAddresses()).extracting(Object::toString).containsExactly(unknown);
                assertThat(Mail.why(e)).contains("550 5.1.1 <nobody@qq.com>: mailbox unavailable, recipient refused");
            });
            assertThat(mail.send()).as("the seed's 邮件发送失败 path").isFalse();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aWrongAppPasswordFailsTheLogin() throws Exception {
        try (LocalSmtpsServer server = LocalSmtpsServer.start(certificate, SENDER, PASSWORD, Set.of())) {
            assertThatThrownBy(mail(server.port(), RECEIVERS, "wrong", TIMEOUT)::deliver)
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aServerWithAnotherCertificateIsNotTrusted() throws Exception {
        TestCertificate other = TestCertificate.generate();
        try (LocalSmtpsServer server = LocalSmtpsServer.start(other, SENDER, PASSWORD, Set.of())) {
            assertThatThrownBy(mail(server.port(), RECEIVERS, PASSWORD, TIMEOUT)::deliver)
                    .isInstanceOf(MessagingException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .hasRootCauseInstanceOf(CertPathBuilderException.class); // PKIX: no path to a trusted certificate
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aServerThatDropsTheConnectionAtOnceFailsTheSend() throws Exception {
        try (RawServer server = new RawServer(Socket::close)) {
            assertThatThrownBy(mail(server.port(), RECEIVERS, PASSWORD, TIMEOUT)::deliver)
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("Could not connect to SMTP host: 127.0.0.1, port: " + server.port())
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aServerThatGreetsAndThenDropsTheConnectionFailsTheSend() throws Exception {
        ServerSocket tls = certificate.serverContext().getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        try (RawServer server = new RawServer(tls, socket -> {
            try (socket; OutputStream out = socket.getOutputStream()) {
                out.write("220 127.0.0.1 ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        })) {
            assertThatThrownBy(mail(server.port(), RECEIVERS, PASSWORD, TIMEOUT)::deliver)
                    .isInstanceOf(MessagingException.class)
                    // after the greeting: EHLO finds the socket closed, or its reply is the end of the stream
                    .hasMessageMatching("(?s)(Can't send command to SMTP host|\\[EOF\\]).*");
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the read timeout the send would wait for ever: fail instead of hanging the build
    void aServerThatNeverAnswersFailsTheSendAtTheTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (RawServer server = new RawServer(held::add)) {
            assertThatThrownBy(mail(server.port(), RECEIVERS, PASSWORD, Duration.ofMillis(500))::deliver)
                    .isInstanceOf(MessagingException.class)
                    .hasCauseInstanceOf(SocketTimeoutException.class);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** A server on 127.0.0.1 that hands each connection it accepts to {@code handler}, in a virtual thread. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final ExecutorService acceptor = Executors.newVirtualThreadPerTaskExecutor();

        interface Handler {
            void handle(Socket socket) throws IOException;
        }

        RawServer(Handler handler) throws IOException {
            this(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), handler);
        }

        RawServer(ServerSocket socket, Handler handler) {
            this.socket = socket;
            acceptor.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        handler.handle(socket.accept());
                    } catch (IOException closedOrDropped) {
                        // closed: the loop ends; a client that went away: the next one
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            acceptor.close(); // waits for the accept loop to end
        }
    }
}
