package dev.spindle.examples.pool;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Workers download, the parent parses: the callback runs in the parent process (its pid), not in a
 * separate process as the seed's comment says — the seed's own printed output shows the parent.
 */
public final class PoolCallbackPipeline extends Example {
    public PoolCallbackPipeline() {
        super("pool-callback-pipeline", "workers download, callbacks parse in the parent process",
                "(进程 N) 正在下载页面: process N downloads a page; <进程 N> 正在解析页面: the parent parses it;"
                        + " 回调函数处理结果: the callback's result; 主进程: the main process");
    }

    static String getPage(String url) throws InterruptedException {
        System.out.println("(进程 %d) 正在下载页面 %s".formatted(ProcessHandle.current().pid(), url));
        Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4));
        return url; // the URL stands for the downloaded page
    }

    static String parsePage(String pageContent) {
        System.out.println("<进程 %d> 正在解析页面: %s".formatted(ProcessHandle.current().pid(), pageContent));
        try {
            Speed.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "{%d 回调函数处理结果:%s}".formatted(ProcessHandle.current().pid(), pageContent);
    }

    @Override
    public void run(String... args) throws Exception {
        List<String> urls = List.of("http://maoyan.com/board/1", "http://maoyan.com/board/2", "http://maoyan.com/board/3",
                "http://maoyan.com/board/4", "http://maoyan.com/board/5", "http://maoyan.com/board/7");
        Pool p = Pool.of();
        List<AsyncResult<String>> resL = new ArrayList<>();
        for (String url : urls) {
            resL.add(p.applyAsync(PoolCallbackPipeline::getPage, url, PoolCallbackPipeline::parsePage, null));
        }
        p.shutdown();
        p.join(); // waits for the callbacks too
        System.out.println("{主进程 %d}".formatted(ProcessHandle.current().pid()));
        for (AsyncResult<String> i : resL) {
            System.out.println(i.get()); // get_page's result, not the callback's
        }
    }
}
