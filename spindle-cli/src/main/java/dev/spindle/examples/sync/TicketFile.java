package dev.spindle.examples.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seeds' ticket file: one number, read and written whole (f1.txt). */
final class TicketFile {
    private TicketFile() {}

    /** A new f1.txt holding {@code tickets}, in a folder of its own. */
    static Path create(int tickets) throws IOException {
        Path file = Files.createTempDirectory("spindle-demo-").resolve("f1.txt");
        Files.writeString(file, Integer.toString(tickets));
        return file;
    }

    static int read(Path file) throws IOException {
        return Integer.parseInt(Files.readString(file).trim());
    }

    static void write(Path file, int tickets) throws IOException {
        Files.writeString(file, Integer.toString(tickets));
    }

    /** Removes the file and its folder. */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.getParent());
    }
}
