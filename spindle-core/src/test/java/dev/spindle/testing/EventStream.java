package dev.spindle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One browser's view of a dashboard's {@code /events}: the snapshots pushed to it, read in order. */
public final class EventStream implements AutoCloseable {
    private final BufferedReader lines;

    /** Opens the stream of the dashboard at {@code page}. */
    public EventStream(URI page) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) page.resolve("/events").toURL().openConnection();
        assertThat(connection.getResponseCode()).isEqualTo(200);
        assertThat(connection.getContentType()).startsWith("text/event-stream");
        lines = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The next snapshot's JSON; null once the stream has ended. */
    public String next() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("data: ")) {
                return line.substring("data: ".length());
            }
        }
        return null;
    }

    /** Reads snapshots until one shows the pool {@code name} with at least {@code done} tasks done; returns it. */
    public String awaitDone(String name, long done) throws IOException {
        while (true) {
            String json = next();
            assertThat(json).as("the stream ended before " + name + " had done " + done).isNotNull();
            if (counts(json, name)[0] >= done) {
                return json;
            }
        }
    }

    /** The done and failed counts of the pool {@code name} in a snapshot; {-1, -1} if it is not listed. */
    public static long[] counts(String json, String name) {
        Matcher m = Pattern.compile("\"name\":\"" + Pattern.quote(name) + "\",\"kind\":\"[^\"]*\",\"state\":\"[^\"]*\","
                + "\"recording\":\\w+,\"queued\":\\d+,\"running\":\\d+,\"done\":(\\d+),\"failed\":(\\d+)").matcher(json);
        return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : new long[] {-1, -1};
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
