"""CPython's side of `spindle bench ssh`: the same workload as SshBench's, printed as one JSON line.

Usage: python3 cpython_ssh_bench.py FIGURE RUNS
  ssh.exec_20hosts_s         `echo ok` on 20 SSH servers at once (paramiko, a thread per host
                             in a ThreadPoolExecutor), each an SSHClient that checks the host key
                             against known_hosts (RejectPolicy), logs in with a password, reads
                             stdout and the exit status, and closes
  ssh.exec_20hosts_serial_s  the same, one host after another
The servers are the ones `spindle bench ssh` runs (MINA SSHD on 127.0.0.1) while it measures this
script; it finds them in the known_hosts file it writes (see KNOWN_HOSTS). paramiko comes from
Debian's python3-paramiko: when the interpreter running this lacks it, the script runs itself again
with /usr/bin/python3 if that has it; otherwise it says so on stderr and prints no samples. One
warm-up run is not counted.
"""
import json
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

USER = "wupeiqi"
PASSWORD = "123"
COMMAND = "echo ok"
TIMEOUT = 30
KNOWN_HOSTS = os.path.join(tempfile.gettempdir(), "spindle-ssh-bench-known_hosts")
DEBIAN_PYTHON = "/usr/bin/python3"


def hosts():
    with open(KNOWN_HOSTS) as f:
        for line in f:
            address = line.split()[0]  # [127.0.0.1]:port
            host, port = address[1:].split("]:")
            yield host, int(port)


def on_host(host, port):
    import paramiko
    client = paramiko.SSHClient()
    client.load_host_keys(KNOWN_HOSTS)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    try:
        client.connect(host, port=port, username=USER, password=PASSWORD, timeout=TIMEOUT, banner_timeout=TIMEOUT,
                       auth_timeout=TIMEOUT, look_for_keys=False, allow_agent=False)
        stdin, stdout, stderr = client.exec_command(COMMAND, timeout=TIMEOUT)
        out = stdout.read()
        status = stdout.channel.recv_exit_status()
        if out != b"ok\n" or status != 0:
            raise RuntimeError("%s:%d answered %r, exit status %d" % (host, port, out, status))
    finally:
        client.close()


def at_once():
    targets = list(hosts())
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(targets)) as pool:
        for done in [pool.submit(on_host, host, port) for host, port in targets]:
            done.result()
    return time.perf_counter() - t0


def in_turn():
    targets = list(hosts())
    t0 = time.perf_counter()
    for host, port in targets:
        on_host(host, port)
    return time.perf_counter() - t0


FIGURES = {"ssh.exec_20hosts_s": at_once, "ssh.exec_20hosts_serial_s": in_turn}


def has_paramiko():
    try:
        import paramiko  # noqa: F401
        return True
    except ImportError:
        return False


def main():
    figure, runs = sys.argv[1], int(sys.argv[2])
    if figure not in FIGURES:
        raise SystemExit("unknown figure " + figure)
    if not has_paramiko():
        if os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON) and os.path.exists(DEBIAN_PYTHON) \
                and not os.environ.get("SPINDLE_BENCH_REEXEC"):
            os.environ["SPINDLE_BENCH_REEXEC"] = "1"
            os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)
        print("spindle bench: paramiko is not installed for CPython (apt-get install python3-paramiko); "
              "no CPython figure for " + figure, file=sys.stderr)
        print(json.dumps({"name": figure, "runs": 0, "samples": [], "note": "paramiko is not installed"}))
        return
    measure = FIGURES[figure]
    measure()
    samples = [measure() for _ in range(runs)]
    print(json.dumps({"name": figure, "value": round(statistics.median(samples), 3), "runs": runs,
                      "samples": [round(x, 6) for x in samples],
                      "python": "%s %d.%d.%d" % ((sys.executable,) + sys.version_info[:3])}))


if __name__ == "__main__":
    main()
