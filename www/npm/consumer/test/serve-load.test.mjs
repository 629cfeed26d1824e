// (e) `chat-event-lab serve` under load and under attack: many clients at once must see exactly
// what one sequential simulator would have answered, and no request, however broken, may crash it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect as tcp } from 'node:net';
import { project, start } from './serving.mjs';
import * as chat from 'chat-event-lab';
import { ConnectClient, SendChatIntegrationEventCommand } from '@aws-sdk/client-connect';

const DESTINATION = 'arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef';

/** Starts the endpoint in the fixtures directory, where its settings files are. */
const startIn = (args = []) => start(args, { cwd: `${project}fixtures` });

const request = (client, i, identity) => ({
  SourceId: `+1555${String(identity).padStart(7, '0')}`,
  DestinationId: DESTINATION,
  Subtype: 'connect:sms',
  // Every 40th event of a client ends its chat, so that chats are created again and again.
  Event: i % 40 === 39 ? { Type: 'DISCONNECT' } : { Type: 'MESSAGE', ContentType: 'text/plain', Content: `c${client}-${i}` },
  // Makes every request's text unique (a DISCONNECT has no content), so that the log entry of each
  // can be found; applied only when a chat is created.
  NewSessionDetails: { ParticipantDetails: { DisplayName: `c${client}-${i}` } },
});

/** Runs `clients` clients at once, each sending `each` requests in turn; returns their answers and the rate. */
async function drive(url, clients, each, identities) {
  const answers = [];
  const began = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    const connect = new ConnectClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOAD', secretAccessKey: 'load' }, maxAttempts: 1 });
    for (let i = 0; i < each; i++) {
      const sent = request(client, i, (client * 37 + i * 11) % identities);
      const { $metadata, ...response } = await connect.send(new SendChatIntegrationEventCommand(sent));
      answers.push({ sent, response, requestId: $metadata.requestId });
    }
  }));
  const seconds = (performance.now() - began) / 1000;
  return { answers, perSecond: Math.round(answers.length / seconds) };
}

test('serve: 20 clients, 500 requests each, over 200 identities: every answer is what a sequential replay of the log answers', async () => {
  const lab = await startIn(['--settings', 'settings/long-log.json']);
  try {
    const { answers, perSecond } = await drive(lab.url, 20, 500, 200);
    console.log(`# 20 clients: ${perSecond} requests per second`);
    assert.equal(answers.length, 10_000);
    const log = await fetch(`${lab.url}/_lab/log`).then((r) => r.json());
    assert.equal(log.length, 10_000, 'every request is in the log: nothing lost');
    assert.deepEqual(log.map((e) => e.number), Array.from({ length: 10_000 }, (_, i) => i + 1));

    // The log's order is the order the simulator handled them; a new simulator, fed the same
    // requests in that order, must answer each exactly as the clients were answered.
    const replay = new chat.Simulator(JSON.parse(readFileSync(`${project}fixtures/settings/long-log.json`, 'utf8')));
    const byRequest = new Map(answers.map((a) => [JSON.stringify(a.sent), a.response]));
    for (const entry of log) {
      const outcome = replay.send(entry.request);
      assert.deepEqual(outcome.response, entry.outcome.response, `request ${entry.number}`);
      const seen = byRequest.get(JSON.stringify(entry.request));
      assert.ok(seen, `request ${entry.number} was sent by a client`);
      assert.deepEqual(seen, outcome.response.ok ?? {}, `request ${entry.number}: what its client saw`);
    }
    replay.free();

    const state = await fetch(`${lab.url}/_lab/state`).then((r) => r.json());
    const active = new Map();
    for (const c of state.contacts.filter((c) => c.status === 'active')) {
      const identity = `${c.sourceId} ${c.destinationId} ${c.subtype}`;
      assert.equal(active.has(identity), false, `two active chats for ${identity}`);
      active.set(identity, c.contactId);
    }
    assert.ok(active.size > 100, `${active.size} identities have an active chat`);

    const alone = await drive(lab.url, 1, 1_000, 200);
    console.log(`# 1 client: ${alone.perSecond} requests per second`);
  } finally {
    assert.equal((await lab.stop()).code, 0);
  }
});

/** A deterministic generator (SplitMix32-like), so that a failure can be replayed. */
function generator(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
}

