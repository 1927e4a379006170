// SPDX-License-Identifier: GPL-3.0-or-later
// The Node.js peer: the `ws` package, JSON.parse and a Map upsert by ticket, as a web
// developer would write the client. Usage: node node_peer.js URL MESSAGES [--latency] [--stay]
// --stay: report after the last message, then keep running until killed.
'use strict';
const WebSocket = require('ws');

const [url, expectedText, ...flags] = process.argv.slice(2);
const expected = Number(expectedText);
const latency = flags.includes('--latency');
const stay = flags.includes('--stay');
const STAMP_BASE = 10n ** 18n;

const book = new Map();
const latencies = [];
let received = 0;
let snapshot = true;
let cpuStart;
let wallStart;

const ws = new WebSocket(url, { maxPayload: 512 * 1024 * 1024, perMessageDeflate: false });
ws.on('open', () => ws.send(JSON.stringify({ type: 'Subscribe', traderid: 10260 })));
ws.on('message', (data) => {
  const text = data.toString();
  const message = JSON.parse(text);
  for (const p of message.data) book.set(p.ticket, p);
  if (snapshot) {
    snapshot = false;
    cpuStart = process.cpuUsage();
    wallStart = process.hrtime.bigint();
    return;
  }
  if (latency) {
    // The stamp is above 2^53: read its digits, not the rounded number.
    const at = text.indexOf('"sent":');
    const sent = BigInt(text.substr(at + 7, 19)) - STAMP_BASE;
    latencies.push(Number(process.hrtime.bigint() - sent));
  }
  if (++received === expected) finish();
});
ws.on('error', (error) => {
  console.error(String(error));
  process.exit(1);
});

function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(p * (sorted.length - 1))] / 1000;
}

function finish() {
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const result = {
    client: 'node',
    messages: received,
    cpu_s: cpuSeconds,
    wall_s: Number(process.hrtime.bigint() - wallStart) / 1e9,
    msgs_per_cpu_s: received / cpuSeconds,
    us_per_msg: (cpuSeconds * 1e6) / received,
    rss_kb: Math.round(process.memoryUsage().rss / 1024),
    held: book.size,
  };
  if (latency) {
    result.p50_us = percentile(latencies, 0.5);
    result.p99_us = percentile(latencies, 0.99);
  }
  console.log(JSON.stringify(result));
  if (stay) return;
  ws.terminate();
  process.exit(0);
}
