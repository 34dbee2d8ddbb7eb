package dev.spindle.examples.net;

import dev.spindle.examples.Example;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Optional;

/**
 * The seed's {@code RSAKey(file_obj=StringIO(key_str))}: a private key parsed from a string, a
 * {@code Transport} logged in with it, {@code df}'s output printed. The seed's own key string is
 * garbled ("asdfasdf…" typed over its middle), so it does not parse: the port shows that, then does
 * the same with the text of a key made for the run.
 */
public final class SshTransportExecKeystring extends Example {
    /** The seed's key_str, as printed in the seed. */
    static final String SEED_KEY = """
            -----BEGIN RSA PRIVATE KEY-----
            MIIEpQIBAAKCAQEAq7gLsqYArAFco02/55IgNg0r7NXOtEM3qXpb/dabJ5Uyky/8
            NEHhFiQ7deHIRIuTW5Zb0kD6h6EBbVlUMBmwJrC2oSzySLU1w+ZNfH0PE6W6fans
            H80whhuc/YgP+fjiO+VR/gFcqib8Rll5UfYzf5H8uuOnDeIXGCVgyHQSmt8if1+e
            7hn1MVO1Lrm9Fco8ABI7dyv8/ZEwoSfh2C9rGYgA58LT1FkBRkOePbHD43xNfAYC
            tfLvz6LErMnwdOW4sNMEWWAWv1fsTB35PAm5CazfKzmam9n5IQXhmUNcNvmaZtvP
            c4f4g59mdsaWNtNaY96UjOfx83Om86gmdkKcnwIDAQABAoIBAQCnDBGFJuv8aA7A
            ZkBLe+GN815JtOyye7lIS1n2I7En3oImoUWNaJEYwwJ8+LmjxMwDCtAkR0XwbvY+
            c+nsKPEtkjb3sAu6I148RmwWsGncSRqUaJrljOypaW9dS+GO4Ujjz3/lw1lrxSUh
            IqVc0E7kyRW8kP3QCaNBwArYteHreZFFp6XmtKMtXaEA3saJYILxaaXlYkoRi4k8
            S2/K8aw3ZMR4tDCOfB4o47JaeiA/e185RK3A+mLn9xTDhTdZqTQpv17/YRPcgmwz
            zu30fhVXQT/SuI0sO+bzCO4YGoEwoBX718AWhdLJFoFq1B7k2ZEzXTAtjEXQEWm6
            01ndU/jhAasdfasdasdfasdfa3eraszxqwefasdfadasdffsFIfAsjQb4HdkmHuC
            OeJrJOd+CYvdEeqJJNnF6AbHyYHIECkj0Qq1kEfLOEsqzd5nDbtkKBte6M1trbjl
            HtJ2Yb8w6o/q/6Sbj7wf/cW3LIYEdeVCjScozVcQ9R83ea05J+QOAr4nAoGBAMaq
            UzLJfLNWZ5Qosmir2oHStFlZpxspax/ln7DlWLW4wPB4YJalSVovF2Buo8hr8X65
            lnPiE41M+G0Z7icEXiFyDBFDCtzx0x/RmaBokLathrFtI81UCx4gQPLaSVNMlvQA
            539GsubSrO4LpHRNGg/weZ6EqQOXvHvkUkm2bDDJAoGATytFNxen6GtC0ZT3SRQM
            WYfasdf3xbtuykmnluiofasd2sfmjnljkt7khghmghdasSDFGQfgaFoKfaawoYeH
            C2XasVUsVviBn8kPSLSVBPX4JUfQmA6h8HsajeVahxN1U9e0nYJ0sYDQFUMTS2t8
            RT57+WK/0ONwTWHdu+KnaJECgYEAid/ta8LQC3p82iNAZkpWlGDSD2yb/8rH8NQg
            9tjEryFwrbMtfX9qn+8srx06B796U3OjifstjJQNmVI0qNlsJpQK8fPwVxRxbJS/
            pMbNICrf3sUa4sZgDOFfkeuSlgACh4cVIozDXlR59Z8Y3CoiW0uObEgvMDIfenAj
            98pl3ZkCgYEAj/UCSni0dwX4pnKNPm6LUgiS7QvIgM3H9piyt8aipQuzBi5LUKWw
            DlQC4Zb73nHgdREtQYYXTu7p27Bl0Gizz1sW2eSgxFU8eTh+ucfVwOXKAXKU5SeI
            +MbuBfUYQ4if2N/BXn47+/ecf3A4KgB37Le5SbLDddwCNxGlBzbpBa0=
            -----END RSA PRIVATE KEY-----
            """;

    public SshTransportExecKeystring() {
        super("ssh-transport-exec-keystring", "an RSA key parsed from a string (the seed's garbled one is refused): df's output");
    }

    @Override
    public void run(String... args) throws Exception {
        try {
            SshKeys.parse(SEED_KEY);
            System.out.println("the seed's key string parsed");
        } catch (IOException | GeneralSecurityException | IllegalArgumentException garbled) {
            System.out.println("the seed's key string does not parse: " + garbled.getClass().getSimpleName());
        }
        KeyPair generated = SshKeys.generateUserKey();
        String keyString = SshKeys.toOpenSsh(generated);
        System.out.println("generated an RSA key; its private half as a string begins "
                + keyString.lines().findFirst().orElse(""));
        SshLogin login = new SshLogin.Key(SshSeed.USER, SshKeys.parse(keyString));
        try (LocalSshServer server = SshSeed.server(Optional.of(generated.getPublic()));
                SshConnection transport = SshConnection.open(server.host(), login, SshSeed.TIMEOUT)) {
            System.out.println("transport open, logged in as " + login + " parsed from the string");
            SshSeed.printDf(transport.exec("df"));
        }
    }
}
