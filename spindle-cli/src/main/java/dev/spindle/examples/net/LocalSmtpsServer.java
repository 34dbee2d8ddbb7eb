package dev.spindle.examples.net;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTPS server (SubEthaSMTP) on 127.0.0.1, on a port the OS picks, standing in for
 * smtp.qq.com:465: TLS from the first byte with a {@link TestCertificate}, {@code AUTH} required with
 * one account's password (QQ's app password, 授权码), and every accepted message kept in
 * {@link #received()}. The addresses in {@code refused} are refused at {@code RCPT TO} with 550, as a
 * server refuses a mailbox it does not know. Each connection is served by a virtual thread.
 */
public final class LocalSmtpsServer implements AutoCloseable {
    /** SubEthaSMTP says "starting", "started", "stopped" at INFO on every run: only its warnings are worth printing. */
    private static final Logger SERVER_LOG = Logger.getLogger("org.subethamail");

    static {
        SERVER_LOG.setLevel(Level.WARNING);
    }

    private final SMTPServer server;
    private final ExecutorService sessions;
    private final List<ReceivedMail> received = new CopyOnWriteArrayList<>();

    private LocalSmtpsServer(TestCertificate certificate, String user, String password, Set<String> refused)
            throws GeneralSecurityException {
        Session parsing = Session.getInstance(new Properties());
        sessions = Executors.newVirtualThreadPerTaskExecutor();
        server = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("127.0.0.1")
                .serverSocketFactory(certificate.serverContext())
                .executorService(sessions)
                .requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((login, secret, context) -> {
                    if (!login.equals(user) || !secret.equals(password)) {
                        throw new LoginFailedException("535 authentication failed");
                    }
                }))
                .messageHandlerFactory(context -> new Transaction(parsing, refused))
                .build();
    }

    /** Starts a server that accepts mail from {@code user} logged in with {@code password}, for any recipient not in {@code refused}. */
    public static LocalSmtpsServer start(TestCertificate certificate, String user, String password, Set<String> refused)
            throws GeneralSecurityException {
        LocalSmtpsServer local = new LocalSmtpsServer(certificate, user, password, refused);
        local.server.start();
        return local;
    }

    /** The port the OS gave the server. */
    public int port() {
        return server.getPortAllocated();
    }

    /** The messages accepted so far, in the order they were accepted. */
    public List<ReceivedMail> received() {
        return List.copyOf(received);
    }

    /** Stops listening, closes the open connections and waits for their threads. */
    @Override
    public void close() {
        server.stop();
        sessions.close();
    }

    /** One mail transaction of a connection: the envelope as it comes, then the message. */
    private final class Transaction implements MessageHandler {
        private final Session parsing;
        private final Set<String> refused;
        private String from;
        private final List<String> recipients = new ArrayList<>();

        Transaction(Session parsing, Set<String> refused) {
            this.parsing = parsing;
            this.refused = refused;
        }

        @Override
        public void from(String from) {
            this.from = from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (refused.contains(recipient)) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: mailbox unavailable, recipient refused");
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            try {
                received.add(new ReceivedMail(from, recipients, new MimeMessage(parsing, data)));
            } catch (MessagingException e) {
                throw new RejectException(554, "5.6.0 message unreadable: " + e.getMessage());
            }
            return null;
        }

        @Override
        public void done() {
            // nothing held: the message was kept whole in data()
        }
    }
}
