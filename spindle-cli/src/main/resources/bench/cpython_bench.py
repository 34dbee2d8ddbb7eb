"""CPython's side of `spindle bench`: the same workloads as Spindle's, printed as JSON lines.

Usage: python3 cpython_bench.py FIGURE RUNS
  process.start_join.cold_ms   spawn start method, empty target, start + join
  process.start_join.warm_ms   fork start method (the cheapest CPython has), empty target
  process.jvm_floor_ms         the interpreter's own floor: python3 -c pass, run to its end
  process.child_rss_mb         an idle spawn child's resident memory (/proc/PID/smaps_rollup Rss)
  process.child_pss_mb         the same, its shared pages divided among their sharers (Pss)
  process.child_pss_of_4_mb    the Pss of an idle spawn child among four idle siblings (their mean)
  pipe.roundtrip_us            a small object parent -> echoing child -> parent, 20,000 times
  pool.map.chunk1.tasks_per_s  Pool(2).map(square, range(100000), chunksize=1)
  pool.map.auto.tasks_per_s    Pool(2).map(square, range(100000))
  pool.map.chunk1.workers_N.tasks_per_s  the chunk1 map on Pool(N), N = 1, 4, 8
  executor.submit.tasks_per_s  ProcessPoolExecutor(2): 20,000 submits, then every result
  primes.serial_s              the seed's prime check (PRIMES * 5) in one thread
  primes.threads_s             the same with ThreadPoolExecutor(2).map
  primes.processes_s           the same with ProcessPoolExecutor(2).map
  pool.map.chunk1.insights_on.tasks_per_s  no samples: CPython's Pool records no insights
  progress.update_ns           tqdm(total=n, file=devnull).update(1), n = 2,000,000, per update
                               (Debian's python3-tqdm; no samples without it)
  mutex.uncontended_ns         multiprocessing.Lock(): acquire + release in one thread, 1,000,000 times
  mutex.owner_death_recovery_ms  no samples: a multiprocessing.Lock whose holder died is never
                               released, its waiters wait forever (it is a POSIX semaphore)
  lock.uncontended_pairs_per_s multiprocessing.Lock(): acquire + release pairs per second, 1,000,000 a sample
  event.pingpong_2proc_per_s   two multiprocessing.Events handed between parent and child, 5,000 round trips
  condition.pingpong_2proc_per_s  a turn (a multiprocessing.Value) handed between parent and child
                               through one multiprocessing.Condition, 5,000 round trips
  barrier.2proc_rounds_per_s   multiprocessing.Barrier(2), parent and child, 5,000 rounds
  lock.owner_death_recovery_ms no samples: as mutex.owner_death_recovery_ms
  manager.dict_set_get_per_s   Manager().dict(): 10,000 d[k] = v; d[k] pairs from this process, ops per second
  manager.dict_10procs_incr_per_s  10 processes each increment their key 500 times under a Manager().Lock()
  manager.remote_tcp_ops_per_s a BaseManager serving a dict over TCP, a client process's set-and-get ops per second
  connection.tcp_roundtrip_us  Listener/Client over TCP, an echoing child, 20,000 small round trips
  connection.unix_roundtrip_us the same over a Unix domain socket
  thread.queue_1p1c_items_per_s   a thread puts 200,000 ints into a queue.Queue, the main thread gets them
  thread.lock_2threads_incr_per_s two threads each add 1 200,000 times under one threading.Lock
  thread.condition_pingpong_per_s a turn handed between two threads through one threading.Condition, 20,000 times
  thread.event_pingpong_per_s     two threading.Events handed between two threads, 20,000 round trips
  thread.start_join_1000_ms       1,000 threading.Threads started, then joined
  subprocess.run_true_per_s    subprocess.run(["true"]) 200 times, runs per second
  socketserver.threaded_echo_100clients_roundtrips_per_s  a ThreadingTCPServer line echo; 100 client
                               threads make 200 round trips each at once
  socketserver.process_connections_per_s  a ForkingTCPServer line echo; 200 connections one after
                               another, one round trip each
                               (the threading server serves on a thread of the clients' process,
                               the forking one in a process of its own)
Pools are made before timing; one warm-up run is not counted (pools and executors: warm-up runs
for 3 s, as Spindle's pool suite). Prints the median and every sample.
"""
import concurrent.futures
import math
import json
import multiprocessing as mp
import os
import queue
import re
import socket
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Client, Listener
from multiprocessing.managers import BaseManager, DictProxy

