"""Celery's side of cluster.noop_tasks_per_s: N no-op tasks sent by one client, run by 2 workers
of 2 prefork processes each, results in Redis; timed from the first send until every result is
read. Usage: python3 celery_bench.py PORT TASKS (the workers import this file as celery_bench)."""
import os
import subprocess
import sys
import time

from celery import Celery

app = Celery("celery_bench", broker=os.environ.get("CELERY_BENCH_URL"), backend=os.environ.get("CELERY_BENCH_URL"))


@app.task
def noop():
    return None


def main():
    port, tasks = int(sys.argv[1]), int(sys.argv[2])
    here = os.path.dirname(os.path.abspath(__file__))
    os.environ["CELERY_BENCH_URL"] = f"redis://127.0.0.1:{port}/0"
    sys.path.insert(0, here)
    import celery_bench as bench  # the module the workers know, not __main__
    workers = [subprocess.Popen([sys.executable, "-m", "celery", "-A", "celery_bench", "worker", "-c", "2", "-P", "prefork",
                                 "-n", f"w{i}@%h", "--loglevel", "ERROR", "--without-gossip", "--without-mingle"],
                                cwd=here, env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for i in range(2)]
    try:
        bench.noop.delay().get(timeout=60)  # up and warm
        start = time.perf_counter()
        results = [bench.noop.delay() for _ in range(tasks)]
        for r in results:
            r.get(timeout=600)
        print(f"{tasks / (time.perf_counter() - start):.1f}")
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait()


if __name__ == "__main__":
    main()