/** Sends raw bytes on a new connection, then half-closes it; resolves with what came back and how it ended. */
function raw(port, bytes, { end = true, wait = 4_000 } = {}) {
  return new Promise((resolve) => {
    const socket = tcp(port, '127.0.0.1');
    const chunks = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), ended: 'our timeout' });
    }, wait);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text: Buffer.concat(chunks).toString('latin1'), ended: 'closed' });
    });
    socket.write(bytes, () => end && socket.end());
  });
}

test('serve: hundreds of mutated HTTP requests never crash it: each is answered or cut off', async () => {
  const lab = await startIn();
  try {
    const body = JSON.stringify(request(0, 0, 1));
    const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const good = `POST /chat-integration-event HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Amz-Date: ${amzDate}\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKID/${amzDate.slice(0, 8)}/us-east-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=00\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
    assert.match((await raw(lab.port, good)).text, /^HTTP\/1\.1 200 /);

    const random = generator(18);
    const pick = (list) => list[Math.floor(random() * list.length)];
    const withBody = (text) => good.replace(/Content-Length: \d+/, `Content-Length: ${Buffer.byteLength(text)}`).replace(body, text);
    const mutations = [
      // Bytes flipped anywhere, headers and body.
      () => { const b = Buffer.from(good); for (let k = 0; k < 1 + random() * 8; k++) b[Math.floor(random() * b.length)] = Math.floor(random() * 256); return b; },
      // Cut short anywhere, headers included.
      () => good.slice(0, Math.floor(random() * good.length)),
      // Bodies that are not requests: bad JSON, wrong types, deep nesting, odd text.
      () => withBody(pick(['{', '[]', 'null', '"text"', '{"SourceId": 5}', '{"Event": []}', '{"NewSessionDetails": {"Attributes": {"a": 1}}}', '[['.repeat(5_000), '{"a":'.repeat(5_000), '\u0000\uffff', '{"SourceId": "\ud800"}', body.slice(0, Math.floor(random() * body.length))])),
      // A body longer than the endpoint reads.
      () => withBody(`{"SourceId": "${'9'.repeat(chat.Endpoint.maxBodyBytes())}"}`),
      // Lengths that lie.
      () => good.replace(/Content-Length: \d+/, `Content-Length: ${pick(['-1', 'abc', '99999999999999999999', '0', String(Math.floor(random() * 400))])}`),
      // Methods, paths and headers of every kind.
      () => good.replace('POST /chat-integration-event', `${pick(['GET', 'PUT', 'DELETE', 'OPTIONS', 'POST', 'BREW'])} ${pick(['/', '/chat-integration-event?x=%', '/_lab/%ZZ', '/_lab/transcript/%E0%A4%A', '/_lab/advance', '/_lab/snapshot', '/../../etc/passwd', '*'])}`),
      () => good.replace('Host: 127.0.0.1\r\n', pick(['', 'Host: a\r\nHost: b\r\n', 'X-Bad header\r\n', `X-Long: ${'x'.repeat(20_000)}\r\n`, 'Transfer-Encoding: chunked\r\n', 'Authorization: \r\n'])),
      // Not HTTP at all.
      () => Buffer.from(Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 256))),
    ];
    const outcomes = { answered: 0, cut: 0 };
    for (let round = 0; round < 300; round++) {
      const sent = pick(mutations)();
      const { text, ended } = await raw(lab.port, sent);
      assert.notEqual(ended, 'our timeout', `round ${round}: no answer and not cut off within 4 s`);
      if (/^HTTP\/1\.1 \d{3} /.test(text)) {
        outcomes.answered++;
        const status = Number(text.slice(9, 12));
        assert.ok(status !== 500, `round ${round}: an internal error: ${text} ${lab.errors.join("")}`);
      } else {
        assert.equal(text, '', `round ${round}: something that is not an answer came back`);
        outcomes.cut++;
      }
    }
    console.log(`# 300 mutated requests: ${outcomes.answered} answered, ${outcomes.cut} cut off`);
    assert.ok(outcomes.answered > 150, JSON.stringify(outcomes));

    // A client that sends half a request and then nothing is cut off by the endpoint's timeout.
    const began = Date.now();
    const slow = await raw(lab.port, good.slice(0, 60), { end: false, wait: 20_000 });
    assert.equal(slow.ended, 'closed');
    assert.ok(Date.now() - began < 15_000, `cut off after ${Date.now() - began} ms`);

    // Still serving, and never said it failed.
    assert.match((await raw(lab.port, good)).text, /^HTTP\/1\.1 200 /);
    assert.equal(lab.child.exitCode, null);
    assert.doesNotMatch(lab.errors.join(''), /internal error/);
  } finally {
    assert.equal((await lab.stop()).code, 0);
  }
});
