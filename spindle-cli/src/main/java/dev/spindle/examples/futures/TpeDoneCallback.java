package dev.spindle.examples.futures;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.futures.ThreadPoolExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A thread pool's done-callback runs in the worker thread that finished the task (unlike a
 * process pool's); or collect the futures, shutdown(true), and read every result. The seed's
 * download task is a short local stand-in.
 */
public final class TpeDoneCallback extends Example {
    public TpeDoneCallback() {
        super("tpe-done-callback", "thread pool: the done-callback runs in the worker thread; results after shutdown");
    }

    static String task(String url) throws InterruptedException {
        Speed.sleep(1);
        return "content of " + url;
    }

    static void done(String response) {
        System.out.println("任务执行后的返回值 " + response + " [" + Thread.currentThread().getName() + "]");
    }

    @Override
    public void run(String... args) throws Exception {
        List<String> urls = List.of("video-1.mp4", "video-2.mp4", "video-3.mp4");
        ThreadPoolExecutor pool = new ThreadPoolExecutor(10);
        for (String url : urls) {
            pool.submit(TpeDoneCallback::task, url).thenAccept(TpeDoneCallback::done);
        }
        List<CompletableFuture<String>> futureList = new ArrayList<>();
        for (String url : urls) {
            futureList.add(pool.submit(TpeDoneCallback::task, url));
        }
        pool.shutdown(true, false);
        for (CompletableFuture<String> fu : futureList) {
            System.out.println(fu.getNow("not ready"));
        }
    }
}
