package dev.spindle.socketserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A buffered input that also reads lines, so a handler can mix the two without losing bytes. */
final class LineInput extends InputStream {
    private static final int BUFFER = 8192;

    private final InputStream source;
    private final int maxLine;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;

    LineInput(InputStream source, int maxLine) {
        this.source = source;
        this.maxLine = maxLine;
    }

    /** Fills the buffer if it is empty; false at end of stream. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int read = source.read(buffer, 0, BUFFER);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    @Override
    public int read() throws IOException {
        return fill() ? buffer[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, bytes, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    /** The next line without its terminator; null at end of stream with nothing read. */
    String readLine() throws IOException {
        byte[] line = new byte[64];
        int length = 0;
        while (fill()) {
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            int n = end - position;
            if (length + n > maxLine) {
                throw new IOException("line longer than " + maxLine + " bytes");
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(buffer, position, line, length, n);
            length += n;
            position = end;
            if (newline >= 0) {
                position++;
                return decode(line, length);
            }
        }
        return length == 0 ? null : decode(line, length);
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] line, int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }
}