ROUND_TRIPS = 20_000
MAP_TASKS = 100_000
SUBMITS = 20_000
PING_PONGS = 5_000
WORKERS = 2
PRIMES = [
    1116281, 1297337, 104395303, 472882027, 533000389, 817504243, 982451653,
    112272535095293, 112582705942171, 112272535095293, 115280095190773, 115797848077099,
    1099726899285419,
] * 5


def square(x):
    return x * x


def is_prime(n):
    if n % 2 == 0:
        return False
    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, sqrt_n + 1, 2):
        if n % i == 0:
            return False
    return True


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


POOL_WARM_UP_S = 3.0  # as Spindle's pool suite, whose fresh worker JVMs compile the work while it runs


def warm_up(run):
    warming_since = time.perf_counter()
    run()
    while time.perf_counter() - warming_since < POOL_WARM_UP_S:
        run()


def pool_samples(runs, chunksize, workers=WORKERS):
    with mp.get_context("fork").Pool(workers) as pool:
        run = (lambda: pool.map(square, range(MAP_TASKS), chunksize=chunksize)) if chunksize else \
              (lambda: pool.map(square, range(MAP_TASKS)))
        warm_up(run)
        return [MAP_TASKS / timed(run) for _ in range(runs)]


def submit_samples(runs):
    with concurrent.futures.ProcessPoolExecutor(WORKERS, mp_context=mp.get_context("fork")) as ex:
        def run():
            futures = [ex.submit(square, i) for i in range(SUBMITS)]
            for f in futures:
                f.result()
        warm_up(run)
        return [SUBMITS / timed(run) for _ in range(runs)]


def prime_samples(runs, executor):
    if executor is None:
        run = lambda: [is_prime(n) for n in PRIMES]
        return [timed(run) for _ in range(runs)]
    with executor as ex:
        run = lambda: list(ex.map(is_prime, PRIMES))
        run()
        return [timed(run) for _ in range(runs)]


def noop():
    pass


def echo(conn, parent_end):
    parent_end.close()  # a forked child holds both ends: close ours, or EOF never comes
    try:
        while True:
            conn.send(conn.recv())
    except EOFError:
        pass


def start_join_ms(method):
    ctx = mp.get_context(method)
    p = ctx.Process(target=noop)
    t0 = time.perf_counter()
    p.start()
    p.join()
    return (time.perf_counter() - t0) * 1000


def interpreter_floor_ms():
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return (time.perf_counter() - t0) * 1000


def idle_child_memory_mb(field, siblings=1):
    """The mean Rss or Pss of `siblings` idle spawn children, read once they have started and wait."""
    ctx = mp.get_context("spawn")
    release = ctx.Event()
    children = []
    for _ in range(siblings):
        started = ctx.Event()
        p = ctx.Process(target=waits_after, args=(started, release))
        p.start()
        children.append((p, started))
    total = 0
    for p, started in children:
        started.wait()
    for p, started in children:
        with open(f"/proc/{p.pid}/smaps_rollup") as f:
            total += next(int(line.split()[1]) for line in f if line.startswith(field + ":"))
    release.set()
    for p, started in children:
        p.join()
    return total / siblings / 1024


def waits_after(started, release):
    started.set()
    release.wait()


def pipe_roundtrip_us():
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe()
    p = ctx.Process(target=echo, args=(child, parent))
    p.start()
    child.close()
    for i in range(1000):
        parent.send(i)
        parent.recv()
    t0 = time.perf_counter()
    for i in range(ROUND_TRIPS):
        parent.send(i)
        parent.recv()
    elapsed = time.perf_counter() - t0
    parent.close()
    p.join()
    return elapsed / ROUND_TRIPS * 1e6


def lock_ns():
    lock = mp.get_context("fork").Lock()
    pairs = 1_000_000
    t0 = time.perf_counter()
    for _ in range(pairs):
        lock.acquire()
        lock.release()
    return (time.perf_counter() - t0) / pairs * 1e9


