package dev.spindle.internal.web;

/**
 * A JSON text written in order: objects, arrays, strings and numbers, with the commas and the
 * escapes. Enough for the dashboard's snapshots; nothing here parses.
 */
final class Json {
    private final StringBuilder out = new StringBuilder(4096);
    /** True right after an opening bracket or a key: the next value needs no comma. */
    private boolean first = true;

    Json beginObject() {
        separate();
        out.append('{');
        first = true;
        return this;
    }

    Json endObject() {
        out.append('}');
        first = false;
        return this;
    }

    Json beginArray() {
        separate();
        out.append('[');
        first = true;
        return this;
    }

    Json endArray() {
        out.append(']');
        first = false;
        return this;
    }

    Json key(String name) {
        separate();
        string(name);
        out.append(':');
        first = true;
        return this;
    }

    Json value(String text) {
        separate();
        string(text);
        first = false;
        return this;
    }

    Json value(long number) {
        separate();
        out.append(number);
        first = false;
        return this;
    }

    Json value(double number) {
        separate();
        out.append(Double.isFinite(number) ? Double.toString(number) : "null");
        first = false;
        return this;
    }

    Json value(boolean flag) {
        separate();
        out.append(flag);
        first = false;
        return this;
    }

    Json field(String name, String text) {
        return key(name).value(text);
    }

    Json field(String name, long number) {
        return key(name).value(number);
    }

    Json field(String name, double number) {
        return key(name).value(number);
    }

    Json field(String name, boolean flag) {
        return key(name).value(flag);
    }

    private void separate() {
        if (!first) {
            out.append(',');
        }
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Below space, and the two line separators JavaScript once refused, as escapes;
                    // '<' too, so no text can close a script element.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '<') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
