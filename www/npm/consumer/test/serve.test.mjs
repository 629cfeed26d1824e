// (e) `chat-event-lab serve`, run as `npx chat-event-lab serve` runs it, driven by the real
// clients: the AWS SDK for JavaScript v3 (@aws-sdk/client-connect, from npm), and the AWS CLI and
// boto3 from the Python venv `cargo xtask test` makes (CHAT_EVENT_LAB_PYTHON). Each sends what it
// would send to Amazon Connect, signed as it signs, and must read the answers as it reads
// Amazon Connect's: the responses, the exception classes and their messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, project, start } from './serving.mjs';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chat from 'chat-event-lab';
import {
  ConnectClient,
  SendChatIntegrationEventCommand,
  InvalidRequestException,
  ThrottlingException,
  AccessDeniedException,
  ResourceNotFoundException,
} from '@aws-sdk/client-connect';

const PYTHON = process.env.CHAT_EVENT_LAB_PYTHON;
const KEY = { accessKeyId: 'AKIDLAB0000000000001', secretAccessKey: 'lab/secret+key' };

const DESTINATION = 'arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef';
const message = (source, content = 'Hi') => ({
  SourceId: source,
  DestinationId: DESTINATION,
  Subtype: 'connect:sms',
  Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: content },
});