def lock_pairs_per_s():
    return 1e9 / lock_ns()


def pong(ping, pong_event):
    while True:
        ping.wait()
        ping.clear()
        pong_event.set()


def event_pingpong_per_s():
    ctx = mp.get_context("fork")
    ping, pong_event = ctx.Event(), ctx.Event()
    p = ctx.Process(target=pong, args=(ping, pong_event), daemon=True)
    p.start()
    for _ in range(2):  # warm-up
        event_round_trips(ping, pong_event, 500)
    rate = event_round_trips(ping, pong_event, PING_PONGS)
    p.kill()
    p.join()
    return rate


def event_round_trips(ping, pong_event, n):
    t0 = time.perf_counter()
    for _ in range(n):
        ping.set()
        pong_event.wait()
        pong_event.clear()
    return n / (time.perf_counter() - t0)


def answer_turns(cond, turn):
    with cond:
        while True:
            cond.wait_for(lambda: turn.value == 1)
            turn.value = 0
            cond.notify()


def condition_round_trips(cond, turn, n):
    t0 = time.perf_counter()
    with cond:
        for _ in range(n):
            turn.value = 1
            cond.notify()
            cond.wait_for(lambda: turn.value == 0)
    return n / (time.perf_counter() - t0)


def condition_pingpong_per_s():
    ctx = mp.get_context("fork")
    cond, turn = ctx.Condition(ctx.Lock()), ctx.Value("i", 0, lock=False)
    p = ctx.Process(target=answer_turns, args=(cond, turn), daemon=True)
    p.start()
    condition_round_trips(cond, turn, 500)  # warm-up
    rate = condition_round_trips(cond, turn, PING_PONGS)
    p.kill()
    p.join()
    return rate


def barrier_party(barrier):
    while True:
        barrier.wait()


def barrier_rounds_per_s():
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(2)
    p = ctx.Process(target=barrier_party, args=(barrier,), daemon=True)
    p.start()
    for _ in range(500):  # warm-up
        barrier.wait()
    t0 = time.perf_counter()
    for _ in range(PING_PONGS):
        barrier.wait()
    rate = PING_PONGS / (time.perf_counter() - t0)
    p.kill()
    p.join()
    return rate


QUEUE_INTS = 200_000
QUEUE_MIB_ITEMS = 1_000
MIB = 1 << 20
PER_PRODUCER = 50_000
JOINABLE_ITEMS = 50_000
QUEUE_WARM_UPS = 3
QUEUE_WARM_UP_S = 5.0  # as Spindle's, whose fresh child JVMs compile the work while it runs


def puts_ints(go, q):
    while True:
        for i in range(go.get()):
            q.put(i)


def puts_mebibytes(go, q):
    item = bytes(MIB)
    while True:
        for _ in range(go.get()):
            q.put(item)


def consumes_rounds(go, q, consumed):
    while True:
        share = go.get()
        for _ in range(share):
            q.get()
        consumed.put(share)


def marks_done(q):
    while True:
        q.get()
        q.task_done()


def with_children(children, per, timed, runs):
    for p in children:
        p.daemon = True
        p.start()
    warming_since = time.perf_counter()
    warm_ups = 0
    while warm_ups < QUEUE_WARM_UPS or time.perf_counter() - warming_since < QUEUE_WARM_UP_S:
        timed()
        warm_ups += 1
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        timed()
        samples.append(per / (time.perf_counter() - t0))
    for p in children:
        p.kill()
    for p in children:
        p.join()
    return samples


