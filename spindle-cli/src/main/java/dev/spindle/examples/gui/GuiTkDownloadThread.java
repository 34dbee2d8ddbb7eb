package dev.spindle.examples.gui;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.examples.threading.Threads;
import java.awt.EventQueue;

/**
 * The download runs in a daemon thread; the 下载 button is disabled meanwhile, and the window
 * stays responsive: a 关于 click is handled during the download. The seed's thread calls Tk itself,
 * which is unsafe; here it hops back to the event thread ({@code invokeLater}) to show the box and
 * re-enable the button.
 */
public final class GuiTkDownloadThread extends Example {
    public GuiTkDownloadThread() {
        super("gui-tk-download-thread", "the download in a daemon thread: the window stays responsive, the button is disabled meanwhile",
                "下载: download; 关于: about (作者: author); 提示 下载完成!: notice, download finished");
    }

    @Override
    public void run(String... args) throws Exception {
        DownloadWindow[] window = new DownloadWindow[1];
        window[0] = new DownloadWindow("多线程", _ -> {
            window[0].button1.setEnabled(false); // 禁用下载按钮
            Thread.ofPlatform().daemon().start(Threads.uninterrupted(() -> { // 在线程中处理耗时间的下载任务
                window[0].downloading.countDown();
                Speed.sleep(10);
                EventQueue.invokeLater(() -> {
                    window[0].button1.setEnabled(true); // 启用下载按钮
                    window[0].downloadFinished();
                });
            }));
        });
        window[0].clickDownloadThenAbout();
    }
}
