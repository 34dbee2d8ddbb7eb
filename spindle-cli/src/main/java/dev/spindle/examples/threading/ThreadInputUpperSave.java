package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.queue.Queue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * 练习二: one thread reads input lines, one upper-cases them, one appends them to db.txt. The seed
 * passes them through two lists that its threads poll in busy loops (burning CPU) and never exits;
 * here they pass through two blocking queues, in order, and an end of input (an empty Optional)
 * travels down the line so that every thread ends.
 */
public final class ThreadInputUpperSave extends Example {
    public ThreadInputUpperSave() {
        super("thread-input-upper-save", "three threads: read input, upper-case it, append it to db.txt (through blocking queues)");
    }

    @Override
    public void run(String... args) throws Exception {
        Path db = Files.createTempDirectory("spindle-db-").resolve("db.txt");
        Queue<Optional<String>> msgL = Context.threads().queue();
        Queue<Optional<String>> formatL = Context.threads().queue();
        Thread t1 = Thread.ofPlatform().start(() -> talk(msgL));
        Thread t2 = Thread.ofPlatform().start(() -> formatMsg(msgL, formatL));
        Thread t3 = Thread.ofPlatform().start(() -> save(formatL, db));
        t1.join();
        t2.join();
        t3.join();
        System.out.println(db + ":");
        Files.readAllLines(db).forEach(System.out::println);
    }

    private static void talk(Queue<Optional<String>> msgL) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println(">>: ");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String msg = line.strip();
                if (!msg.isEmpty()) {
                    msgL.put(Optional.of(msg));
                }
            }
            msgL.put(Optional.empty());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void formatMsg(Queue<Optional<String>> msgL, Queue<Optional<String>> formatL) {
        try {
            for (Optional<String> res = msgL.take(); ; res = msgL.take()) {
                formatL.put(res.map(String::toUpperCase));
                if (res.isEmpty()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void save(Queue<Optional<String>> formatL, Path db) {
        try {
            Files.writeString(db, "", StandardOpenOption.CREATE);
            for (Optional<String> res = formatL.take(); res.isPresent(); res = formatL.take()) {
                Files.writeString(db, res.get() + "\n", StandardOpenOption.APPEND);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