def queue_samples(figure, runs):
    ctx = mp.get_context("fork")
    go = ctx.Queue()
    if figure in ("queue.1p1c.ints_per_s", "simplequeue.1p1c.ints_per_s"):
        q = ctx.Queue() if figure.startswith("queue") else ctx.SimpleQueue()

        def timed():
            go.put(QUEUE_INTS)
            for _ in range(QUEUE_INTS):
                q.get()
        return with_children([ctx.Process(target=puts_ints, args=(go, q))], QUEUE_INTS, timed, runs)
    if figure == "queue.1p1c.1mib_mb_per_s":
        q = ctx.Queue()

        def timed():
            go.put(QUEUE_MIB_ITEMS)
            for _ in range(QUEUE_MIB_ITEMS):
                q.get()
        return with_children([ctx.Process(target=puts_mebibytes, args=(go, q))], QUEUE_MIB_ITEMS * MIB / 1e6, timed, runs)
    pairs = re.fullmatch(r"queue\.(\d+)p\1c\.ints_per_s", figure)
    if pairs:
        parties = int(pairs.group(1))
        q, consume, consumed = ctx.Queue(), ctx.Queue(), ctx.Queue()
        children = []
        for _ in range(parties):
            children.append(ctx.Process(target=puts_ints, args=(go, q)))
            children.append(ctx.Process(target=consumes_rounds, args=(consume, q, consumed)))

        def timed():
            for _ in range(parties):
                consume.put(PER_PRODUCER)
                go.put(PER_PRODUCER)
            for _ in range(parties):
                consumed.get()
        return with_children(children, parties * PER_PRODUCER, timed, runs)
    if figure == "joinable.put_join.items_per_s":
        q = ctx.JoinableQueue()

        def timed():
            for i in range(JOINABLE_ITEMS):
                q.put(i)
            q.join()
        return with_children([ctx.Process(target=marks_done, args=(q,))], JOINABLE_ITEMS, timed, runs)
    raise SystemExit("unknown figure " + figure)


VALUE_ADDS = 100_000


def adds_under_lock(go, value, done):
    lock = value.get_lock()
    while True:
        go.get()
        for _ in range(VALUE_ADDS):
            with lock:
                value.value += 1
        done.put(True)


def value_samples(runs):
    """Two processes add 1 to an int Value under its lock; CPython has no lock-free add, so this is its figure for both."""
    ctx = mp.get_context("fork")
    value, go, done = ctx.Value("i", 0), ctx.Queue(), ctx.Queue()
    children = [ctx.Process(target=adds_under_lock, args=(go, value, done)) for _ in range(2)]

    def timed():
        before = value.value
        for _ in range(2):
            go.put(True)
        for _ in range(2):
            done.get()
        assert value.value - before == 2 * VALUE_ADDS
    return with_children(children, 2 * VALUE_ADDS, timed, runs)



MANAGER_PAIRS = 10_000
MANAGER_PROCESSES = 10
MANAGER_INCREMENTS = 500
AUTHKEY = b"spindle-bench"


def set_and_get(d):
    for i in range(MANAGER_PAIRS):
        d[i % 100] = i
        assert d[i % 100] == i


def manager_set_get_samples(runs):
    with mp.get_context("fork").Manager() as manager:
        d = manager.dict()
        set_and_get(d)
        return [2 * MANAGER_PAIRS / timed(lambda: set_and_get(d)) for _ in range(runs)]


def manager_increments(go, d, lock, done, index):
    key = "p%d" % index
    while go.get():
        for _ in range(MANAGER_INCREMENTS):
            with lock:
                d[key] = d.get(key, 0) + 1
        done.put(True)


def manager_10procs_samples(runs):
    ctx = mp.get_context("fork")
    with ctx.Manager() as manager:
        d, lock = manager.dict(), manager.Lock()
        go, done = ctx.Queue(), ctx.Queue()
        children = [ctx.Process(target=manager_increments, args=(go, d, lock, done, i)) for i in range(MANAGER_PROCESSES)]

        def one():
            for _ in range(MANAGER_PROCESSES):
                go.put(True)
            for _ in range(MANAGER_PROCESSES):
                done.get()
        return with_children(children, MANAGER_PROCESSES * MANAGER_INCREMENTS, one, runs)


class DictManager(BaseManager):
    pass


SERVED = {}


def served_dict():
    return SERVED


def remote_client(port, rates):
    class Remote(BaseManager):
        pass
    Remote.register("get_dict", proxytype=DictProxy)
    manager = Remote(address=("127.0.0.1", port), authkey=AUTHKEY)
    manager.connect()
    d = manager.get_dict()
    while True:
        rates.put(2 * MANAGER_PAIRS / timed(lambda: set_and_get(d)))


