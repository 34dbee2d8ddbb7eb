package dev.spindle.examples.process;

import dev.spindle.SerializationException;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * [fork-only] Five processes write to one file. A file object cannot be sent to a child JVM (the
 * seed's note says the same of Windows); the seed's own workaround, the file's name opened in
 * append mode by each child, is the port.
 */
public final class MpSharedFile extends Example {
    public MpSharedFile() {
        super("mp-shared-file", "processes share the file system: five digits appended once each");
    }

    static void work(Path file, String msg) throws Exception {
        Files.writeString(file, msg, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void run(String... args) throws Exception {
        Path file = Files.createTempDirectory("spindle-demo-").resolve("a.txt");
        try (Writer f = Files.newBufferedWriter(file)) {
            new ChildProcess(() -> f.write("0")).start();
        } catch (SerializationException e) {
            System.out.println("文件对象不能传给子进程: " + e.getMessage());
        }
        List<ChildProcess> processes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ChildProcess p = new ChildProcess(MpSharedFile::work, file, Integer.toString(i));
            p.start();
            processes.add(p);
        }
        for (ChildProcess p : processes) {
            p.join();
        }
        System.out.println("a.txt: " + Files.readString(file));
        Files.delete(file);
        Files.delete(file.getParent());
    }
}
