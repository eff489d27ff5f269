// SPDX-License-Identifier: GPL-3.0-or-later
// eventsource-parser on the same streams as parser_bench (tests/bench/parser_bench.cpp): the same events,
// fed in the same 16 KiB chunks of bytes for about 2 s per row. Each chunk goes through a streaming
// TextDecoder first, as in every client of the parser (bytes arrive from the network; the parser takes
// strings), and the decoding is timed with it. Prints one JSON line per row.
import { createParser } from 'eventsource-parser';

const ChunkSize = 16 * 1024;
const TargetBytes = 32 * 1024 * 1024;

function makeStream(dataSize, withIdAndType) {
  const payload = Array.from({ length: dataSize }, (_, i) => (i % 7 === 0 ? String.fromCharCode(97 + (i % 26)) : 'x')).join('');
  const parts = [];
  let bytes = 0;
  for (let n = 1; bytes < TargetBytes; ++n) {
    const event = (withIdAndType ? `event: quote\nid: ${n}\n` : '') + `data: ${payload}\n\n`;
    parts.push(event);
    bytes += event.length;
  }
  const stream = parts.join('');
  const encoded = new TextEncoder().encode(stream);
  const chunks = [];
  for (let at = 0; at < encoded.length; at += ChunkSize) chunks.push(encoded.subarray(at, at + ChunkSize));
  return { chunks, bytes: encoded.length };
}

function run(name, dataSize, withIdAndType) {
  const { chunks, bytes } = makeStream(dataSize, withIdAndType);
  let events = 0;
  let checksum = 0;
  const parser = createParser({
    onEvent(event) {
      ++events;
      checksum += event.data.length + (event.id ? event.id.length : 0);
    },
  });
  const decoder = new TextDecoder();
  const start = process.hrtime.bigint();
  let fed = 0;
  let seconds = 0;
  do {
    for (const chunk of chunks) parser.feed(decoder.decode(chunk, { stream: true }));
    fed += bytes;
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
  } while (seconds < 2);
  console.log(JSON.stringify({ name, eventsPerSecond: events / seconds, mbPerSecond: fed / seconds / 1e6, events, checksum: checksum % 1000 }));
}

const rows = { data64: [64, false], typed64: [64, true], data64k: [64 * 1024, false] };
for (const key of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(rows)) run(key, ...rows[key]);
