"""CPython's side of `spindle bench`: the same workloads as Spindle's, printed as JSON lines.

Usage: python3 cpython_bench.py FIGURE RUNS
  process.start_join.cold_ms   spawn start method, empty target, start + join
  process.start_join.warm_ms   fork start method (the cheapest CPython has), empty target
  pipe.roundtrip_us            a small object parent -> echoing child -> parent, 20,000 times
"""
import json
import multiprocessing as mp
import statistics
import sys
import time

ROUND_TRIPS = 20_000


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
    else:
        raise SystemExit("unknown figure " + figure)
    print(json.dumps({"name": figure, "value": round(statistics.median(samples), 3), "runs": runs}))


if __name__ == "__main__":
    main()
