package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The observable point of the `smtp` row of seed-programs.md: the mail reaches the server from the
 * sender to the receivers, subject "test", body "smtp test" in UTF-8, and the program prints
 * 邮件发送成功; a server that refuses the recipient makes it print 邮件发送失败.
 */
class SmtpExamplesTest {
    @Test
    void smtpQqMailArrivesWithItsEnvelopeSubjectAndUtf8BodyAndARefusedRecipientFails() throws Exception {
        DemoRun run = DemoRun.of("smtp-qq-mail", 1);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsSubsequence(
                "trust store holds just that certificate",
                "-- to a server that accepts the mail:",
                "邮件发送成功",
                "the server received, from 10001@qq.com to [10002@qq.com, 10003@qq.com]:",
                "From: yagami_yue <10001@qq.com>",
                "To: sdsdsdsdsdsds <10002@qq.com>, sdsdsdsdsdsds <10003@qq.com>",
                "Subject: test",
                "Content-Type: text/plain; charset=UTF-8",
                "    smtp test\n",
                "    你好，这是一封测试邮件。\n",
                "-- to a server that refuses the recipient nobody@qq.com:",
                "邮件发送失败",
                "550 5.1.1 <nobody@qq.com>",
                "the server received 0 messages");
        assertThat(run.count("邮件发送成功")).isEqualTo(1);
        assertThat(run.count("邮件发送失败")).isEqualTo(1);
    }
}
