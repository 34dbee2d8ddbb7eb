"""Celery's side of cluster.noop_tasks_per_s: N no-op tasks sent by one client, run by 2 workers
of 2 prefork processes each, results in Redis; timed from the first send until every result is
read. Usage: python3 celery_bench.py PORT TASKS"""
import os, subprocess, sys, time

port, tasks = int(sys.argv[1]), int(sys.argv[2])
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
url = f"redis://127.0.0.1:{port}/0"
os.environ["CELERY_BENCH_URL"] = url

from celery import Celery  # noqa: E402

app = Celery("celery_bench", broker=os.environ["CELERY_BENCH_URL"], backend=os.environ["CELERY_BENCH_URL"])


@app.task
def noop():
    return None


if __name__ == "__main__":
    workers = [subprocess.Popen([sys.executable, "-m", "celery", "-A", "celery_bench", "worker", "-c", "2", "-P", "prefork",
                                 "-n", f"w{i}@%h", "--loglevel", "ERROR", "--without-gossip", "--without-mingle"],
                                cwd=os.path.dirname(os.path.abspath(__file__)), env=dict(os.environ),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in range(2)]
    try:
        noop.delay().get(timeout=60)  # both up and warm
        start = time.perf_counter()
        results = [noop.delay() for _ in range(tasks)]
        for r in results:
            r.get(timeout=600)
        print(f"{tasks / (time.perf_counter() - start):.1f}")
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait()
