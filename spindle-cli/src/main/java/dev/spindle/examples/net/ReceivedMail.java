package dev.spindle.examples.net;

import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A message the local SMTPS server accepted: the envelope (SMTP's {@code MAIL FROM} and
 * {@code RCPT TO}, what {@code smtplib.sendmail(sender, receivers, ...)} gives) and the message
 * itself, parsed as it arrived.
 */
public record ReceivedMail(String envelopeFrom, List<String> envelopeRecipients, MimeMessage message) {
    public ReceivedMail {
        envelopeRecipients = List.copyOf(envelopeRecipients);
    }
}
