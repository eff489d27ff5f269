// SPDX-License-Identifier: GPL-3.0-or-later
// tst_http2's server: HTTP/2 only, over TLS (the tests' self-signed certificate), from Node's own http2
// module. Every request gets a text/event-stream with an event every 50 ms. It prints "port N" once
// listening, and "stream S PATH" for each request, S numbering the connection (session) it came on.
// Usage: node h2server.mjs CERT KEY
import fs from 'node:fs';
import http2 from 'node:http2';

const [certPath, keyPath] = process.argv.slice(2);
const sessions = new WeakMap();
let sessionCount = 0;
const server = http2.createSecureServer({
  cert: fs.readFileSync(certPath),
  key: fs.readFileSync(keyPath),
  allowHTTP1: false,
});
server.on('session', (session) => sessions.set(session, ++sessionCount));
server.on('stream', (stream, headers) => {
  console.log(`stream ${sessions.get(stream.session)} ${headers[':path']}`);
  stream.respond({ ':status': 200, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let id = 0;
  const timer = setInterval(() => stream.write(`id: ${++id}\ndata: ${headers[':path']} ${id}\n\n`), 50);
  stream.on('close', () => clearInterval(timer));
  stream.on('error', () => clearInterval(timer));
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
