package dev.spindle.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs) loads the page while a pool works, and
 * the test reads what the page shows. Skipped, saying so, where Chromium is not installed.
 */
class DashboardInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshot goes, for a person to look at. */
    static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static ChromeDriver browser;

    @BeforeAll
    static void startChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium is not installed (apt-get install chromium chromium-driver): the dashboard's browser test is skipped");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    static int work(int x) throws InterruptedException {
        Thread.sleep(x % 10 == 0 ? 120 : 5);
        if (x == 33) {
            throw new IllegalArgumentException("bad item " + x);
        }
        return x;
    }

    private static void runAll(Pool pool, int from, int to) throws InterruptedException {
        List<AsyncResult<Integer>> results = IntStream.range(from, to).mapToObj(x -> pool.applyAsync(DashboardInBrowserTest::work, x))
                .toList();
        for (AsyncResult<Integer> result : results) {
            result.waitFor();
        }
    }

    @Test
    void thePageShowsThePoolsWorkersItsRisingCountsAndAFailedTasksTraceback() throws Exception {
        try (Dashboard dashboard = Dashboard.open(0);
             Pool pool = Pool.builder().processes(2).name("browser-pool").build()) {
            runAll(pool, 0, 20);
            browser.get(dashboard.uri().toString());
            String card = "section[data-pool='browser-pool'] ";
            wait(b -> !b.findElements(By.cssSelector(card)).isEmpty());
            assertThat(browser.getTitle()).isEqualTo("Spindle dashboard");
            wait(b -> read(b, "#status").equals("live"));
            wait(b -> read(b, card + ".worker-count").equals("2"));
            int workerRows = wait(b -> b.findElements(By.cssSelector(card + "tr.worker")).size());
            assertThat(workerRows).isEqualTo(2);
            wait(b -> Long.parseLong(read(b, card + ".count.done b")) >= 20);

            runAll(pool, 20, 60);
            wait(b -> Long.parseLong(read(b, card + ".count.done b")) >= 59);
            String traceback = wait(b -> read(b, card + ".failure pre.traceback"));
            assertThat(traceback).contains("IllegalArgumentException: bad item 33").contains("RemoteTraceback");
            String failed = wait(b -> read(b, card + ".count.failed b"));
            assertThat(failed).isEqualTo("1");
            int slowRows = wait(b -> b.findElements(By.cssSelector(card + "tr.slow-task")).size());
            assertThat(slowRows).isPositive();
            int chartHeight = wait(b -> b.findElement(By.cssSelector(card + "canvas.chart")).getSize().getHeight());
            assertThat(chartHeight).isPositive();

            Files.createDirectories(SCREENSHOT.getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(SCREENSHOT)).isPositive();
        }
    }

    @Test
    void aClosedDashboardSaysTheConnectionIsLostAndABadPathIsAPage() throws Exception {
        Dashboard dashboard = Dashboard.open(0);
        String uri = dashboard.uri().toString();
        try {
            browser.get(uri + "no/such/page");
            assertThat(read(browser, "h1")).isEqualTo("Not found");
            browser.get(uri);
            wait(b -> read(b, "#status").equals("live"));
        } finally {
            dashboard.close();
        }
        wait(b -> read(b, "#status").startsWith("reconnecting"));
    }

    /**
     * Waits until {@code condition} holds (a non-null, non-false value) and returns it. The page
     * redraws its pools at each update, so an element may go stale between finding and reading
     * it: that only means look again.
     */
    private static <T> T wait(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** The text of the element {@code css} selects, trimmed. */
    private static String read(WebDriver page, String css) {
        return page.findElement(By.cssSelector(css)).getText().trim();
    }
}
