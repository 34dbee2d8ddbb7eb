"""CPython's side of `spindle bench coroutines` for asyncio: the same workloads as AsyncioBench.

Usage: python3 cpython_asyncio_bench.py FIGURE RUNS
  asyncio.tasks_100k_3sleeps_s            100,000 tasks each sleeping 100 ms three times, under one gather
  asyncio.create_task_await_per_s         100,000 trivial tasks created, then awaited
  asyncio.queue_1p1c_items_per_s          100,000 items through an unbounded asyncio.Queue between two tasks
  asyncio.echo_100clients_roundtrips_per_s  an asyncio echo server and 100 clients in one program, 200 line round trips each
Each sample is one asyncio.run; one warm-up run is not counted. Prints the median and every sample.
"""
import asyncio
import json
import statistics
import sys
import time

TASKS = 100_000
ITEMS = 100_000
CLIENTS = 100
ROUND_TRIPS = 200


async def three_naps():
    for _ in range(3):
        await asyncio.sleep(0.1)


async def tasks_three_sleeps():
    await asyncio.gather(*[asyncio.create_task(three_naps()) for _ in range(TASKS)])


def tasks_three_sleeps_s():
    t0 = time.perf_counter()
    asyncio.run(tasks_three_sleeps())
    return time.perf_counter() - t0


async def one():
    return 1


async def create_await():
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(one()) for _ in range(TASKS)]
    for task in tasks:
        await task
    return TASKS / (time.perf_counter() - t0)


async def queue_items():
    queue = asyncio.Queue()
    t0 = time.perf_counter()

    async def consume():
        for _ in range(ITEMS):
            await queue.get()

    async def produce():
        for i in range(ITEMS):
            await queue.put(i)

    consumer = asyncio.create_task(consume())
    producer = asyncio.create_task(produce())
    await producer
    await consumer
    return ITEMS / (time.perf_counter() - t0)


async def echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for _ in range(ROUND_TRIPS):
        writer.write(b"ping\n")
        await writer.drain()
        await reader.readline()
    writer.close()
    await writer.wait_closed()


async def echo_round_trips():
    server = await asyncio.start_server(echo, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    t0 = time.perf_counter()
    await asyncio.gather(*[asyncio.create_task(client(port)) for _ in range(CLIENTS)])
    rate = CLIENTS * ROUND_TRIPS / (time.perf_counter() - t0)
    server.close()
    await server.wait_closed()
    return rate


SAMPLES = {
    "asyncio.tasks_100k_3sleeps_s": tasks_three_sleeps_s,
    "asyncio.create_task_await_per_s": lambda: asyncio.run(create_await()),
    "asyncio.queue_1p1c_items_per_s": lambda: asyncio.run(queue_items()),
    "asyncio.echo_100clients_roundtrips_per_s": lambda: asyncio.run(echo_round_trips()),
}


def main():
    figure, runs = sys.argv[1], int(sys.argv[2])
    if figure not in SAMPLES:
        raise SystemExit("unknown figure " + figure)
    sample = SAMPLES[figure]
    sample()  # warm-up, as AsyncioBench's
    samples = [sample() for _ in range(runs)]
    print(json.dumps({"name": figure, "value": round(statistics.median(samples), 3), "runs": runs,
                      "samples": [round(x, 6) for x in samples]}))


if __name__ == "__main__":
    main()
