package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The observable point of each `asyncio` row of seed-programs.md. */
class AsyncioExamplesTest {
    private static final double FAST = 0.05;

    @Test
    void gatherPrimeSquareInterleavesExactlyAsCPythonAndTheCallbackPrintsBothResults() throws Exception {
        DemoRun run = DemoRun.of("asyncio-gather-prime-square", FAST);
        assertThat(run.exitCode()).isZero();
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            if (k < 99 && isPrime(2 + k)) {
                expected.add("Prime => " + (2 + k));
            }
            expected.add("Square => " + (1 + k) * (1 + k));
        }
        List<Integer> primes = new ArrayList<>();
        List<Integer> squares = new ArrayList<>();
        for (int i = 2; i <= 100; i++) {
            if (isPrime(i)) {
                primes.add(i);
            }
        }
        for (int i = 1; i <= 100; i++) {
            squares.add(i * i);
        }
        String tuple = primes.toString().replace('[', '(').replace(']', ')');
        expected.add("[" + tuple + ", " + squares + "]");
        assertThat(run.lines()).containsExactlyElementsOf(expected);
        assertThat(run.lines().subList(0, 6)).containsExactly("Prime => 2", "Square => 1", "Prime => 3", "Square => 4", "Square => 9", "Prime => 5");
        assertThat(primes).hasSize(25);
    }

    private static boolean isPrime(int n) {
        for (int j = 2; j * j <= n; j++) {
            if (n % j == 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aiohttpTitlesPrintsFiveTitlesInCompletionOrderInAboutTheSlowestPagesTime() throws Exception {
        DemoRun run = DemoRun.of("asyncio-aiohttp-titles", 1);
        assertThat(run.exitCode()).isZero();
        // the local pages answer 0.2, 0.4, 0.6, 0.8 and 1.0 s after all five requests are in
        assertThat(run.lines().subList(0, 5)).containsExactly("Git", "豆瓣", "京东(JD.COM)-正品低价、品质保障、配送及时、轻松购物！",
                "Welcome to Python.org", "淘宝");
        assertThat(run.output()).contains("all five requests were in flight at once: true");
    }

    @Test
    void createTaskSleepsBothTasksAtOnce() throws Exception {
        DemoRun run = DemoRun.of("asyncio-create-task", 0.2);
        assertThat(run.exitCode()).isZero();
        // both sleep at once (2 s in all, not 4): each starts before either wakes
        assertThat(run.lines().subList(0, 4)).containsExactly("task1 starts sleeping", "task2 starts sleeping", "task1 woke up", "task2 woke up");
        double seconds = Double.parseDouble(run.all("main finished after ([\\d.]+) s").getFirst());
        assertThat(seconds).as("a sleep never ends early").isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void helloAwaitPrintsBothHellosBeforeEitherGoodbyeAllOnTheLoopsThread() throws Exception {
        assertHellosThenGoodbyes(DemoRun.of("asyncio-hello-await", FAST), 4);
    }

    @Test
    void legacyCoroutineBehavesTheSameAndEndsWithGameOver() throws Exception {
        DemoRun run = DemoRun.of("asyncio-legacy-coroutine", FAST);
        assertHellosThenGoodbyes(run, 5);
        assertThat(run.lines().getLast()).isEqualTo("game over!");
    }

    private static void assertHellosThenGoodbyes(DemoRun run, int lines) {
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(lines);
        assertThat(run.lines().subList(0, 4)).allMatch(line -> line.startsWith("<Thread(main, task Task-"));
        assertThat(run.lines().subList(0, 2)).allMatch(line -> line.endsWith(": hello, world!"));
        assertThat(run.lines().subList(2, 4)).allMatch(line -> line.endsWith(": goodbye, world!"));
    }

    @Test
    void wgetHeadersStartsAllThreeThenInterleavesEachHostsHeadersUpToTheBlankLine() throws Exception {
        DemoRun run = DemoRun.of("asyncio-wget-headers", 1);
        assertThat(run.exitCode()).isZero();
        List<String> hosts = List.of("www.sina.com.cn", "www.sohu.com", "www.163.com");
        assertThat(run.lines().subList(0, 3)).containsExactly("wget www.sina.com.cn...", "wget www.sohu.com...", "wget www.163.com...");
        List<String> order = run.all("(\\S+) header > ");
        for (String host : hosts) {
            assertThat(run.all(java.util.regex.Pattern.quote(host) + " header > (.*)"))
                    .containsExactly("HTTP/1.0 200 OK", "Server: spindle-asyncio", "Content-Type: text/html", "Cache-Control: max-age=60",
                            "Connection: close");
        }
        int switches = 0;
        for (int i = 1; i < order.size(); i++) {
            switches += order.get(i).equals(order.get(i - 1)) ? 0 : 1;
        }
        assertThat(switches).as("the hosts' lines interleave: " + order).isGreaterThanOrEqualTo(4);
        assertThat(run.output()).doesNotContain("<html>");
    }
}
