#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the feed benchmark: one sender, five clients fed the same stream, in one run.

The clients: the shipped trade-monitor executable (offscreen, its window and models), the
app's feed path headless (SocketManager -> FeedParser -> PositionBook -> PositionsModel), a
bare QWebSocket that only counts, Node.js `ws` and Python `websockets`. Each is measured from
the outside the same way: the sender pings after the Snapshot and after the last update, and
every client answers pings in order with the frames before them, so the client's CPU time
(all its threads, from /proc) between the two pongs is what the stream cost it.

Prints Markdown tables, every target with whether it is met, and writes the figures as JSON.
Timing is reported, never asserted; with --quick it runs a tiny size and fails only if a
client missed a message or did not finish.
"""
import argparse
import glob
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers")
# Debian's python3-websockets is installed for the system interpreter.
SYSTEM_PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
NAMES = ["app", "ours", "bare", "node", "python"]
LABELS = {"app": "trade-monitor (the app, offscreen GUI)",
          "ours": "the app's feed path, headless",
          "bare": "bare QWebSocket (ceiling)",
          "node": "Node.js ws + JSON.parse + Map",
          "python": "Python websockets + json + dict"}
STALL = re.compile(r"GUI thread stalled for ([0-9.]+) ms \(ended at (\d+) ns")


def task_stats(pid):
    """CPU nanoseconds and context switches of every thread of a process."""
    cpu = switches = 0
    for task in glob.glob(f"/proc/{pid}/task/*"):
        try:
            with open(f"{task}/schedstat") as f:
                cpu += int(f.read().split()[0])
            with open(f"{task}/status") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        switches += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that just ended
    return cpu, switches


class Sender:
    def __init__(self, bench, positions, messages, rate, probe_every=10, extra=(), nice=0):
        self.process = subprocess.Popen(
            (["nice", "-n", str(nice)] if nice else []) + [bench, "serve", "--positions", str(positions), "--messages", str(messages),
             "--rate", str(rate), "--probe-every", str(probe_every), *extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.url = self.process.stdout.readline().strip()
        self.update_bytes = int(self.process.stdout.readline().strip() or 0)
        if not self.url.startswith("ws://"):
            raise SystemExit("the sender did not start")

    def wait(self, event, timeout, client):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if client.poll() is not None:
                raise RuntimeError(f"the client ended (status {client.returncode}) before {event}")
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if ready:
                line = self.process.stdout.readline()
                if not line:
                    raise RuntimeError("the sender ended")
                if line.startswith("{"):
                    message = json.loads(line)
                    if message.get("event") == event:
                        return message
        raise RuntimeError(f"no {event} within {timeout} s")

    def go(self):
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def stop(self):
        self.process.kill()
        self.process.wait()


def command_for(name, bench, app, url, messages, scratch):
    if name == "app":
        return [app, "--url", url, "--db", os.path.join(scratch, "history.sqlite")]
    if name in ("ours", "bare"):
        return [bench, "client", "--mode", name, "--url", url, "--messages", str(messages),
                "--latency", "--stay"]
    if name == "node":
        return ["node", os.path.join(PEERS, "node_peer.js"), url, str(messages), "--latency",
                "--stay"]
    return [SYSTEM_PYTHON, os.path.join(PEERS, "python_peer.py"), url, str(messages),
            "--latency", "--stay"]


def measure(name, args, positions, messages, rate, stall=False, perf=None, shape=None):
    """One client fed one stream; its CPU, wake-ups and latency, measured from outside.

    shape: the issue's benchmark instead of ours, {"frames_per_write": F} (saturated) or
    {"pause_every": K} (paced), with "warmup": W updates before the measurement starts and no
    stamps or probes in the stream."""
    scratch = tempfile.mkdtemp(prefix="tm-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{scratch}/config",
               XDG_DATA_HOME=f"{scratch}/data", XDG_CACHE_HOME=f"{scratch}/cache",
               XDG_RUNTIME_DIR=scratch, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    if stall:
        env["QT_LOGGING_RULES"] = "trademonitor.perf.debug=true"
        subprocess.run([args.bench_exe, "app-settings"], env=env, check=True)
    extra, warmup, probe_every = [], 0, 10
    if shape:
        warmup = shape["warmup"]
        extra = ["--warmup", str(warmup), "--no-stamp"]
        if "frames_per_write" in shape:
            extra += ["--frames-per-write", str(shape["frames_per_write"])]
        else:
            extra += ["--pause-every", str(shape["pause_every"])]
        probe_every = 0
    sender = Sender(args.bench_exe, positions, messages, rate, probe_every, extra)
    measured = messages - warmup
    command = command_for(name, args.bench_exe, args.app_exe, sender.url, messages, scratch)
    if shape:  # no stamps to read
        command = [part for part in command if part != "--latency"]
    out = open(os.path.join(scratch, "out"), "w+")
    err = open(os.path.join(scratch, "err"), "w+")
    client = subprocess.Popen(command, stdout=out, stderr=err, env=env)
    profiler = None
    try:
        sender.wait("ready", 60, client)
        if perf:
            profiler = subprocess.Popen(
                ["perf", "record", "-F", os.environ.get("TM_PERF_FREQ", "4000"),
                 "--call-graph", os.environ.get("TM_PERF_CALLGRAPH", "fp"),
                 "-o", perf, "-p", str(client.pid)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)  # perf attaches before the stream starts
        if warmup:
            sender.go()
            sender.wait("warm", 600, client)
        cpu0, switches0 = task_stats(client.pid)
        start = time.monotonic_ns()
        sender.go()
        done = sender.wait("done", 600, client)
        end = time.monotonic_ns()
        # What the stream left to do (the app's coalesced repaint) counts too.
        time.sleep(0.3)
        cpu1, switches1 = task_stats(client.pid)
        if profiler:
            profiler.send_signal(2)
            profiler.wait()
    finally:
        client.kill()
        client.wait()
        sender.stop()
    out.seek(0)
    err.seek(0)
    reports = [json.loads(line) for line in out.read().splitlines() if line.startswith("{")]
    stderr = err.read()
    shutil.rmtree(scratch, ignore_errors=True)
    cpu_s = (cpu1 - cpu0) / 1e9
    result = {
        "client": name, "messages": messages, "update_bytes": sender.update_bytes, "cpu_s": cpu_s,
        "us_per_msg": cpu_s * 1e6 / measured,
        "msgs_per_cpu_s": measured / cpu_s if cpu_s else 0,
        "wakeups_per_msg": (switches1 - switches0) / measured,
        "us_per_wakeup": cpu_s * 1e6 / max(1, switches1 - switches0),
        "stream_s": done.get("stream_s"),
        "probe_p50_us": done.get("probe_p50_us"), "probe_p99_us": done.get("probe_p99_us"),
        "probes": done.get("probes", 0),
    }
    if reports:  # the client's own count and its stamped latency (send -> applied)
        report = reports[-1]
        result["received"] = report.get("messages")
        result["self_p50_us"] = report.get("p50_us")
        result["self_p99_us"] = report.get("p99_us")
    if stall:
        stalls = [float(ms) for ms, at in STALL.findall(stderr) if start <= int(at) <= end]
        result["max_stall_ms"] = max(stalls, default=0.0)
        result["stalls_over_16ms"] = sum(1 for s in stalls if s > 16)
    return result


def rss_kb(pid):
    """The resident memory of a process now, and its peak, in KiB."""
    now = peak = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                now = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1])
    return now, peak


def connections_to(pid, ports):
    """How many of a process's TCP connections go to each of `ports` (127.0.0.1)."""
    inodes = set()
    for fd in glob.glob(f"/proc/{pid}/fd/*"):
        try:
            link = os.readlink(fd)
        except OSError:
            continue
        if link.startswith("socket:["):
            inodes.add(link[8:-1])
    counts = {port: 0 for port in ports}
    with open(f"/proc/{pid}/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            remote_port = int(fields[2].split(":")[1], 16)
            if fields[3] == "01" and fields[9] in inodes and remote_port in counts:
                counts[remote_port] += 1
    return counts


def accounts_run(args, quick, accounts=20, positions=500, total_rate=2000, seconds=30):
    """Several accounts in one window (issue 29): `accounts` senders, one per --account, each
    with `positions` positions, `total_rate` updates a second between them, into the app
    sorted on Price with All accounts shown; its longest GUI-thread stalls and its memory."""
    if quick:
        accounts, positions, seconds = 3, 50, 2
    scratch = tempfile.mkdtemp(prefix="tm-bench-accounts-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{scratch}/config",
               XDG_DATA_HOME=f"{scratch}/data", XDG_CACHE_HOME=f"{scratch}/cache",
               XDG_RUNTIME_DIR=scratch, LANG="C.UTF-8", LC_ALL="C.UTF-8",
               QT_LOGGING_RULES="trademonitor.perf.debug=true")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    subprocess.run([args.bench_exe, "app-settings"], env=env, check=True)
    rate = max(1, total_rate // accounts)
    messages = rate * seconds
    # Twenty load generators share the machine's cores with the app: lower priority, so that
    # their own wake-ups do not count as the app's stalls.
    senders = [Sender(args.bench_exe, positions, messages, rate, nice=10)
               for _ in range(accounts)]
    command = [args.app_exe, "--db", os.path.join(scratch, "history.sqlite")]
    for i, sender in enumerate(senders):
        command += ["--account", f"name=Account {i + 1};trader={10260 + i};url={sender.url}"]
    err = open(os.path.join(scratch, "err"), "w+")
    client = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env)
    try:
        for sender in senders:
            sender.wait("ready", 120, client)
        rss_ready, _ = rss_kb(client.pid)
        ports = [int(sender.url.split(":")[2].split("/")[0]) for sender in senders]
        per_account = connections_to(client.pid, ports)
        cpu0, _ = task_stats(client.pid)
        start = time.monotonic_ns()
        for sender in senders:
            sender.go()
        for sender in senders:
            sender.wait("done", 600, client)
        end = time.monotonic_ns()
        time.sleep(0.3)  # the last coalesced repaint
        cpu1, _ = task_stats(client.pid)
        rss_end, rss_peak = rss_kb(client.pid)
    finally:
        client.kill()
        client.wait()
        for sender in senders:
            sender.stop()
    err.seek(0)
    stderr = err.read()
    shutil.rmtree(scratch, ignore_errors=True)
    stalls = [float(ms) for ms, at in STALL.findall(stderr) if start <= int(at) <= end]
    stream_s = (end - start) / 1e9
    return {"accounts": accounts, "positions_each": positions, "updates_per_s": rate * accounts,
            "messages": messages * accounts, "stream_s": stream_s,
            "cpu_share": (cpu1 - cpu0) / 1e9 / stream_s if stream_s else 0,
            "max_stall_ms": max(stalls, default=0.0),
            "stalls_over_16ms": sum(1 for s in stalls if s > 16),
            "rss_ready_mb": rss_ready / 1024, "rss_end_mb": rss_end / 1024,
            "rss_peak_mb": rss_peak / 1024,
            "one_socket_each": all(count == 1 for count in per_account.values()),
            "connections": sum(per_account.values())}


def print_accounts(a):
    print(f"\n{a['accounts']} accounts in one window, {a['positions_each']:,} positions each,"
          f" {a['updates_per_s']:,} updates/s in all ({a['messages']:,} in {a['stream_s']:.1f} s),"
          f" sorted on Price, All accounts shown: longest GUI-thread stall"
          f" {fmt(a['max_stall_ms'])} ms ({a['stalls_over_16ms']} over 16 ms), CPU"
          f" {a['cpu_share'] * 100:.0f} % of a core, resident memory {fmt(a['rss_end_mb'])} MB"
          f" (peak {fmt(a['rss_peak_mb'])} MB); {a['connections']} connections,"
          f" {'one' if a['one_socket_each'] else 'NOT one'} per account.")
    print("\n| target | measured | met |")
    print("| --- | ---: | :---: |")
    for text, value, bound in (("longest GUI-thread stall, ms", a["max_stall_ms"], 16.0),
                               ("peak resident memory, MB", a["rss_peak_mb"], 400.0)):
        print(f"| {text} | {value:.1f} (target ≤ {bound:g}) | {'yes' if value <= bound else 'no'} |")


def best_of(runs, key):
    return min(runs, key=lambda r: r[key])


def fmt(value, digits=1):
    if value is None:
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(HERE, "..", "..", "build"))
    parser.add_argument("--quick", action="store_true", help="a tiny run that proves it works")
    parser.add_argument("--json", help="where to write the figures")
    parser.add_argument("--no-perf", action="store_true", help="skip the perf profile")
    parser.add_argument("--shape-only", action="store_true",
                        help="only the issue's shape (app, Node, Python)")
    parser.add_argument("--accounts-only", action="store_true",
                        help="only several accounts in one window (20 accounts, 500 positions)")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    args.bench_exe = os.path.join(build, "tests", "bench", "bench_feed")
    args.app_exe = os.path.join(build, "app", "trade-monitor")
    quick = args.quick
    repeats = 1 if quick else 3
    results = {"machine": os.uname().machine, "cores": os.cpu_count(),
               "time": time.strftime("%Y-%m-%d %H:%M:%S"), "quick": quick}

    # Several accounts in one window (#29): 20 accounts of 500 positions, 2,000 updates a second.
    results["accounts"] = accounts_run(args, quick)
    if args.accounts_only:
        print_accounts(results["accounts"])
        if args.json:
            with open(args.json, "w") as out:
                json.dump(results, out, indent=2)
        return

    # 0. The shape (#25): saturated = 500 frames per TCP write, paced = one frame per
    # write and a 1 ms pause after every tenth; no stamps or probes; the CPU counted from the
    # end of a 10,000-message warm-up. The median of three interleaved runs.
    results["shape"] = shape_runs(args, repeats, quick)
    if args.shape_only:
        print_shape(results)
        if args.json:
            with open(args.json, "w") as out:
                json.dump(results, out, indent=2)
        return

    # 1. Saturated: many frames per TCP write, as fast as the client takes them. A shared VM
    # is noisy: every client runs three times, interleaved, and its best run counts.
    def interleaved(messages, rate):
        runs = {name: [] for name in NAMES}
        for _ in range(repeats):
            for name in NAMES:
                runs[name].append(measure(name, args, 1000, messages, rate))
        return runs

    saturated_n = 2000 if quick else 300000
    runs = interleaved(saturated_n, 0)
    results["saturated"] = {name: best_of(runs[name], "us_per_msg") for name in NAMES}
    results["saturated_runs"] = runs

    # 2. Paced: one frame per TCP write, 10 per millisecond (10k/s), a latency probe after
    # every tenth.
    paced_n = 1000 if quick else 50000
    runs = interleaved(paced_n, 10000)
    results["paced"] = {name: best_of(runs[name], "us_per_msg") for name in NAMES}
    results["paced_latency"] = {name: best_of(runs[name], "probe_p99_us") for name in NAMES}
    results["paced_runs"] = runs

    # 3. The app sorted on a ticking column: 10,000 rows, 20k messages/s; GUI-thread stalls.
    stall_n = 2000 if quick else 200000
    stall_runs = [measure("app", args, 1000 if quick else 10000, stall_n, 20000, stall=True)
                  for _ in range(repeats)]
    results["stall"] = best_of(stall_runs, "max_stall_ms")
    results["stall_runs"] = stall_runs
    # And under that load, a key press: Ctrl+2 until its Unsubscribe is on the wire.
    results["keypress"] = keypress_latency(args, quick, repeats)

    # What one flush costs the GUI thread at that size, phase by phase, without the feed.
    out = subprocess.run([args.bench_exe, "table", "--positions", "1000" if quick else "10000",
                          "--rounds", "5" if quick else "50"],
                         capture_output=True, text=True, timeout=600,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    results["table"] = json.loads(out.stdout.splitlines()[-1])

    # Whole lists (the seed dialect): 10,000 positions arriving, moving and gone, the page
    # sorted on Price, grouped by signal trader and flat.
    out = subprocess.run([args.bench_exe, "lists", "--positions", "1000" if quick else "10000",
                          "--rounds", "2" if quick else "10"],
                         capture_output=True, text=True, timeout=600,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if out.returncode != 0:
        sys.exit(f"bench_feed lists failed:\n{out.stderr[-2000:]}")
    results["lists"] = json.loads(out.stdout.splitlines()[-1])

    # 4. Where the app's paced time goes.
    if not quick and not args.no_perf and shutil.which("perf"):
        data = os.path.join(build, "bench-perf.data")
        measure("app", args, 1000, paced_n, 10000, perf=data)
        results["profile"] = profile_by_dso(data)
        # And the saturated run, where the app is furthest from the bare socket: by function.
        measure("app", args, 1000, saturated_n, 0, perf=data)
        results["profile_saturated"] = profile_by_symbol(data)

    # 5. Snapshots of 10k and 100k positions: apply time and memory per held position.
    results["snapshot"] = {}
    for count in ([1000] if quick else [10000, 100000]):
        out = subprocess.run([args.bench_exe, "snapshot", "--positions", str(count)],
                             capture_output=True, text=True, timeout=600)
        results["snapshot"][str(count)] = json.loads(out.stdout.splitlines()[-1])
    results["update_bytes"] = results["saturated"]["app"]["update_bytes"]

    # Every client must have handled every message (the app reports none: its done-pong
    # follows the last update).
    missing = []
    scenarios = [results["saturated_runs"], results["paced_runs"],
                 results["shape"]["saturated_runs"], results["shape"]["paced_runs"]]
    for runs in scenarios:
        for name, name_runs in runs.items():
            for r in name_runs:
                if r.get("received") is not None and r["received"] != r["messages"]:
                    missing.append(f"{name}: {r['received']} of {r['messages']}")

    print_report(results)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=2)
    if missing:
        raise SystemExit("clients missed messages: " + ", ".join(missing))
    print(f"\nbench: {len(NAMES)} clients handled every message")


def keypress_latency(args, quick, repeats):
    """Ctrl+2 pressed in the app's window (under Xvfb, by xdotool) while 20,000 updates a
    second stream into 10,000 rows sorted on Price: the time until its Unsubscribe is on the
    wire, as the sender sees it. Both clocks are CLOCK_MONOTONIC; the press is stamped just
    before xdotool is started, so the figure includes starting it (a few ms)."""
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        return {"skipped": "needs Xvfb and xdotool (scripts/bench installs them)"}
    xvfb, display = start_xvfb()
    runs = []
    try:
        for _ in range(repeats):
            runs.append(one_keypress(args, display, quick))
    finally:
        xvfb.kill()
        xvfb.wait()
    latencies = [r["ms"] for r in runs if r.get("ms") is not None]
    return {"runs": runs, "max_ms": max(latencies, default=None),
            "median_ms": sorted(latencies)[len(latencies) // 2] if latencies else None}


def start_xvfb():
    """An Xvfb that answers: the display it chose is asked until it does (under load a CI
    machine once had the app refused by a display that had just said it was ready), and one
    that never answers, or ends at once, is replaced, up to three times; what the last one
    said is in the error."""
    said = ""
    display = "?"
    for attempt in range(3):
        read_end, write_end = os.pipe()
        log = tempfile.TemporaryFile()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp",
                                 "-screen", "0", "1280x800x24"], pass_fds=(write_end,),
                                stdout=subprocess.DEVNULL, stderr=log)
        os.close(write_end)
        display = ":" + os.read(read_end, 16).decode().strip()
        os.close(read_end)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and xvfb.poll() is None:
            probe = subprocess.run(["xdotool", "getdisplaygeometry"],
                                   env=dict(os.environ, DISPLAY=display),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if probe.returncode == 0:
                log.close()
                return xvfb, display
            time.sleep(0.2)
        xvfb.kill()
        xvfb.wait()
        log.seek(0)
        said = log.read().decode(errors="replace").strip()
        log.close()
        time.sleep(0.5 * (attempt + 1))
    raise RuntimeError(f"Xvfb never answered on {display}: {said[-500:]}")


def one_keypress(args, display, quick):
    scratch = tempfile.mkdtemp(prefix="tm-key-")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display,
               XDG_CONFIG_HOME=f"{scratch}/config", XDG_DATA_HOME=f"{scratch}/data",
               XDG_CACHE_HOME=f"{scratch}/cache", XDG_RUNTIME_DIR=scratch, LANG="C.UTF-8",
               LC_ALL="C.UTF-8")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    subprocess.run([args.bench_exe, "app-settings"], env=env, check=True)
    positions, rate = (1000, 2000) if quick else (10000, 20000)
    sender = Sender(args.bench_exe, positions, rate * 30, rate)
    client = subprocess.Popen(command_for("app", args.bench_exe, args.app_exe, sender.url, 0,
                                          scratch), env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        sender.wait("ready", 60, client)
        sender.go()
        time.sleep(3)  # the stream at full rate, the table busy
        window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--class",
                                 "trade-monitor"], env=env, capture_output=True, text=True,
                                timeout=30).stdout.split()
        if not window:
            return {"ms": None, "error": "no window"}
        subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], env=env, timeout=30)
        pressed = time.monotonic_ns()
        subprocess.run(["xdotool", "key", "ctrl+2"], env=env, timeout=30)
        event = sender.wait("unsubscribe", 30, client)
        return {"ms": (event["at_ns"] - pressed) / 1e6}
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        return {"ms": None, "error": str(error)}
    finally:
        client.kill()
        client.wait()
        sender.stop()
        shutil.rmtree(scratch, ignore_errors=True)


