package dev.spindle.examples.process;

import dev.spindle.SerializationException;
import dev.spindle.multiprocessing.ChildProcess;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The two fork-only buffer programs, as a child JVM shows them: a file object cannot be sent to
 * a child (a clear error at start), and the child, opening the file by name, duplicates nothing.
 */
final class BufferedFileContrast {
    /** Python's global {@code name = []}, filled in the parent: a child starts with its own. */
    static final List<String> NAME = new ArrayList<>();

    private BufferedFileContrast() {}

    static void task(Path file) throws Exception {
        System.out.println(NAME);
        Files.writeString(file, "alex\n", StandardOpenOption.APPEND);
    }

    static void run(boolean flushBeforeStart) throws Exception {
        Path file = Files.createTempDirectory("spindle-demo-").resolve("x1.txt");
        NAME.add("set in the parent");
        try (BufferedWriter fileObject = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            fileObject.write("武沛齐\n");
            if (flushBeforeStart) {
                fileObject.flush();
            }
            try {
                new ChildProcess(() -> fileObject.write("alex\n")).start();
            } catch (SerializationException e) {
                System.out.println("fork 才能共享文件对象; 子 JVM 拿不到它: " + e.getMessage());
            }
            ChildProcess p1 = new ChildProcess(BufferedFileContrast::task, file);
            p1.start();
            p1.join();
        }
        System.out.print("x1.txt:\n" + Files.readString(file));
        Files.delete(file);
        Files.delete(file.getParent());
    }
}
