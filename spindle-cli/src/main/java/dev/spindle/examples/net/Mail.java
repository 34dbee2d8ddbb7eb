package dev.spindle.examples.net;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * The seed's {@code Mail}: {@code smtplib.SMTP_SSL(host, 465)}, {@code login(sender, password)},
 * {@code sendmail(sender, receivers, message)}, {@code quit()} — here Jakarta Mail's {@code smtps}
 * transport (TLS from the first byte) — and a plain-text message in UTF-8 ({@code MIMEText(content,
 * 'plain', 'utf-8')}) from {@code formataddr(('yagami_yue', sender))}.
 *
 * <p>TLS trusts what {@code trust} trusts and checks that the server's certificate names the host;
 * connecting and each read give up after {@code timeout}, so a server that drops or stalls the
 * connection fails the send instead of hanging it.
 */
public final class Mail {
    /** The seed's subject. */
    public static final String SUBJECT = "test";
    /** The seed's body ("smtp test"), and a line of Chinese so that its UTF-8 has something to carry. */
    public static final String CONTENT = "smtp test\n你好，这是一封测试邮件。";
    /** The display names the seed gives (formataddr); the second, its comment says, has no effect (前面参数不生效，随便写). */
    static final String SENDER_NAME = "yagami_yue";
    static final String RECEIVER_NAME = "sdsdsdsdsdsds";

    private final String mailHost;
    private final int port;
    private final String mailPass;
    private final String sender;
    private final List<String> receivers;
    private final SSLContext trust;
    private final Duration timeout;

    /**
     * @param mailHost  the SMTPS server (the seed's smtp.qq.com)
     * @param port      its port (the seed's 465)
     * @param sender    the account, and the mail's sender
     * @param mailPass  the account's password (QQ's app password, 授权码)
     * @param receivers where the mail goes
     * @param trust     the TLS context whose trust store decides which server certificates are accepted
     * @param timeout   the most a connect or a read of a reply may take
     */
    public Mail(String mailHost, int port, String sender, String mailPass, List<String> receivers, SSLContext trust,
            Duration timeout) {
        this.mailHost = mailHost;
        this.port = port;
        this.sender = sender;
        this.mailPass = mailPass;
        this.receivers = List.copyOf(receivers);
        this.trust = trust;
        this.timeout = timeout;
    }

    /** The seed's {@code send()}: sends, and prints 邮件发送成功, or 邮件发送失败 and why. Returns whether it sent. */
    public boolean send() {
        try {
            deliver();
            System.out.println("邮件发送成功");
            return true;
        } catch (MessagingException e) { // smtplib.SMTPException
            System.out.println("邮件发送失败");
            System.out.println("  (" + why(e) + ")");
            return false;
        }
    }

    /** Sends the message, or throws why not: a refused recipient is a {@link jakarta.mail.SendFailedException}. */
    public void deliver() throws MessagingException {
        Session session = Session.getInstance(properties());
        MimeMessage message = message(session);
        try (Transport smtpObj = session.getTransport("smtps")) {
            smtpObj.connect(mailHost, port, sender, mailPass);
            smtpObj.sendMessage(message, InternetAddress.parse(String.join(",", receivers)));
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put("mail.smtps.ssl.socketFactory", trust.getSocketFactory());
        props.put("mail.smtps.ssl.checkserveridentity", "true");
        props.put("mail.smtps.auth", "true");
        props.put("mail.smtps.from", sender); // the envelope's sender: sendmail(self.sender, ...)
        props.put("mail.smtps.connectiontimeout", Long.toString(timeout.toMillis()));
        props.put("mail.smtps.timeout", Long.toString(timeout.toMillis()));
        return props;
    }

    private MimeMessage message(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setText(CONTENT, StandardCharsets.UTF_8.name(), "plain");
        try {
            message.setFrom(new InternetAddress(sender, SENDER_NAME, StandardCharsets.UTF_8.name()));
            Address[] to = new Address[receivers.size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(receivers.get(i), RECEIVER_NAME, StandardCharsets.UTF_8.name());
            }
            message.setRecipients(Message.RecipientType.TO, to);
        } catch (UnsupportedEncodingException e) {
            throw new AssertionError("UTF-8 is always supported", e);
        }
        message.setSubject(SUBJECT, StandardCharsets.UTF_8.name());
        return message;
    }

    /** The failure and its causes, one after the other: the server's reply is often the innermost. */
    static String why(Throwable failure) {
        StringBuilder why = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (!why.isEmpty()) {
                why.append(" <- ");
            }
            why.append(t.getClass().getSimpleName()).append(": ").append(String.valueOf(t.getMessage()).strip());
        }
        return why.toString();
    }
}
