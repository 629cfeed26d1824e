// The local endpoint's rows of `cargo xtask bench`: `chat-event-lab serve` from the built npm
// package, driven over HTTP on loopback by one client, then by 20 at once (Node's http with
// keep-alive: what an SDK does, without an SDK's own cost in the figure).
//
// usage: node crates/bench/endpoint.mjs PACKAGE_DIR OUT_JSON [--quick]
//
// Each request is a MESSAGE over 200 identities, signed in form (any access key is accepted: no
// --credentials, so the figure is the endpoint's, not HMAC's). Each figure: a warm-up run, then the
// median of several timed runs, as wall time over the number of requests.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const [packageDir, outPath] = args.filter((a) => a !== '--quick');
if (!outPath) {
  console.error('usage: node endpoint.mjs PACKAGE_DIR OUT_JSON [--quick]');
  process.exit(2);
}
const REPS = quick ? 3 : 5;
const REQUESTS = quick ? 400 : 4_000;
const packageVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

const server = spawn(process.execPath, [resolve(packageDir, 'bin/chat-event-lab.js'), 'serve', '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((done, fail) => {
  let text = '';
  const listening = (d) => {
    text += d;
    const found = /SendChatIntegrationEvent on (http:\/\/\S+)/.exec(text);
    if (found) {
      // The log lines that follow are read and dropped.
      server.stdout.off('data', listening);
      server.stdout.resume();
      done(new URL(found[1]));
    }
  };
  server.stdout.on('data', listening);
  server.once('exit', (code) => fail(new Error(`serve exited ${code}`)));
});

const amzDate = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
function send(agent, i) {
  const body = JSON.stringify({
    SourceId: `+1555${String(i % 200).padStart(7, '0')}`,
    DestinationId: 'arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef',
    Subtype: 'connect:sms',
    Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: `message ${i}` },
  });
  const date = amzDate();
  const headers = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'X-Amz-Date': date,
    Authorization: `AWS4-HMAC-SHA256 Credential=AKIDBENCH/${date.slice(0, 8)}/us-east-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
  };
  return new Promise((done, fail) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: '/chat-integration-event', method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? done() : fail(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** `clients` at once, each sending its share of REQUESTS in turn; ns per request of the wall time. */
async function run(clients) {
  const agents = Array.from({ length: clients }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const start = process.hrtime.bigint();
  await Promise.all(agents.map(async (agent, c) => {
    for (let i = c; i < REQUESTS; i += clients) await send(agent, i);
  }));
  const ns = Number(process.hrtime.bigint() - start) / REQUESTS;
  for (const agent of agents) agent.destroy();
  return ns;
}

const results = [];
for (const clients of [1, 20]) {
  await run(clients);
  const times = [];
  for (let r = 0; r < REPS; r++) times.push(await run(clients));
  times.sort((a, b) => a - b);
  const value = times[Math.floor(times.length / 2)];
  const impl = clients === 1 ? '1-client' : `${clients}-clients`;
  results.push({ id: 'endpoint.requests', impl, value, unit: 'ns', per: 'request', reps: REPS });
  console.error(`endpoint.requests ${impl}: ${value.toFixed(0)} ns per request (${Math.round(1e9 / value)} per second)`);
}
server.kill('SIGTERM');

writeFileSync(
  outPath,
  JSON.stringify({ runner: 'endpoint', versions: { Node: process.version, 'chat-event-lab (npm)': packageVersion }, results }, null, 1) + '\n',
);
console.error(`wrote ${outPath}`);
