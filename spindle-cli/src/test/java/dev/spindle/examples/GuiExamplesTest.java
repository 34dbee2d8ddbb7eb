package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The observable point of each `gui` row of seed-programs.md. The programs click their own
 * buttons through Swing's event queue, so the order of the handlers' lines shows whether the
 * event thread was free; they run the same with or without a display.
 */
class GuiExamplesTest {
    @Test
    void guiTkDownloadBlockingHandlesTheAboutClickOnlyAfterTheDownload() throws Exception {
        DemoRun run = DemoRun.of("gui-tk-download-blocking", 0.05);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).containsSubsequence("click 下载", "click 关于 (while downloading)", "[提示] 下载完成!",
                "[关于] 作者: 骆昊(v1.0)");
    }

    @Test
    void guiTkDownloadThreadStaysResponsiveAndDisablesTheButtonMeanwhile() throws Exception {
        DemoRun run = DemoRun.of("gui-tk-download-thread", 0.2); // 2 s for the event thread to handle 关于
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).containsSubsequence("click 下载", "click 关于 (while downloading)",
                "[关于] 作者: 骆昊(v1.0)", "(下载 button enabled: false)", "[提示] 下载完成!", "(下载 button enabled: true)");
    }

    @Test
    void guiPygameCarsEachStopAtTheFinishLineMovedByADaemonThread() throws Exception {
        DemoRun run = DemoRun.of("gui-pygame-cars", 0.02);
        assertThat(run.exitCode()).isZero();
        Matcher m = Pattern.compile("x=(\\d+) \\(front at \\d+\\), steps of (\\d+)\\.\\.(\\d+) px").matcher(run.output());
        int cars = 0;
        while (m.find()) {
            cars++;
            assertThat(Integer.parseInt(m.group(1))).as(m.group()).isBetween(870, 879);
            assertThat(Integer.parseInt(m.group(2))).isGreaterThanOrEqualTo(1);
            assertThat(Integer.parseInt(m.group(3))).isLessThanOrEqualTo(10);
        }
        assertThat(cars).isEqualTo(5);
        assertThat(run.output()).contains("cars painted in the last frame: 5 of 5",
                "window closed; the daemon mover is still alive: true");
    }
}