def manager_remote_samples(runs):
    DictManager.register("get_dict", callable=served_dict, proxytype=DictProxy)
    manager = DictManager(address=("127.0.0.1", 0), authkey=AUTHKEY)
    server = manager.get_server()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ctx = mp.get_context("fork")
    rates = ctx.Queue()
    client = ctx.Process(target=remote_client, args=(server.address[1], rates))
    client.start()
    for _ in range(3):
        rates.get()
    samples = [rates.get() for _ in range(runs)]
    client.kill()
    client.join()
    return samples


def echo_connection(address, family):
    with Client(address, family=family, authkey=AUTHKEY) as c:
        while True:
            try:
                c.send(c.recv())
            except EOFError:
                return


def connection_samples(runs, family):
    address = ("127.0.0.1", 0) if family == "AF_INET" else tempfile.mktemp(prefix="spindle-bench-", suffix=".sock")
    with Listener(address, family=family, authkey=AUTHKEY) as listener:
        child = mp.get_context("fork").Process(target=echo_connection, args=(listener.address, family))
        child.start()
        with listener.accept() as c:
            def round_trips():
                for i in range(ROUND_TRIPS):
                    c.send(i)
                    c.recv()
            round_trips()
            samples = [timed(round_trips) * 1e6 / ROUND_TRIPS for _ in range(runs)]
        child.join()
    return samples

THREAD_QUEUE_ITEMS = 200_000
THREAD_INCREMENTS = 200_000
THREAD_PING_PONGS = 20_000
THREADS = 1_000


def thread_queue_items_per_s():
    q = queue.Queue()

    def produce():
        for i in range(THREAD_QUEUE_ITEMS):
            q.put(i)

    t0 = time.perf_counter()
    producer = threading.Thread(target=produce)
    producer.start()
    for _ in range(THREAD_QUEUE_ITEMS):
        q.get()
    producer.join()
    return THREAD_QUEUE_ITEMS / (time.perf_counter() - t0)


def thread_lock_incr_per_s():
    lock = threading.Lock()
    counter = [0]

    def add():
        for _ in range(THREAD_INCREMENTS):
            with lock:
                counter[0] += 1

    t0 = time.perf_counter()
    adders = [threading.Thread(target=add) for _ in range(2)]
    for t in adders:
        t.start()
    for t in adders:
        t.join()
    rate = 2 * THREAD_INCREMENTS / (time.perf_counter() - t0)
    assert counter[0] == 2 * THREAD_INCREMENTS
    return rate


def thread_condition_pingpong_per_s():
    cond = threading.Condition()
    turn = [0]

    def answer():
        with cond:
            for _ in range(THREAD_PING_PONGS):
                cond.wait_for(lambda: turn[0] == 1)
                turn[0] = 0
                cond.notify()

    t0 = time.perf_counter()
    answerer = threading.Thread(target=answer)
    answerer.start()
    with cond:
        for _ in range(THREAD_PING_PONGS):
            turn[0] = 1
            cond.notify()
            cond.wait_for(lambda: turn[0] == 0)
    answerer.join()
    return THREAD_PING_PONGS / (time.perf_counter() - t0)


def thread_event_pingpong_per_s():
    ping, pong_event = threading.Event(), threading.Event()

    def answer():
        for _ in range(THREAD_PING_PONGS):
            ping.wait()
            ping.clear()
            pong_event.set()

    t0 = time.perf_counter()
    answerer = threading.Thread(target=answer)
    answerer.start()
    for _ in range(THREAD_PING_PONGS):
        ping.set()
        pong_event.wait()
        pong_event.clear()
    answerer.join()
    return THREAD_PING_PONGS / (time.perf_counter() - t0)


def thread_start_join_ms():
    t0 = time.perf_counter()
    started = [threading.Thread(target=noop) for _ in range(THREADS)]
    for t in started:
        t.start()
    for t in started:
        t.join()
    return (time.perf_counter() - t0) * 1e3


