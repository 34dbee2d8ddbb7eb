package dev.spindle.examples.gui;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.examples.threading.Threads;

/**
 * The download runs on the event thread (Swing's EDT, Tk's main loop): for its 10 s the window is
 * frozen, and a 关于 click made meanwhile is handled only after the download ends.
 */
public final class GuiTkDownloadBlocking extends Example {
    public GuiTkDownloadBlocking() {
        super("gui-tk-download-blocking", "a 10 s download on the event thread freezes the window: 关于 waits for it",
                "下载: download; 关于: about (作者: author); 提示 下载完成!: notice, download finished");
    }

    @Override
    public void run(String... args) throws Exception {
        DownloadWindow[] window = new DownloadWindow[1];
        window[0] = new DownloadWindow("单线程", _ -> {
            window[0].downloading.countDown();
            Threads.uninterrupted(() -> Speed.sleep(10)).run(); // 模拟下载任务需要花费10秒钟时间, on the event thread
            window[0].downloadFinished();
        });
        window[0].clickDownloadThenAbout();
    }
}
