#!/usr/bin/env node
// node_receiver.js: the peer a user would otherwise write, for bench/e2e.sh.
//
// A plain Node.js `http` receiver doing the work of `hello-receiver --quiet`: on POST /hooks it
// reads the three headers (entity, action, tenant: X-Fineract-* and Fineract-Platform-TenantId,
// falling back to X-Mifos-*), JSON.parses the body, counts the event per ENTITY.ACTION and answers
// 200 {"status":"accepted"}. GET /hooks answers 200 (Fineract's ping), a missing entity/action
// header or a body that is not JSON 400, another path 404, another method 405. Node's default
// keep-alive is on, as for the two C++ receivers.
//
//   node bench/node_receiver.js [[--port] PORT]   # PORT 0 or absent: any free port
//   # stderr: listening on http://127.0.0.1:PORT/hooks
//
// On SIGINT or SIGTERM it prints the counts per ENTITY.ACTION on stderr and exits 0.
'use strict';

const http = require('http');

// `node_receiver.js 8080` or `node_receiver.js --port 8080`, like the C++ receivers.
const args = process.argv.slice(2);
const portArg = args[0] === '--port' ? args[1] : args[0];
const port = /^[0-9]+$/.test(portArg ?? '0') ? Number(portArg ?? '0') : NaN;
if (!(port >= 0 && port <= 65535) || args.length > (args[0] === '--port' ? 2 : 1)) {
  process.stderr.write('usage: node node_receiver.js [[--port] PORT]   (0 or absent: any free port)\n');
  process.exit(2);
}

const counts = new Map();
let accepted = 0;
const tenants = new Set();  // read like entity and action; printed on stop
const ACCEPTED = '{"status":"accepted"}';
const JSON_TYPE = {'Content-Type': 'application/json'};

function answer(res, status, body) {
  res.writeHead(status, JSON_TYPE);
  res.end(body);
}

const server = http.createServer((req, res) => {
  const path = req.url.split('?', 1)[0];
  if (path !== '/hooks' && path !== '/hooks/') return answer(res, 404, '{"error":"not found"}');
  if (req.method === 'GET') return answer(res, 200, ACCEPTED);
  if (req.method !== 'POST') return answer(res, 405, '{"error":"method not allowed"}');

  // Node lower-cases header names.
  const h = req.headers;
  const entity = h['x-fineract-entity'] ?? h['x-mifos-entity'];
  const action = h['x-fineract-action'] ?? h['x-mifos-action'];
  const tenant = h['fineract-platform-tenantid'] ?? h['x-mifos-platform-tenantid'] ?? '';

  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (!entity || !action) return answer(res, 400, '{"error":"missing entity or action header"}');
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(res, 400, '{"error":"body is not JSON"}');
    }
    if (body === null || typeof body !== 'object') {
      return answer(res, 400, '{"error":"body is not a JSON object"}');
    }
    const key = `${entity}.${action}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    accepted += 1;
    if (tenants.size < 64) tenants.add(tenant);
    answer(res, 200, ACCEPTED);
  });
});

function stop(signal) {
  process.stderr.write(`stopping on ${signal}: ${accepted} events, tenants ${[...tenants].join(',')}\n`);
  for (const [key, n] of [...counts].sort()) process.stderr.write(`${key} ${n}\n`);
  server.close();
  process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

server.listen(port, '127.0.0.1', () => {
  process.stderr.write(`listening on http://127.0.0.1:${server.address().port}/hooks\n`);
});