THREAD_FIGURES = {
    "thread.queue_1p1c_items_per_s": thread_queue_items_per_s,
    "thread.lock_2threads_incr_per_s": thread_lock_incr_per_s,
    "thread.condition_pingpong_per_s": thread_condition_pingpong_per_s,
    "thread.event_pingpong_per_s": thread_event_pingpong_per_s,
    "thread.start_join_1000_ms": thread_start_join_ms,
}


TRUE_RUNS = 200


def subprocess_run_true_per_s():
    t0 = time.perf_counter()
    for _ in range(TRUE_RUNS):
        if subprocess.run(["true"]).returncode != 0:
            raise SystemExit("true failed")
    return TRUE_RUNS / (time.perf_counter() - t0)


ECHO_LINE = b"hello, server\n"
ECHO_CLIENTS = 100
ECHO_ROUND_TRIPS = 200
SERVER_CONNECTIONS = 200


class LineEcho(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line)


def echo_client(address, round_trips):
    with socket.create_connection(address) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = sock.makefile("rb")
        for _ in range(round_trips):
            sock.sendall(ECHO_LINE)
            if reader.readline() != ECHO_LINE:
                raise SystemExit("wrong echo")
        reader.close()


def threaded_echo_roundtrips_per_s(address):
    clients = [threading.Thread(target=echo_client, args=(address, ECHO_ROUND_TRIPS)) for _ in range(ECHO_CLIENTS)]
    t0 = time.perf_counter()
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    return ECHO_CLIENTS * ECHO_ROUND_TRIPS / (time.perf_counter() - t0)


def process_connections_per_s(address):
    t0 = time.perf_counter()
    for _ in range(SERVER_CONNECTIONS):
        echo_client(address, 1)
    return SERVER_CONNECTIONS / (time.perf_counter() - t0)


class BigThreadingServer(socketserver.ThreadingTCPServer):
    request_queue_size = 4096
    daemon_threads = True


class BigForkingServer(socketserver.ForkingTCPServer):
    request_queue_size = 4096


