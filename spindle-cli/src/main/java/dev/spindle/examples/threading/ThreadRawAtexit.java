package dev.spindle.examples.threading;

import dev.spindle.examples.Example;

/**
 * Python's {@code _thread.start_new_thread} plus an {@code atexit} hook: the program ends at once,
 * without waiting for those low-level threads, so the hook prints about 0 s and the downloads
 * never finish. The Java equivalent is unjoined daemon threads and a shutdown hook.
 */
public final class ThreadRawAtexit extends Example {
    public ThreadRawAtexit() {
        super("thread-raw-atexit", "unjoined daemon threads and a shutdown hook: the program exits, the downloads are abandoned",
                "开始下载: started downloading; 总共耗费了N秒: total time, printed by the exit hook");
    }

    @Override
    public void run(String... args) throws Exception {
        long start = System.nanoTime();
        for (String filename : new String[] {"Python从入门到住院.pdf", "Peking Hot.avi"}) {
            Thread.ofPlatform().daemon().start(Threads.uninterrupted(() -> Download.download(filename)));
        }
        // 注册关机钩子在程序执行结束前计算执行时间: runs when the JVM exits, which does not wait for daemon threads
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                System.out.println("总共耗费了%.3f秒.".formatted(Download.secondsSince(start)))));
    }
}