/** Runs serve expecting it not to start: `{ status, stderr }`. */
function refuses(args, cwd = project) {
  const result = spawnSync(BIN, ['serve', '--port', '0', ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stderr: result.stderr };
}

const client = (url, options = {}) =>
  new ConnectClient({ endpoint: url, region: 'eu-west-2', credentials: KEY, maxAttempts: 1, ...options });

const control = async (url, method, route, body) => {
  const response = await fetch(`${url}/_lab/${route}`, { method, body: typeof body === 'string' ? body : body && JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : undefined, headers: response.headers };
};

test('serve: the JavaScript SDK v3 creates a chat, then reuses it; the log says who and what', async () => {
  const lab = await start(['--credentials', `${KEY.accessKeyId}:${KEY.secretAccessKey}`]);
  try {
    const connect = client(lab.url);
    const first = await connect.send(new SendChatIntegrationEventCommand(message('+15551234567')));
    assert.equal(first.NewChatCreated, true);
    assert.match(first.InitialContactId, /^[0-9a-f-]{36}$/);
    assert.match(first.$metadata.requestId, /^[0-9a-f-]{36}$/);
    const second = await connect.send(new SendChatIntegrationEventCommand(message('+15551234567', 'Still there?')));
    assert.deepEqual([second.InitialContactId, second.NewChatCreated], [first.InitialContactId, false]);

    const state = await control(lab.url, 'GET', 'state');
    assert.equal(state.body.activeChatCount, 1);
    assert.equal(state.body.contacts[0].contactId, first.InitialContactId);
    const line = lab.lines.find((l) => l.includes('200 POST /chat-integration-event') && l.includes('eu-west-2'));
    assert.ok(line, lab.lines.join('\n'));
    assert.match(line, /AKIDLAB0000000000001 eu-west-2 \+15551234567 → arn:aws:sms-voice:.* \(connect:sms\): /);
  } finally {
    await lab.stop();
  }
});

test('serve: the JavaScript SDK raises each modelled error as its class, with its message', async () => {
  const cases = [
    [[], message(undefined), InvalidRequestException, /SourceId/],
    [['--settings', 'settings/throttled.json'], null, ThrottlingException, /Rate exceeded/],
    [['--settings', 'settings/denied.json'], message('+15551234567'), AccessDeniedException, /./],
    [['--settings', 'settings/one-destination.json'], message('+15551234567'), ResourceNotFoundException, /./],
  ];
  for (const [args, request, type, text] of cases) {
    const lab = await start(args, { cwd: `${project}fixtures` });
    try {
      const connect = client(lab.url);
      if (request === null) await connect.send(new SendChatIntegrationEventCommand(message('+15550000001')));
      const error = await connect.send(new SendChatIntegrationEventCommand(request ?? message('+15550000001'))).then(
        () => assert.fail(`${type.name} expected`),
        (e) => e,
      );
      assert.ok(error instanceof type, `${type.name}: got ${error.name}: ${error.message}`);
      assert.match(error.message, text);
      assert.equal(error.$metadata.attempts, 1);
    } finally {
      await lab.stop();
    }
  }
});

test('serve: signatures are verified with --credentials: unknown key, wrong secret, one byte changed', async () => {
  const lab = await start(['--credentials', `${KEY.accessKeyId}:${KEY.secretAccessKey}`]);
  try {
    const unknown = await client(lab.url, { credentials: { accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' } })
      .send(new SendChatIntegrationEventCommand(message('+15551234567'))).catch((e) => e);
    assert.equal(unknown.name, 'UnrecognizedClientException');
    assert.equal(unknown.message, 'The security token included in the request is invalid.');
    assert.equal(unknown.$metadata.httpStatusCode, 403);
    const wrong = await client(lab.url, { credentials: { ...KEY, secretAccessKey: 'not the secret' } })
      .send(new SendChatIntegrationEventCommand(message('+15551234567'))).catch((e) => e);
    assert.equal(wrong.name, 'InvalidSignatureException');
    assert.match(wrong.message, /^The request signature we calculated does not match the signature you provided/);

    // A request the SDK signed, sent again by hand with one hex digit of its signature changed.
    let signed;
    const capture = client(lab.url);
    capture.middlewareStack.add((next) => async (args) => {
      signed = { headers: { ...args.request.headers }, body: args.request.body };
      return next(args);
    }, { step: 'finalizeRequest', priority: 'low' });
    await capture.send(new SendChatIntegrationEventCommand(message('+15557654321')));
    const replay = async (headers) => fetch(`${lab.url}/chat-integration-event`, { method: 'POST', headers, body: signed.body });
    const { host: _host, 'content-length': _length, ...headers } = signed.headers;
    assert.equal((await replay(headers)).status, 200);
    const last = headers.authorization.at(-1);
    const tampered = { ...headers, authorization: headers.authorization.slice(0, -1) + (last === '0' ? '1' : '0') };
    const refused = await replay(tampered);
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('x-amzn-errortype'), 'InvalidSignatureException');
    assert.match(refused.headers.get('x-amzn-requestid'), /^[0-9a-f-]{36}$/);
  } finally {
    await lab.stop();
  }
});

test('serve: unsigned, bad JSON, wrong method and path, oversized: JSON errors, and the server goes on', async () => {
  const lab = await start();
  try {
    const cases = [
      ['POST', '/chat-integration-event', {}, JSON.stringify(message('+15551234567')), 403, 'MissingAuthenticationToken'],
      ['GET', '/chat-integration-event', {}, undefined, 405, 'MethodNotAllowedException'],
      ['POST', '/somewhere-else', {}, '{}', 404, 'UnknownOperationException'],
      ['GET', '/_lab/nothing', {}, undefined, 404, 'UnknownOperationException'],
      ['POST', '/_lab/advance', {}, '{"by": "soon"}', 400, 'InvalidLabRequestException'],
      ['POST', '/chat-integration-event', {}, 'x'.repeat(chat.Endpoint.maxBodyBytes() + 1), 413, 'RequestEntityTooLargeException'],
    ];
    for (const [method, path, headers, body, status, code] of cases) {
      const response = await fetch(`${lab.url}${path}`, { method, headers, body });
      assert.equal(response.status, status, `${method} ${path}`);
      assert.equal(response.headers.get('x-amzn-errortype'), code, `${method} ${path}`);
      assert.equal(typeof (await response.json()).Message, 'string');
    }
    // A signed request with a body that is not JSON.
    const connect = client(lab.url);
    connect.middlewareStack.add((next) => async (args) => {
      args.request.body = '{"SourceId": ';
      return next(args);
    }, { step: 'serialize', priority: 'low' });
    const broken = await connect.send(new SendChatIntegrationEventCommand(message('+15551234567'))).catch((e) => e);
    assert.equal(broken.name, 'SerializationException');
    assert.match(broken.message, /line 1, column/);
    assert.equal((await control(lab.url, 'GET', 'state')).body.requestCount, 0);
  } finally {
    await lab.stop();
  }
});

test('serve: the control routes move the clock, end chats, snapshot, restore, run scenarios and reset', async () => {
  const lab = await start();
  try {
    const connect = client(lab.url);
    const first = await connect.send(new SendChatIntegrationEventCommand(message('+15551234567')));
    const id = first.InitialContactId;
    const routes = await control(lab.url, 'GET', '');
    assert.ok(routes.body.some((r) => r.path === '/_lab/end-chat'));
    assert.equal((await control(lab.url, 'GET', `transcript/${id}`)).body[0].content, 'Hi');
    const snapshot = await fetch(`${lab.url}/_lab/snapshot`).then((r) => r.text());
    const ended = await control(lab.url, 'POST', 'end-chat', { contactId: id, by: 'agent' });
    assert.equal(ended.status, 200);
    assert.equal(ended.body.status, 'ended');
    assert.equal((await control(lab.url, 'POST', 'end-chat', { contactId: id, by: 'agent' })).status, 409);
    const after = await connect.send(new SendChatIntegrationEventCommand(message('+15551234567')));
    assert.equal(after.NewChatCreated, true);
    assert.equal((await control(lab.url, 'PUT', 'snapshot', snapshot)).status, 200);
    const restored = await connect.send(new SendChatIntegrationEventCommand(message('+15551234567')));
    assert.deepEqual([restored.InitialContactId, restored.NewChatCreated], [id, false]);
    const advanced = await control(lab.url, 'POST', 'advance', { by: '25h' });
    assert.deepEqual(advanced.body.expired, [id]);
    const byIdentity = await control(lab.url, 'POST', 'end-chat', { sourceId: '+15551234567', destinationId: DESTINATION, subtype: 'connect:sms', by: 'flow' });
    assert.equal(byIdentity.status, 404);
    const scenario = `title: one message\nsteps:\n  - send: {SourceId: '+15550000000', DestinationId: '${DESTINATION}', Subtype: connect:sms, Event: {Type: MESSAGE, ContentType: text/plain, Content: a}}\n    expect: {what: created}\n`;
    const report = await control(lab.url, 'POST', 'scenario', scenario);
    assert.equal(report.body.passed, true, JSON.stringify(report.body));
    assert.equal((await control(lab.url, 'POST', 'reset')).status, 200);
    assert.equal((await control(lab.url, 'GET', 'state')).body.contacts.length, 0);
  } finally {
    await lab.stop();
  }
});

test('serve: --state keeps every answered request across a SIGKILL in the middle of a run, and a damaged file stops the start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chat-event-lab-state-'));
  const file = join(dir, 'state.json');
  let lab = await start(['--state', file]);
  // Five clients send until the server dies under them; what each saw answered is kept.
  const answered = [];
  let killed = false;
  const clients = Array.from({ length: 5 }, async (_, c) => {
    const connect = client(lab.url);
    for (let i = 0; !killed; i++) {
      const content = `client ${c}, message ${i}`;
      try {
        const response = await connect.send(new SendChatIntegrationEventCommand(message(`+155500000${c}${i % 10}`, content)));
        answered.push({ content, contactId: response.InitialContactId });
      } catch {
        return; // the connection died with the server
      }
      if (answered.length === 60 && !killed) {
        killed = true;
        lab.child.kill('SIGKILL');
      }
    }
  });
  await Promise.all(clients);
  await new Promise((done) => (lab.child.exitCode === null ? lab.child.once('exit', done) : done()));
  lab = await start(['--state', file]);
  try {
    assert.ok(lab.lines.some((l) => l.includes(`restored ${file}: `)), lab.lines.join('\n'));
    const log = await control(lab.url, 'GET', 'log');
    const kept = new Map(log.body.map((e) => [e.request.Event.Content, e.outcome.contactId]));
    assert.ok(answered.length >= 60);
    for (const { content, contactId } of answered) assert.equal(kept.get(content), contactId, `${content} was answered, so it is in the state`);
  } finally {
    assert.equal((await lab.stop()).code, 0);
  }
  const saved = readFileSync(file, 'utf8');
  for (const [damage, says] of [
    [saved.slice(0, 100), /cannot be restored, and is left as it is: the snapshot is not valid JSON/],
    [saved.replace('"version": 1', '"version": 99'), /written by a newer chat-event-lab/],
  ]) {
    writeFileSync(file, damage);
    const refused = refuses(['--state', file]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, says);
    assert.equal(readFileSync(file, 'utf8'), damage, 'the damaged file is never overwritten');
  }
  assert.deepEqual(readdirSync(dir), ['state.json'], 'no temporary file is left behind');
});

test('serve: --state removes the temporaries a killed save left, and keeps one of a process still running', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chat-event-lab-state-'));
  const file = join(dir, 'state.json');
  const gone = spawnSync(process.execPath, ['-e', '']).pid; // a process that has exited
  const [stale, running] = [`state.json.${gone}.tmp`, `state.json.${process.pid}.tmp`];
  for (const name of [stale, running, 'state.json.notes.tmp']) writeFileSync(join(dir, name), '{"half');
  const lab = await start(['--state', file]);
  try {
    assert.equal((await control(lab.url, 'GET', 'state')).status, 200);
  } finally {
    assert.equal((await lab.stop()).code, 0);
  }
  const left = readdirSync(dir);
  assert.ok(!left.includes(stale), `${stale} is removed: ${left}`);
  assert.ok(left.includes(running), `${running} stays: ${left}`);
  assert.ok(left.includes('state.json.notes.tmp'), `a file not named by a process stays: ${left}`);
});