def server_samples(server_class, workload, runs, on_thread):
    """serve_forever on a thread of the clients' process (Spindle's topology: one JVM), or, for a
    forking server, in a process of its own (a fork from a process with threads can deadlock)."""
    server = server_class(("127.0.0.1", 0), LineEcho)
    if on_thread:
        serving = threading.Thread(target=server.serve_forever, daemon=True)
    else:
        serving = mp.get_context("fork").Process(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        workload(server.server_address)
        workload(server.server_address)
        return [workload(server.server_address) for _ in range(runs)]
    finally:
        if on_thread:
            server.shutdown()
        else:
            serving.terminate()
            serving.join()
        server.server_close()


NET_FIGURES = {
    "subprocess.run_true_per_s": subprocess_run_true_per_s,
}


def progress_update_ns():
    from tqdm import tqdm
    n = 2_000_000
    with open(os.devnull, "w") as sink:
        bar = tqdm(total=n, file=sink)
        t0 = time.perf_counter_ns()
        for _ in range(n):
            bar.update(1)
        elapsed = time.perf_counter_ns() - t0
        bar.close()
    return elapsed / n


def main():
    figure, runs = sys.argv[1], int(sys.argv[2])
    if figure == "process.start_join.cold_ms":
        start_join_ms("spawn")
        samples = [start_join_ms("spawn") for _ in range(runs)]
    elif figure == "process.start_join.warm_ms":
        start_join_ms("fork")
        samples = [start_join_ms("fork") for _ in range(runs)]
    elif figure == "pipe.roundtrip_us":
        samples = [pipe_roundtrip_us() for _ in range(runs)]
    elif figure == "pool.map.chunk1.tasks_per_s":
        samples = pool_samples(runs, 1)
    elif figure == "pool.map.auto.tasks_per_s":
        samples = pool_samples(runs, None)
    elif re.fullmatch(r"pool\.map\.chunk1\.workers_\d+\.tasks_per_s", figure):
        samples = pool_samples(runs, 1, int(figure.split(".")[3].split("_")[1]))
    elif figure == "process.jvm_floor_ms":
        interpreter_floor_ms()
        samples = [interpreter_floor_ms() for _ in range(runs)]
    elif figure in ("process.child_rss_mb", "process.child_pss_mb"):
        field = "Rss" if figure == "process.child_rss_mb" else "Pss"
        samples = [idle_child_memory_mb(field) for _ in range(runs)]
    elif figure == "process.child_pss_of_4_mb":
        samples = [idle_child_memory_mb("Pss", 4) for _ in range(runs)]
    elif figure == "executor.submit.tasks_per_s":
        samples = submit_samples(runs)
    elif figure == "primes.serial_s":
        samples = prime_samples(runs, None)
    elif figure == "primes.threads_s":
        samples = prime_samples(runs, concurrent.futures.ThreadPoolExecutor(WORKERS))
    elif figure == "primes.processes_s":
        samples = prime_samples(runs, concurrent.futures.ProcessPoolExecutor(WORKERS, mp_context=mp.get_context("fork")))
    elif figure == "mutex.uncontended_ns":
        lock_ns()
        samples = [lock_ns() for _ in range(runs)]
    elif figure == "lock.uncontended_pairs_per_s":
        lock_ns()
        samples = [lock_pairs_per_s() for _ in range(runs)]
    elif figure == "event.pingpong_2proc_per_s":
        samples = [event_pingpong_per_s() for _ in range(runs)]
    elif figure == "condition.pingpong_2proc_per_s":
        samples = [condition_pingpong_per_s() for _ in range(runs)]
    elif figure == "barrier.2proc_rounds_per_s":
        samples = [barrier_rounds_per_s() for _ in range(runs)]
    elif figure in ("value.lock_incr_2proc_per_s", "value.atomic_incr_2proc_per_s"):
        samples = value_samples(runs)
    elif figure in THREAD_FIGURES:
        THREAD_FIGURES[figure]()  # warm-up
        samples = [THREAD_FIGURES[figure]() for _ in range(runs)]
    elif figure == "socketserver.threaded_echo_100clients_roundtrips_per_s":
        samples = server_samples(BigThreadingServer, threaded_echo_roundtrips_per_s, runs, True)
    elif figure == "socketserver.process_connections_per_s":
        samples = server_samples(BigForkingServer, process_connections_per_s, runs, False)
    elif figure in NET_FIGURES:
        NET_FIGURES[figure]()  # warm-up
        samples = [NET_FIGURES[figure]() for _ in range(runs)]
    elif figure.startswith(("queue.", "joinable.", "simplequeue.")):
        samples = queue_samples(figure, runs)
    elif figure == "manager.dict_set_get_per_s":
        samples = manager_set_get_samples(runs)
    elif figure == "manager.dict_10procs_incr_per_s":
        samples = manager_10procs_samples(runs)
    elif figure == "manager.remote_tcp_ops_per_s":
        samples = manager_remote_samples(runs)
    elif figure == "connection.tcp_roundtrip_us":
        samples = connection_samples(runs, "AF_INET")
    elif figure == "connection.unix_roundtrip_us":
        samples = connection_samples(runs, "AF_UNIX")
    elif figure == "progress.update_ns":
        try:
            import tqdm  # noqa: F401
        except ImportError:
            # pip is not reachable here: Debian's python3-tqdm (pure Python) serves any 3.x python3
            sys.path.append("/usr/lib/python3/dist-packages")
        try:
            import tqdm  # noqa: F401,F811
        except ImportError:
            print(json.dumps({"name": figure, "runs": 0, "samples": [], "note": "tqdm is not installed"}))
            return
        progress_update_ns()
        samples = [progress_update_ns() for _ in range(runs)]
    elif figure == "pool.map.chunk1.insights_on.tasks_per_s":
        print(json.dumps({"name": figure, "runs": 0, "samples": [], "note": "CPython's Pool records no insights"}))
        return
    elif figure in ("mutex.owner_death_recovery_ms", "lock.owner_death_recovery_ms"):
        print(json.dumps({"name": figure, "runs": 0, "samples": [],
                          "note": "a multiprocessing.Lock whose holder died is never released"}))
        return
    else:
        raise SystemExit("unknown figure " + figure)
    print(json.dumps({"name": figure, "value": round(statistics.median(samples), 3), "runs": runs,
                      "samples": [round(x, 6) for x in samples]}))


if __name__ == "__main__":
    main()
