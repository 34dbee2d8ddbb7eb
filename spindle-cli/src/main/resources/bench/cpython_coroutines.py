"""CPython's side of `spindle bench coroutines` for generators, greenlet and gevent: the same
workloads as CoroutineBench's, printed as one JSON line.

Usage: python3 cpython_coroutines.py FIGURE RUNS
  generator.send_per_s                    1,000,000 sends into a running-average generator
                                          (also as generator.send_per_s.in_virtual_thread: Spindle's
                                          caller is then a virtual thread; CPython's is the same)
  greenlet.switch_roundtrip_per_s         1,000,000 switches to a greenlet and back (greenlet;
                                          also as greenlet.switch_roundtrip_per_s.in_virtual_thread)
  gevent.spawn_joinall_per_s              10,000 trivial greenlets spawned, then gevent.joinall
  gevent.echo_100clients_roundtrips_per_s a gevent StreamServer echoing lines and 100 spawned
                                          clients in the same process, 200 line round trips each
greenlet and gevent come from Debian's python3-gevent: when the interpreter running this lacks
them, the script runs itself again with /usr/bin/python3 if that has them; otherwise it says so
on stderr and prints no samples. One warm-up run is not counted.
"""
import json
import os
import statistics
import sys
import time

SENDS = 1_000_000
SWITCHES = 1_000_000
SPAWNS = 10_000
CLIENTS = 100
LINES = 200
DEBIAN_PYTHON = "/usr/bin/python3"


def calc_avg():
    total, counter = 0, 0
    avg_value = None
    while True:
        value = yield avg_value
        total, counter = total + value, counter + 1
        avg_value = total / counter


def send_per_s():
    gen = calc_avg()
    next(gen)
    send = gen.send
    t0 = time.perf_counter()
    for _ in range(SENDS):
        send(1.0)
    return SENDS / (time.perf_counter() - t0)


def switch_roundtrip_per_s():
    from greenlet import greenlet, getcurrent
    main = getcurrent()

    def bounce():
        while True:
            main.switch()

    g = greenlet(bounce)
    g.switch()
    switch = g.switch
    t0 = time.perf_counter()
    for _ in range(SWITCHES):
        switch()
    rate = SWITCHES / (time.perf_counter() - t0)
    g.throw()
    return rate


def spawn_joinall_per_s():
    import gevent

    def trivial():
        return None

    t0 = time.perf_counter()
    tasks = [gevent.spawn(trivial) for _ in range(SPAWNS)]
    gevent.joinall(tasks)
    return SPAWNS / (time.perf_counter() - t0)


def echo_roundtrips_per_s():
    import gevent
    from gevent import socket
    from gevent.server import StreamServer

    def echo(sock, address):
        reader = sock.makefile("rb")
        for line in reader:
            sock.sendall(line)
        reader.close()

    server = StreamServer(("127.0.0.1", 0), echo)
    server.start()
    port = server.server_port

    def client():
        c = socket.create_connection(("127.0.0.1", port))
        reader = c.makefile("rb")
        for i in range(LINES):
            c.sendall(b"hello %d\n" % i)
            reader.readline()
        reader.close()
        c.close()

    t0 = time.perf_counter()
    gevent.joinall([gevent.spawn(client) for _ in range(CLIENTS)], raise_error=True)
    rate = CLIENTS * LINES / (time.perf_counter() - t0)
    server.stop()
    return rate


FIGURES = {
    "generator.send_per_s": (send_per_s, None),
    "generator.send_per_s.in_virtual_thread": (send_per_s, None),
    "greenlet.switch_roundtrip_per_s": (switch_roundtrip_per_s, "greenlet"),
    "greenlet.switch_roundtrip_per_s.in_virtual_thread": (switch_roundtrip_per_s, "greenlet"),
    "gevent.spawn_joinall_per_s": (spawn_joinall_per_s, "gevent"),
    "gevent.echo_100clients_roundtrips_per_s": (echo_roundtrips_per_s, "gevent"),
}


def has(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


def main():
    figure, runs = sys.argv[1], int(sys.argv[2])
    if figure not in FIGURES:
        raise SystemExit("unknown figure " + figure)
    measure, module = FIGURES[figure]
    if module and not has(module):
        if os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON) and os.path.exists(DEBIAN_PYTHON) \
                and not os.environ.get("SPINDLE_BENCH_REEXEC"):
            os.environ["SPINDLE_BENCH_REEXEC"] = "1"
            os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)
        print("spindle bench: %s is not installed for CPython (apt-get install python3-gevent); no CPython figure for %s"
              % (module, figure), file=sys.stderr)
        print(json.dumps({"name": figure, "runs": 0, "samples": [], "note": module + " is not installed"}))
        return
    measure()
    samples = [measure() for _ in range(runs)]
    print(json.dumps({"name": figure, "value": round(statistics.median(samples), 3), "runs": runs,
                      "samples": [round(x, 6) for x in samples],
                      "python": "%s %d.%d.%d" % ((sys.executable,) + sys.version_info[:3])}))


if __name__ == "__main__":
    main()