SHAPE_CLIENTS = ["app", "node", "python"]


def shape_runs(args, repeats, quick):
    warmup = 500 if quick else 10000
    shapes = {"saturated": ({"frames_per_write": 500, "warmup": warmup},
                            2000 if quick else 200000),
              "paced": ({"pause_every": 10, "warmup": warmup}, 1000 if quick else 50000)}
    out = {}
    for scenario, (shape, measured) in shapes.items():
        runs = {name: [] for name in SHAPE_CLIENTS}
        for _ in range(repeats):
            for name in SHAPE_CLIENTS:
                runs[name].append(measure(name, args, 1000, warmup + measured, 0, shape=shape))
        out[scenario] = {name: median_of(runs[name], "us_per_msg") for name in SHAPE_CLIENTS}
        out[scenario + "_runs"] = runs
    return out


def median_of(runs, key):
    ordered = sorted(runs, key=lambda r: r[key])
    return ordered[len(ordered) // 2]


def print_shape(r):
    sh = r["shape"]
    print("The issue's shape: 1,000 positions from one Snapshot, then Positions messages of one"
          f" position ({sh['saturated']['app']['update_bytes']} bytes); saturated = 500 frames per"
          " TCP write, paced = one frame per write and a 1 ms pause after every tenth; CPU of all"
          " the client's threads from /proc after a warm-up of 10,000 messages; the app"
          " offscreen with its window; median of three interleaved runs."
          f"{' (Quick run: tiny sizes, the figures mean nothing.)' if r['quick'] else ''}\n")
    print("| client | saturated msgs per CPU-s | saturated µs CPU/msg | paced µs CPU/msg |"
          " paced wake-ups/msg |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in SHAPE_CLIENTS:
        s, p = sh["saturated"][name], sh["paced"][name]
        print(f"| {LABELS[name]} | {fmt(s['msgs_per_cpu_s'])} | {fmt(s['us_per_msg'], 2)} |"
              f" {fmt(p['us_per_msg'], 2)} | {fmt(p['wakeups_per_msg'], 2)} |")
    sat_ratio = sh["saturated"]["app"]["msgs_per_cpu_s"] / sh["saturated"]["node"]["msgs_per_cpu_s"]
    paced_ratio = sh["paced"]["app"]["us_per_msg"] / sh["paced"]["node"]["us_per_msg"]
    print(f"\n| target (issue's shape) | measured | met |\n| --- | ---: | :---: |")
    print(f"| saturated: app ÷ Node, msgs per CPU-s | {sat_ratio:.2f} (target ≥ 2.5) |"
          f" {'yes' if sat_ratio >= 2.5 else 'no'} |")
    print(f"| paced: app CPU/msg ÷ Node's | {paced_ratio:.2f} (target ≤ 0.8) |"
          f" {'yes' if paced_ratio <= 0.8 else 'no'} |\n")


def profile_by_dso(data):
    """Shares of the app's samples by library, from perf."""
    report = subprocess.run(["perf", "report", "-i", data, "--stdio", "--no-children",
                             "--sort", "dso", "-q"], capture_output=True, text=True)
    shares = {}
    for line in report.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].endswith("%"):
            shares[parts[-1]] = float(parts[0].rstrip("%"))
    return shares


def profile_by_symbol(data, top=15):
    """The functions with the most samples of their own, with their library."""
    report = subprocess.run(["perf", "report", "-i", data, "--stdio", "--no-children", "-g",
                             "none", "--sort", "dso,sym", "-q"], capture_output=True, text=True)
    shares = {}
    for line in report.stdout.splitlines():
        parts = line.split(None, 3)
        if len(parts) == 4 and parts[0].endswith("%"):
            symbol = parts[3].strip()
            if symbol.startswith("0x"):
                symbol = "(addresses without a symbol)"
            key = (parts[1], symbol)
            shares[key] = shares.get(key, 0.0) + float(parts[0].rstrip("%"))
    rows = sorted(([dso, symbol, share] for (dso, symbol), share in shares.items()),
                  key=lambda row: -row[2])
    return rows[:top]


def print_report(r):
    print_shape(r)
    print_accounts(r["accounts"])
    sat, paced, lat = r["saturated"], r["paced"], r["paced_latency"]
    print(f"Feed benchmark on {r['cores']} cores ({r['machine']}), {r['time']}"
          f"{' (quick run: tiny sizes, figures mean nothing)' if r['quick'] else ''}")
    print("1,000 positions; saturated = many frames per TCP write; paced = one frame per TCP"
          " write, 10 per ms (10k msg/s). CPU of all the client's threads between the pongs to"
          " a ping after the Snapshot and one after the last update; best of three.\n")
    print("| client | saturated msgs per CPU-s | saturated µs CPU/msg | paced µs CPU/msg |"
          " paced wake-ups/msg | paced µs/wake-up | paced p50 / p99 µs (probe) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in NAMES:
        s, p, l = sat[name], paced[name], lat[name]
        print(f"| {LABELS[name]} | {fmt(s['msgs_per_cpu_s'])} | {fmt(s['us_per_msg'], 2)} |"
              f" {fmt(p['us_per_msg'], 2)} | {fmt(p['wakeups_per_msg'], 2)} |"
              f" {fmt(p['us_per_wakeup'], 1)} |"
              f" {fmt(l['probe_p50_us'])} / {fmt(l['probe_p99_us'])} |")
    print("\nThe probe: send of an update -> the pong to a ping sent right after it (an upper"
          " bound on send -> applied; Python's library answers pings before its loop has"
          " handled the messages queued ahead of them, so its figure is low).")
    if "profile" in r and not r["profile"]:
        print("\nperf recorded nothing (is /proc/sys/kernel/perf_event_paranoid above 2?).")
    if r.get("profile"):
        print("\nWhere the app's paced time goes (perf, share of samples by library):\n")
        print("| library | share |")
        print("| --- | ---: |")
        for dso, share in sorted(r["profile"].items(), key=lambda kv: -kv[1])[:12]:
            print(f"| {dso} | {share:.1f} % |")
    if r.get("profile_saturated"):
        print("\nWhere the app's saturated time goes (perf, functions with the most samples of"
              " their own; Debian's Qt has no symbols for its internal functions: they show as"
              " addresses or under the nearest exported name):\n")
        print("| library | function | share |")
        print("| --- | --- | ---: |")
        for dso, symbol, share in r["profile_saturated"]:
            print(f"| {dso} | `{symbol[:90]}` | {share:.1f} % |")
    print("\n| snapshot | ours ms | plain QJsonDocument ms | speed-up | bytes held per position |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for count, s in r["snapshot"].items():
        print(f"| {int(count):,} | {fmt(s['ours_ms'])} | {fmt(s['plain_qt_ms'])} |"
              f" {fmt(s['speedup'])}× | {fmt(s['bytes_per_position'], 0)} |")
    st = r["stall"]
    print(f"\nThe app sorted on Price, {st['messages']:,} messages at 20k/s into"
          f" {'1,000' if r['quick'] else '10,000'} rows: longest GUI-thread stall"
          f" {fmt(st.get('max_stall_ms'))} ms ({st.get('stalls_over_16ms', 0)} over 16 ms),"
          f" {fmt(st['us_per_msg'], 2)} µs CPU/msg.")
    kp = r.get("keypress", {})
    if kp.get("skipped"):
        print(f"Key press under that load: not measured ({kp['skipped']}).")
    else:
        print("Key press under that load (Ctrl+2 under Xvfb until its Unsubscribe is on the"
              " wire): " + ", ".join(fmt(x["ms"]) + " ms" if x.get("ms") is not None
                                     else f"not measured ({x.get('error')})"
                                     for x in kp["runs"]) + ".")
    t = r["table"]
    print(f"One flush of {t['ticks']:,} ticks into {t['positions']:,} rows sorted on Price (the"
          f" page alone, no feed), median / worst of the rounds: sort {fmt(t['flush_ms_median'])}"
          f" / {fmt(t['flush_ms_max'])} ms, then the event loop's layout and paint"
          f" {fmt(t['after_ms_median'])} / {fmt(t['after_ms_max'])} ms in"
          f" {fmt(t['paints_per_flush'])} paint(s) of {t['rows_shown']} rows"
          f" ({fmt(t['ms_per_paint'])} ms each).")

    ls = r["lists"]
    print(f"\nWhole lists of {ls['positions']:,} positions (seed dialect), the page sorted on Price,"
          f" GUI-thread time from the message to the last paint, median / worst of"
          f" {ls['rounds']} rounds; the history's part (the closes of the positions an empty list"
          f" leaves out, and their withdrawal when the list is back) apart:\n")
    print("| page | first list | list arrives | a tenth of the prices move | empty list |"
          " history: write the closes | history: withdraw them |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, label in (("grouped", "grouped by signal trader"), ("flat", "flat")):
        x = ls[name]
        print(f"| {label} | {fmt(x['first_arrival_ms'])} | {fmt(x['arrival_ms_median'])} /"
              f" {fmt(x['arrival_ms_max'])} | {fmt(x['tick_ms_median'])} / {fmt(x['tick_ms_max'])}"
              f" | {fmt(x['empty_ms_median'])} / {fmt(x['empty_ms_max'])} |"
              f" {fmt(x['history_write_ms_median'])} | {fmt(x['history_withdraw_ms_median'])} |")

    def per_s(name, table):
        return table[name]["msgs_per_cpu_s"]

    rows = [
        ("paced: app CPU/msg ÷ Node's", paced["app"]["us_per_msg"] / paced["node"]["us_per_msg"],
         1.0, False),
        ("saturated: app ÷ Node, msgs per CPU-s", per_s("app", sat) / per_s("node", sat), 2.5,
         True),
        ("saturated: app ÷ Python, msgs per CPU-s", per_s("app", sat) / per_s("python", sat),
         6.0, True),
        ("saturated: app CPU/msg ÷ bare QWebSocket's",
         sat["app"]["us_per_msg"] / sat["bare"]["us_per_msg"], 2.0, False),
        ("longest GUI-thread stall, ms (20k msg/s, 10k rows sorted on a ticking column)",
         st.get("max_stall_ms", 0), 16.0, False),
        ("send -> applied p99, ms, at 10k msg/s (probe)", (lat["app"]["probe_p99_us"] or 0) / 1e3,
         5.0, False),
    ]
    if kp.get("max_ms") is not None:
        rows.append(("key press to its action on the wire, ms (20k msg/s, 10k rows; worst)",
                     kp["max_ms"], 50.0, False))
    size = f"{ls['positions']:,}"
    for name, label in (("grouped", "grouped by signal trader"), ("flat", "flat")):
        x = ls[name]
        rows.append((f"{size}-position list arrives, ms, {label} (worst)", x["arrival_ms_max"],
                     50.0, False))
        rows.append((f"empty list after it, ms, {label} (worst; history apart)",
                     x["empty_ms_max"], 50.0, False))
        rows.append((f"the first list of a session, ms, {label} (columns fitted)",
                     x["first_arrival_ms"], 50.0, False))
        rows.append((f"empty list with the history's write of its closes, ms, {label}",
                     x["empty_ms_median"] + x["history_write_ms_median"], 50.0, False))
    for count, s in r["snapshot"].items():
        rows.append((f"{int(count):,}-position Snapshot: plain QJsonDocument time ÷ ours",
                     s["speedup"], 3.0, True))
        rows.append((f"KB held per position ({int(count):,} positions)",
                     s["bytes_per_position"] / 1024, 1.0, False))
    print("\n| target | measured | met |")
    print("| --- | ---: | :---: |")
    for text, value, bound, at_least in rows:
        met = value >= bound if at_least else value <= bound
        print(f"| {text} | {value:.2f} (target {'≥' if at_least else '≤'} {bound:g}) |"
              f" {'yes' if met else 'no'} |")


if __name__ == "__main__":
    main()
