# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python peer: the `websockets` package, json.loads and a dict upsert by ticket.

Usage: python3 python_peer.py URL MESSAGES [--latency] [--stay]
--stay: report after the last message, then keep running until killed.
"""
import asyncio
import json
import resource
import sys
import time

import websockets

STAMP_BASE = 10**18


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[int(p * (len(ordered) - 1))] / 1000.0


async def run(url, expected, latency, stay):
    book = {}
    latencies = []
    async with websockets.connect(url, max_size=None, compression=None,
                                  ping_interval=None, close_timeout=0.1) as ws:
        await ws.send(json.dumps({"type": "Subscribe", "traderid": 10260}))
        for p in json.loads(await ws.recv())["data"]:
            book[p["ticket"]] = p
        cpu_start = cpu_seconds()
        wall_start = time.monotonic_ns()
        received = 0
        while received < expected:
            text = await ws.recv()
            message = json.loads(text)
            for p in message["data"]:
                book[p["ticket"]] = p
            if latency:
                at = text.index('"sent":')
                sent = int(text[at + 7:at + 26]) - STAMP_BASE
                latencies.append(time.monotonic_ns() - sent)
            received += 1
        cpu = cpu_seconds() - cpu_start
        result = {
            "client": "python",
            "messages": received,
            "cpu_s": cpu,
            "wall_s": (time.monotonic_ns() - wall_start) / 1e9,
            "msgs_per_cpu_s": received / cpu if cpu else 0,
            "us_per_msg": cpu * 1e6 / received if received else 0,
            "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "held": len(book),
        }
        if latency:
            result["p50_us"] = percentile(latencies, 0.5)
            result["p99_us"] = percentile(latencies, 0.99)
        print(json.dumps(result), flush=True)
        if stay:
            await ws.wait_closed()


if __name__ == "__main__":
    asyncio.run(run(sys.argv[1], int(sys.argv[2]), "--latency" in sys.argv[3:],
                    "--stay" in sys.argv[3:]))
