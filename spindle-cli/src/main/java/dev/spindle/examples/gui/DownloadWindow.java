package dev.spindle.examples.gui;

import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.event.ActionListener;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JPanel;

/**
 * The seeds' Tk window with a 下载 (download) and a 关于 (about) button, in Swing, and the script
 * that clicks them: 下载, then, once the download has begun, 关于. Clicks are posted to the event
 * queue as a user's are, so the order in which their handlers run shows whether the window was
 * free while downloading. The message boxes print their text instead of blocking on a modal
 * dialog. Without a display the buttons live in no frame (Swing's components work headless);
 * with one the window is shown while the script runs.
 */
final class DownloadWindow {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    final JButton button1 = new JButton("下载");
    final JButton button2 = new JButton("关于");
    final CountDownLatch downloading = new CountDownLatch(1);
    final CountDownLatch downloaded = new CountDownLatch(1);
    private final CountDownLatch aboutShown = new CountDownLatch(1);
    private JFrame top;

    /** Builds the window on the event thread; {@code download} is the 下载 button's command. */
    DownloadWindow(String title, ActionListener download) throws Exception {
        EventQueue.invokeAndWait(() -> {
            JPanel panel = new JPanel();
            button1.addActionListener(download);
            panel.add(button1, BorderLayout.WEST);
            button2.addActionListener(_ -> showAbout());
            panel.add(button2, BorderLayout.EAST);
            if (!GraphicsEnvironment.isHeadless()) {
                top = new JFrame(title);
                top.setSize(200, 150);
                top.setAlwaysOnTop(true);
                top.add(panel, BorderLayout.SOUTH);
                top.setVisible(true);
            }
        });
    }

    /** tkinter.messagebox.showinfo, printed. */
    static void showInfo(String title, String message) {
        System.out.println("[%s] %s".formatted(title, message));
    }

    private void showAbout() {
        showInfo("关于", "作者: 骆昊(v1.0)");
        System.out.println("(下载 button enabled: %s)".formatted(button1.isEnabled()));
        aboutShown.countDown();
    }

    /** The download's end, on the event thread: the 下载完成 box. */
    void downloadFinished() {
        showInfo("提示", "下载完成!");
        downloaded.countDown();
    }

    /** Clicks 下载, then 关于 once the download has begun; returns when both were handled. */
    void clickDownloadThenAbout() throws Exception {
        System.out.println("click 下载");
        EventQueue.invokeLater(button1::doClick);
        await(downloading, "the download to begin");
        System.out.println("click 关于 (while downloading)");
        EventQueue.invokeLater(button2::doClick);
        await(aboutShown, "the 关于 box");
        await(downloaded, "the download to end");
        EventQueue.invokeAndWait(() -> {
            System.out.println("(下载 button enabled: %s)".formatted(button1.isEnabled()));
            if (top != null) {
                top.dispose();
            }
        });
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no " + what + " within " + DEADLINE);
        }
    }
}
