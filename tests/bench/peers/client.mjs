// SPDX-License-Identifier: GPL-3.0-or-later
// The npm `eventsource` client doing what `eventscope capture URL --format ndjson --max-events N` does:
// one NDJSON line per event (time, source, event, id, data), written to stdout in batches of 256 KiB so
// the peer is not slowed by a write per event, stopping after N events. The EventSource API has no way
// to stop reading, so when stdout is slow the lines wait in Node's stream buffer.
// Usage: node client.mjs URL N
import { EventSource } from 'eventsource';

const [url, countText] = process.argv.slice(2);
const count = Number(countText);
const FlushBytes = 256 * 1024;
let pending = [];
let pendingBytes = 0;
let received = 0;

function flush() {
  process.stdout.write(pending.join(''));
  pending = [];
  pendingBytes = 0;
}

const source = new EventSource(url);
const onEvent = (event) => {
  const line = JSON.stringify({ time: new Date().toISOString(), source: url, event: event.type, id: event.lastEventId, data: event.data }) + '\n';
  pending.push(line);
  pendingBytes += line.length;
  if (++received >= count) {
    source.close();
    flush();
    process.stdout.end(() => process.exit(0));
    return;
  }
  if (pendingBytes >= FlushBytes) flush();
};
source.addEventListener('quote', onEvent);
source.onmessage = onEvent;
source.onerror = (error) => {
  if (source.readyState === EventSource.CLOSED) {
    console.error(`client.mjs: ${error.message ?? 'stream failed'}`);
    process.exit(1);
  }
};