test('serve: a signal sent as soon as it says where it listens stops it cleanly', async () => {
  // Before the fix most of these runs ended by the signal itself (no code): the handlers were set
  // only after the line that says where it listens.
  for (let run = 0; run < 10; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'chat-event-lab-state-'));
    const file = join(dir, 'state.json');
    const lab = await start(['--state', file]);
    const { code, stderr } = await lab.stop(run % 2 ? 'SIGINT' : 'SIGTERM');
    assert.equal(code, 0, `run ${run}: ${stderr}`);
    assert.deepEqual(readdirSync(dir), ['state.json'], `run ${run}: the state saved, no temporary left`);
  }
});

/** The Python venv's interpreter runs `code` with the endpoint's address; resolves with its stdout
 * as JSON. Not spawnSync: the test's event loop must keep reading the server's log meanwhile. */
function python(code, url, env = {}) {
  const child = spawn(PYTHON, ['-c', code, url], {
    env: { ...process.env, AWS_ACCESS_KEY_ID: KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey, AWS_DEFAULT_REGION: 'ap-southeast-2', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('exit', (status) => {
    assert.equal(status, 0, stderr);
    resolve(JSON.parse(stdout));
  }));
}

test('serve: boto3 creates, reuses, and raises its modelled exceptions, retrying throttling as it does', { skip: !PYTHON && 'CHAT_EVENT_LAB_PYTHON is not set' }, async () => {
  const lab = await start(['--settings', 'settings/throttled.json', '--credentials', `${KEY.accessKeyId}:${KEY.secretAccessKey}`], { cwd: `${project}fixtures` });
  try {
    const out = await python(`
import json, sys, boto3, botocore
url = sys.argv[1]
def client(attempts):
    return boto3.client("connect", endpoint_url=url, config=botocore.config.Config(retries={"mode": "standard", "total_max_attempts": attempts}))
c = client(1)
m = lambda s: dict(SourceId=s, DestinationId=${JSON.stringify(DESTINATION)}, Subtype="connect:sms", Event=dict(Type="MESSAGE", ContentType="text/plain", Content="Hi"))
first = c.send_chat_integration_event(**m("+15551234567"))
out = {"created": [first["InitialContactId"], first["NewChatCreated"]]}
try:
    c.send_chat_integration_event(**m("+15551234567"))
except c.exceptions.ThrottlingException as e:
    out["throttled"] = [type(e).__name__, e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["ResponseMetadata"]["RetryAttempts"]]
try:
    client(3).send_chat_integration_event(**m("+15551234567"))
except botocore.exceptions.ClientError as e:
    out["retried"] = e.response["ResponseMetadata"]["RetryAttempts"]
print(json.dumps(out))
`, lab.url);
    assert.match(out.created[0], /^[0-9a-f-]{36}$/);
    assert.equal(out.created[1], true);
    assert.deepEqual(out.throttled, ['ThrottlingException', 'Rate exceeded', 429, 0]);
    assert.equal(out.retried, 2, 'standard mode: 3 attempts, so 2 retries');
    assert.equal(lab.lines.filter((l) => l.includes(' 429 POST ')).length, 4, lab.lines.join('\n'));
  } finally {
    await lab.stop();
  }
  const fresh = await start(['--credentials', `${KEY.accessKeyId}:${KEY.secretAccessKey}`]);
  try {
    const out = await python(`
import json, sys, boto3
c = boto3.client("connect", endpoint_url=sys.argv[1])
m = dict(SourceId="+15551234567", DestinationId=${JSON.stringify(DESTINATION)}, Subtype="connect:sms", Event=dict(Type="MESSAGE", ContentType="text/plain", Content="Hi"))
a = c.send_chat_integration_event(**m)
b = c.send_chat_integration_event(**m)
out = {"same": a["InitialContactId"] == b["InitialContactId"], "flags": [a["NewChatCreated"], b["NewChatCreated"]]}
try:
    c.send_chat_integration_event(**dict(m, Event=dict(Type="MESSAGE", ContentType="text/html", Content="<b>")))
except c.exceptions.InvalidRequestException as e:
    out["invalid"] = [type(e).__name__, e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
import botocore, botocore.config
unsigned = boto3.client("connect", endpoint_url=sys.argv[1], config=botocore.config.Config(signature_version=botocore.UNSIGNED))
try:
    unsigned.send_chat_integration_event(**m)
except botocore.exceptions.ClientError as e:
    out["unsigned"] = [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
print(json.dumps(out))
`, fresh.url);
    assert.deepEqual([out.same, out.flags], [true, [true, false]]);
    assert.equal(out.invalid[0], 'InvalidRequestException');
    assert.match(out.invalid[1], /ContentType/);
    assert.equal(out.invalid[2], 400);
    assert.deepEqual(out.unsigned, ['MissingAuthenticationToken', 'Missing Authentication Token', 403]);
    assert.ok(fresh.lines.some((l) => l.includes('ap-southeast-2')), 'the region of the scope is logged');
  } finally {
    await fresh.stop();
  }
});

test('serve: the AWS CLI: create, reuse, an invalid request, throttling without retries, unsigned', { skip: !PYTHON && 'CHAT_EVENT_LAB_PYTHON is not set' }, async () => {
  const lab = await start(['--settings', 'settings/throttle-after-three.json'], { cwd: `${project}fixtures` });
  const aws = (args, env = {}) => spawnSync(PYTHON, ['-m', 'awscli', 'connect', 'send-chat-integration-event', '--endpoint-url', lab.url, ...args], {
    encoding: 'utf8',
    env: { ...process.env, AWS_ACCESS_KEY_ID: KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey, AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_MAX_ATTEMPTS: '1', ...env },
    timeout: 60_000,
  });
  const sms = ['--source-id', '+15551234567', '--destination-id', DESTINATION, '--subtype', 'connect:sms'];
  try {
    const created = aws([...sms, '--event', 'Type=MESSAGE,ContentType=text/plain,Content=Hi']);
    assert.equal(created.status, 0, created.stderr);
    const first = JSON.parse(created.stdout);
    assert.equal(first.NewChatCreated, true);
    const reused = JSON.parse(aws([...sms, '--event', 'Type=MESSAGE,ContentType=text/plain,Content="Hi, again"']).stdout);
    assert.deepEqual([reused.InitialContactId, reused.NewChatCreated], [first.InitialContactId, false]);

    const invalid = aws([...sms, '--event', 'Type=MESSAGE,ContentType=text/plain']);
    assert.equal(invalid.status, 255);
    assert.match(invalid.stderr, /An error occurred \(InvalidRequestException\) when calling the SendChatIntegrationEvent operation: .*Content/);

    const throttled = aws([...sms, '--event', 'Type=MESSAGE,ContentType=text/plain,Content=Hi']);
    assert.equal(throttled.status, 255);
    assert.match(throttled.stderr, /An error occurred \(ThrottlingException\) when calling the SendChatIntegrationEvent operation( \(reached max retries: 0\))?: Rate exceeded/);

    const unsigned = aws([...sms, '--event', 'Type=MESSAGE,ContentType=text/plain,Content=Hi', '--no-sign-request']);
    assert.equal(unsigned.status, 255);
    assert.match(unsigned.stderr, /An error occurred \(MissingAuthenticationToken\) when calling the SendChatIntegrationEvent operation: Missing Authentication Token/);
  } finally {
    await lab.stop();
  }
});

test('serve: --log json writes one JSON object per request; another host warns; SIGINT stops cleanly', async () => {
  const lab = await start(['--log', 'json', '--host', '0.0.0.0']);
  try {
    // stderr is another pipe: its line may arrive after stdout's.
    for (let i = 0; i < 50 && lab.errors.length === 0; i++) await new Promise((done) => setTimeout(done, 20));
    assert.match(lab.errors.join(''), /warning: listening on 0\.0\.0\.0: anyone who can reach this address can drive the simulator/);
    const url = lab.url.replace('0.0.0.0', '127.0.0.1');
    await client(url).send(new SendChatIntegrationEventCommand(message('+15551234567')));
    await fetch(`${url}/_lab/state`);
    await new Promise((done) => setTimeout(done, 100));
    const records = lab.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const served = records.find((r) => r.path === '/chat-integration-event');
    assert.equal(served.status, 200);
    assert.equal(served.what, 'created');
    assert.equal(served.region, 'eu-west-2');
    assert.equal(served.accessKeyId, KEY.accessKeyId);
    assert.match(served.requestId, /^[0-9a-f-]{36}$/);
    assert.match(served.explanation, /\S/);
    assert.ok(records.some((r) => r.path === '/_lab/state' && r.status === 200), lab.lines.join('\n'));
  } finally {
    const { code } = await lab.stop('SIGINT');
    assert.equal(code, 0);
    assert.equal(lab.lines.at(-1), 'chat-event-lab: stopped');
  }
});

test('serve: bad options exit 2 with a message', () => {
  for (const [args, says] of [
    [['--port', 'x'], /--port must be a number from 0 to 65535, not x/],
    [['--log', 'xml'], /--log must be one of text, json, not xml/],
    [['--credentials', 'no-secret'], /credentials: expected ACCESS_KEY_ID:SECRET_ACCESS_KEY, found "no-secret"/],
    [['--settings', 'missing.json'], /cannot read --settings missing\.json: ENOENT/],
    [['--settings', 'settings/throttled.json', '--scenario', 'bad.json'], /--scenario bad\.json: /],
    [['extra'], /serve takes no FILE/],
  ]) {
    const refused = refuses(args, `${project}fixtures`);
    assert.equal(refused.status, 2, `${args}: ${refused.stderr}`);
    assert.match(refused.stderr, says, args.join(' '));
  }
});

test('serve: --scenario sets the stage before the first request', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chat-event-lab-scenario-'));
  const file = join(dir, 'stage.yaml');
  writeFileSync(file, `title: a chat already open\nsteps:\n  - send: {SourceId: '+15551234567', DestinationId: '${DESTINATION}', Subtype: connect:sms, Event: {Type: MESSAGE, ContentType: text/plain, Content: earlier}}\n    expect: {what: created}\n`);
  const lab = await start(['--scenario', file]);
  try {
    assert.ok(lab.lines.includes('chat-event-lab: ran --scenario "a chat already open": 1 step, every expectation held'), lab.lines.join('\n'));
    const reply = await client(lab.url).send(new SendChatIntegrationEventCommand(message('+15551234567')));
    assert.equal(reply.NewChatCreated, false, 'the chat the scenario opened is reused');
  } finally {
    await lab.stop();
  }
});
