package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    @Test
    void everyPortedRowHasItsInventoryIdOnce() {
        List<String> ids = Examples.all().stream().map(Example::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "mp-downloads", "mp-pingpong-global", "mp-fork-unflushed-buffer", "mp-fork-flushed-buffer",
                "mp-fork-held-lock", "mp-name-threads-spawn", "mp-subclass-args", "mp-start-function",
                "mp-start-subclass", "mp-terminate-is-alive", "mp-daemon-join-timeout", "mp-join-all-parallel",
                "mp-name-pid", "mp-shared-terminal", "mp-shared-file", "thread-vs-process-startup",
                "thread-vs-process-pid", "mp-pipe-duplex", "mp-pipe-eof", "mp-pipe-adder",
                "mgr-dict-list", "mgr-dict-list-10procs", "ppe-manager-lock-tickets", "mp-rlock-file-tickets", "mp-lock-tickets-json", "mp-semaphore-wc",
                "mp-event-traffic-light",
                "mp-pingpong-queue", "mp-queue-put-get", "mp-queue-full-empty", "mp-prodcons-no-sentinel",
                "mp-prodcons-sentinel", "mp-joinablequeue-1consumer", "mp-joinablequeue-3consumers",
                "mp-joinablequeue-producer-process", "mp-sum-8-chunks", "mp-pingpong-queue-numbers",
                "mp-queue-ping-pong-1000", "mp-value", "mp-array",
                "pool-apply-async-basic", "pool-apply-async-10", "pool-apply-sync", "pool-named-tasks",
                "pool-collect-results", "pool-callback-pipeline", "pool-crawler-maoyan",
                "futures-thread-pool-account", "futures-prime-check", "ppe-shutdown-wait", "ppe-done-callback-parent",
                "tpe-done-callback",
                "thread-downloads", "thread-downloads-subclass", "thread-raw-atexit", "thread-names",
                "thread-subclass-args", "thread-lock-counter", "thread-rlock-counter", "thread-account-race",
                "thread-account-lock", "thread-account-lock-sleep", "thread-account-lock-initial", "thread-thumbnails",
                "thread-start-function", "thread-start-subclass", "thread-input-upper-save", "thread-daemon-join",
                "thread-introspection",
                "gil-cpu-bound", "gil-io-bound", "thread-race-decrement", "thread-deadlock", "thread-rlock-no-deadlock",
                "thread-semaphore", "thread-event-redis", "thread-event-mysql", "thread-event-wait-timeout",
                "thread-condition-notify", "thread-condition-wait-for", "thread-timer", "singleton-decorator-threadsafe",
                "singleton-new-threadsafe", "thread-queue-drain", "queue-fifo", "queue-lifo", "queue-priority",
                "gen-calc-avg", "gen-deliver-man", "gen-deliver-man-state", "gen-send-vs-call", "gen-fib", "gen-fib-20",
                "genexpr-basics",
                "greenlet-switch", "greenlet-switch-args", "greenlet-switch-overhead",
                "gevent-sleep-joinall", "gevent-monkey-patch", "gevent-sync-vs-async", "gevent-requests",
                "asyncio-gather-prime-square", "asyncio-aiohttp-titles", "asyncio-create-task", "asyncio-legacy-coroutine",
                "asyncio-hello-await", "asyncio-wget-headers",
                "tcp-time-server", "tcp-thread-image-server", "thread-socket-server-q", "mp-socket-server",
                "pool-socket-server", "thread-socket-server-upper", "gevent-socket-server",
                "subprocess-call-argv",
                "ssh-exec-password", "ssh-transport-exec-password", "ssh-exec-keyfile", "ssh-transport-exec-keyfile",
                "ssh-transport-exec-keystring", "sftp-password", "sftp-keyfile", "ssh-upload-rename",
                "gui-tk-download-blocking", "gui-tk-download-thread", "gui-pygame-cars",
                "smtp-qq-mail",
                "serial-downloads", "serial-sum", "map-filter-comprehension", "deco-record-time", "deco-record-param",
                "deco-record-class", "singleton-decorator", "gc-cycle", "fib-iterator", "singleton-new",
                "singleton-module", "mgr-remote-queue", "connection-listener-echo",
                "celery-add-delay", "celery-canvas", "joblib-parallel", "pymp-parallel-range");
    }

    @Test
    void theListNamesEveryProgram() throws Exception {
        DemoRun list = DemoRun.demo("--list");
        assertThat(list.exitCode()).isZero();
        Examples.all().forEach(e -> assertThat(list.output()).contains(e.id() + " "));
    }

    @Test
    void theTourRunsItsProgramsInOrder() throws Exception {
        DemoRun tour = DemoRun.demo("--speed", "0.02");
        assertThat(tour.exitCode()).isZero();
        assertThat(tour.output()).containsSubsequence("== mp-downloads", "总共耗费了", "== mp-pingpong-global",
                "== thread-vs-process-pid", "== mp-pipe-adder", "30", "== mp-pipe-eof", "主进程",
                "== mp-pingpong-queue", "left in the queue: 10", "== mp-value", "888", "b'a'", "武",
                "== pool-callback-pipeline", "正在解析页面", "== ppe-shutdown-wait",
                "== ppe-manager-lock-tickets", "f1.txt: 0", "== thread-account-race", "账户余额为",
                "== thread-account-lock", "账户余额为: ￥100元", "== thread-deadlock", "死锁: after",
                "== thread-rlock-no-deadlock", "all 10 threads finished",
                "== gevent-monkey-patch", "no monkey.patch_all()", "play phone 2", "eat food 2", "主",
                "== asyncio-gather-prime-square", "Prime => 2", "Square => 1", "Prime => 3", "Square => 4", "Square => 9",
                "Prime => 5", "== celery-add-delay", "result.get() = 8", "== prime check",
                "serial ", "(60 of 65 prime)", "threads   : 100%|", "| 65/65 [", "(60 of 65 prime)",
                "processes : 100%|", "| 65/65 [", "(60 of 65 prime)");
        // The tour's own output, nothing else: no Redis client reconnecting to the example's stopped Redis
        assertThat(tour.output()).doesNotContain("Reconnecting").doesNotContain("Cannot reconnect");
    }

    @Test
    void anUnknownProgramIsAClearError() throws Exception {
        DemoRun run = DemoRun.demo("no-such-program");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("no program no-such-program");
    }
}
