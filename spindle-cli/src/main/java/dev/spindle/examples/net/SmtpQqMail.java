package dev.spindle.examples.net;

import dev.spindle.examples.Example;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The seed's QQ mail: log in to an SMTPS server with an app password and send a plain-text UTF-8 mail
 * to the receivers; print 邮件发送成功, or 邮件发送失败 on an SMTP error. Offline, smtp.qq.com:465 is a
 * {@link LocalSmtpsServer} on 127.0.0.1 with a certificate made for this run, which the client
 * trusts alone. The run sends twice: to a server that accepts, then printing what it received
 * (envelope, headers, the UTF-8 body); and to one that refuses the recipient, the seed's failure path.
 *
 * <p>The seed's own bugs are not ported: {@code formataddr} is used without its import (NameError), a
 * tab breaks its indentation (TabError), and its {@code __main__} block is there twice, which would send
 * the mail twice. Where CPython catches only {@code smtplib.SMTPException}, so that a refused TLS
 * handshake escapes as an {@code OSError}, Jakarta Mail wraps every failure in a
 * {@code MessagingException}: here each one prints 邮件发送失败.
 */
public final class SmtpQqMail extends Example {
    static final String SENDER = "10001@qq.com";
    static final List<String> RECEIVERS = List.of("10002@qq.com", "10003@qq.com");
    static final String UNKNOWN_RECEIVER = "nobody@qq.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public SmtpQqMail() {
        super("smtp-qq-mail", "SMTP over TLS to a local server: the mail arrives (UTF-8 intact); a refused recipient fails",
                "\"邮件发送成功\" is \"mail sent\", \"邮件发送失败\" is \"sending failed\"");
    }

    @Override
    public void run(String... args) throws Exception {
        TestCertificate certificate = TestCertificate.generate();
        System.out.println("the local SMTPS servers present a certificate made for 127.0.0.1 for this run; the client's");
        System.out.println("trust store holds just that certificate (SHA-256 " + certificate.fingerprint() + ")");
        String appPassword = "app-password-" + Long.toHexString(System.nanoTime()); // 获取的授权码

        System.out.println("-- to a server that accepts the mail:");
        try (LocalSmtpsServer server = LocalSmtpsServer.start(certificate, SENDER, appPassword, Set.of())) {
            new Mail("127.0.0.1", server.port(), SENDER, appPassword, RECEIVERS, certificate.clientContext(), TIMEOUT).send();
            for (ReceivedMail mail : server.received()) {
                print(mail);
            }
        }

        System.out.println("-- to a server that refuses the recipient " + UNKNOWN_RECEIVER + ":");
        try (LocalSmtpsServer server = LocalSmtpsServer.start(certificate, SENDER, appPassword, Set.of(UNKNOWN_RECEIVER))) {
            new Mail("127.0.0.1", server.port(), SENDER, appPassword, List.of(UNKNOWN_RECEIVER), certificate.clientContext(),
                    TIMEOUT).send();
            System.out.println("the server received " + server.received().size() + " messages");
        }
    }

    private static void print(ReceivedMail mail) throws Exception {
        MimeMessage message = mail.message();
        System.out.println("the server received, from " + mail.envelopeFrom() + " to " + mail.envelopeRecipients() + ":");
        for (String header : List.of("From", "To", "Subject", "Content-Type", "Content-Transfer-Encoding")) {
            System.out.println("  " + header + ": " + message.getHeader(header, ", "));
        }
        System.out.println("  body:");
        message.getContent().toString().lines().forEach(line -> System.out.println("    " + line));
    }
}
