// (a) Every export of the package, imported as a Node user does (a bare specifier resolving the
// "node" condition of the tarball installed into this project).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as lab from 'chat-event-lab';

const require = createRequire(import.meta.url);
const packageDir = require.resolve('chat-event-lab/package.json').replace(/package\.json$/, '');

// The public API. Adding an export to the facade means adding it here, with a test below.
const EXPORTS = [
  'ChatEventError', 'Endpoint', 'Simulator', 'fieldHelp', 'fields', 'formatDiagnostic', 'parseCommand', 'parseJson', 'parseParameter', 'parseScenario',
  'parseShorthand', 'parseYaml', 'renderCommand', 'renderSnippet', 'runScenario', 'scenarioExamples', 'skeleton',
  'toJson', 'toParameterShorthand', 'toShorthand', 'toYaml', 'validate', 'validateJson', 'validateYaml',
];

const MESSAGE = { Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hi' } };
const SMS = {
  SourceId: '+15551234567',
  DestinationId: 'arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-1',
  Subtype: 'connect:sms',
  Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'Hi, there' },
  NewSessionDetails: { Attributes: { 'customer-id': '42', tier: 'gold' } },
};

/** Asserts `call` throws a ChatEventError of `kind`, and returns the error. */
function throwsKind(call, kind) {
  let thrown;
  assert.throws(call, (error) => { thrown = error; return error instanceof lab.ChatEventError && error.kind === kind; });
  return thrown;
}

test('exports exactly the documented API, and nothing of the wasm glue', () => {
  assert.deepEqual(Object.keys(lab).sort(), [...EXPORTS].sort());
  for (const name of ['default', 'initSync', '__wbg_init']) assert.equal(name in lab, false, name);
});

test('every export is exercised by a test in this file', () => {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  for (const name of EXPORTS) assert.match(source, new RegExp(`lab\\.${name}\\b(?!',)`), name);
});

test('no declaration file of the package uses `any`', () => {
  const files = readdirSync(packageDir, { recursive: true }).filter((f) => String(f).endsWith('.d.ts'));
  assert.ok(files.length >= 4, `declarations found: ${files}`);
  for (const file of files) {
    // Doc comments may say "any"; declarations may not.
    const code = readFileSync(packageDir + file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const line = code.split('\n').find((l) => /\bany\b/.test(l));
    assert.equal(line, undefined, `${file} uses any`);
  }
});

test('validate and validateJson return diagnostics of the declared shape', () => {
  for (const diagnostics of [lab.validate(MESSAGE), lab.validateJson(JSON.stringify(MESSAGE)), lab.validateJson('{')]) {
    assert.ok(Array.isArray(diagnostics));
    for (const d of diagnostics) {
      assert.equal(typeof d.path, 'string');
      assert.equal(typeof d.code, 'string');
      assert.ok(['error', 'warning'].includes(d.severity), d.severity);
      assert.equal(typeof d.message, 'string');
      assert.ok(['service-model', 'aws-docs', 'channel', 'syntax'].includes(d.source), d.source);
      assert.equal(typeof d.caughtByCli, 'boolean');
    }
  }
});

test('validation never throws, whatever it is given', () => {
  for (const value of [{}, { Event: 5 }, { Nope: true }, { Event: { Type: ['MESSAGE'] } }]) {
    assert.ok(Array.isArray(lab.validate(value)));
  }
  for (const text of ['', '{', 'null', '[]', '{"Event": {"Type": 7}}']) {
    assert.ok(Array.isArray(lab.validateJson(text)));
  }
});

test('fieldHelp and fields describe every member, and diagnostics\' paths', () => {
  const all = lab.fields();
  assert.ok(all.length >= 10);
  assert.equal(new Set(all.map((f) => f.path)).size, all.length);
  for (const help of all) {
    assert.deepEqual(lab.fieldHelp(help.path), help);
    assert.equal(typeof help.description, 'string');
    assert.equal(typeof help.required, 'boolean');
    assert.ok(Array.isArray(help.constraints) && Array.isArray(help.allowedValues));
  }
  assert.deepEqual(lab.fieldHelp('Event.Type').allowedValues, ['DISCONNECT', 'MESSAGE', 'EVENT']);
  assert.equal(lab.fieldHelp('NewSessionDetails.SupportedMessagingContentTypes[2]').member, 'SupportedMessagingContentTypes');
  assert.equal(lab.fieldHelp('Nope'), undefined);
  assert.equal(lab.fieldHelp(''), undefined);
});

test('validate reports each problem at its path, wrong types included', () => {
  const codes = (diagnostics) => diagnostics.map((d) => `${d.path} ${d.code}`);
  assert.deepEqual(codes(lab.validate({ Event: { Type: 'DISCONNECT' } })), ['SourceId required', 'DestinationId required']);
  assert.ok(codes(lab.validate({ Event: { Type: 3 } })).includes('Event.Type wrong-type'));
  assert.ok(codes(lab.validateJson('{"sourceId": "x"}')).includes('sourceId unknown-member'));
  const [syntax] = lab.validateJson('{\n  "Event": ');
  assert.deepEqual([syntax.code, syntax.source, syntax.line, syntax.column], ['json-syntax', 'syntax', 2, 11]);
});

test('parseJson and toJson round-trip, keeping member and Attributes order', () => {
  const text = '{"SourceId":"+15551234567","Event":{"Type":"MESSAGE"},"NewSessionDetails":{"Attributes":{"zeta":"1","alpha":"2"}}}';
  const request = lab.parseJson(text);
  assert.deepEqual(request, JSON.parse(text));
  assert.deepEqual(Object.keys(request.NewSessionDetails.Attributes), ['zeta', 'alpha']);
  assert.equal(lab.toJson(request), JSON.stringify(JSON.parse(text), null, 2));
});

test('a syntax error is a ChatEventError of kind json, with its line and column', () => {
  assert.throws(() => lab.parseJson('{\n  "Event": }'), (error) => {
    assert.ok(error instanceof lab.ChatEventError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'ChatEventError');
    assert.equal(error.kind, 'json');
    assert.equal(error.line, 2);
    assert.equal(error.column, 12);
    assert.ok(Array.isArray(error.diagnostics));
    return true;
  });
});

test('a JSON array is not read as a request or an Event (serde would; validation says wrong-type)', () => {
  for (const text of ['["+15551234567"]', '{"Event": ["MESSAGE"]}']) {
    const error = throwsKind(() => lab.parseJson(text), 'json');
    assert.equal(error.diagnostics[0].code, 'wrong-type');
    throwsKind(() => lab.toJson(JSON.parse(text)), 'invalid-argument');
    throwsKind(() => new lab.Simulator().send(JSON.parse(text)), 'invalid-argument');
  }
});

test('a wrong argument is a ChatEventError of kind invalid-argument', () => {
  for (const bad of [undefined, 5, 'text', { Event: { Type: 3 } }, { Nope: 1 }, 10n]) {
    assert.throws(() => lab.toJson(bad), (error) => error instanceof lab.ChatEventError && error.kind === 'invalid-argument', String(bad));
  }
});

test('many failing calls do not grow the wasm memory (nothing leaks on the error path)', async () => {
  // The glue module is the one index.node.js instantiated (same file, so the same module
  // instance); its initSync then only hands back the running instance's exports.
  const glue = await import(pathToFileURL(`${packageDir}chat_event_lab.js`));
  const instance = glue.initSync({ module: readFileSync(`${packageDir}chat_event_lab_bg.wasm`) });
  const size = () => instance.memory.buffer.byteLength;
  const fail = () => {
    for (const call of [() => lab.parseJson('{"Event": {"Type": 3}}'), () => lab.toJson({ Nope: 1 }), () => lab.toJson(10n)]) {
      assert.throws(call, lab.ChatEventError);
    }
  };
  for (let i = 0; i < 1_000; i++) fail(); // let the allocator reach its steady state
  const before = size();
  for (let i = 0; i < 10_000; i++) fail();
  assert.equal(size(), before);
});

test('YAML: parseYaml, toYaml and validateYaml read and write --cli-input-yaml documents', () => {
  const yaml = lab.toYaml(SMS);
  assert.match(yaml, /^SourceId: "\+15551234567"$/m);
  assert.deepEqual(lab.parseYaml(yaml), SMS);
  assert.deepEqual(lab.parseYaml('Event:\n  Type: yes\n').Event.Type, 'yes'); // YAML 1.2, as the CLI reads it
  assert.deepEqual(lab.validateYaml(yaml), lab.validate(SMS));
  const syntax = throwsKind(() => lab.parseYaml('Event: [1'), 'yaml');
  assert.equal(typeof syntax.line, 'number');
  // A syntax error is a diagnostic, as validateJson's is: located, and the only one.
  const [broken, ...more] = lab.validateYaml('Event: [1');
  assert.deepEqual([broken.code, broken.severity, broken.source, typeof broken.line, more.length],
    ['yaml-syntax', 'error', 'syntax', 'number', 0]);
  assert.equal(syntax.message, broken.message);
  assert.deepEqual(syntax.diagnostics, [broken]);
  const typed = throwsKind(() => lab.parseYaml('Event:\n  Type: 3\n'), 'yaml');
  assert.equal(typed.path, 'Event.Type');
});

test('formatDiagnostic writes a diagnostic as compilers write theirs', () => {
  const [wrong] = lab.validateJson('{"SourceId": 5}');
  assert.equal(lab.formatDiagnostic(wrong, 'request.json'),
    `request.json: error [wrong-type] SourceId: ${wrong.message} (the AWS CLI rejects this too)`);
  const [syntax] = lab.validateJson('{\n  "SourceId": }');
  assert.match(lab.formatDiagnostic(syntax), /^2:15: error \[json-syntax\] Invalid JSON at line 2, column 15: /);
  const subtype = lab.validate({ ...SMS, Subtype: 'connect:Sms' }).find((d) => d.code === 'subtype-case');
  assert.equal(lab.formatDiagnostic(subtype, '-').split('\n')[1], '  hint: connect:sms');
  throwsKind(() => lab.formatDiagnostic({ code: 'x' }), 'invalid-argument');
});

test('shorthand: the generic parser and generator, as the AWS CLI reads shorthand', () => {
  assert.deepEqual(lab.parseShorthand('Type=MESSAGE,Content="Hi, there",L=[a,b],M={x=1}'),
    { Type: 'MESSAGE', Content: 'Hi, there', L: ['a', 'b'], M: { x: '1' } });
  const text = lab.toShorthand({ Type: 'MESSAGE', Content: 'Hi, there' });
  assert.deepEqual(lab.parseShorthand(text), { Type: 'MESSAGE', Content: 'Hi, there' });
  const error = throwsKind(() => lab.parseShorthand('Type=MESSAGE,Content="Hi'), 'shorthand');
  assert.match(error.message, /^Expected: /);
  assert.equal(error.line, 1);
  // CLI v2's words unless v1's are asked for: the echoed input one column to the right.
  const v1 = throwsKind(() => lab.parseShorthand('Type=MESSAGE,Content="Hi', { cli: 'v1' }), 'shorthand');
  assert.equal(error.message, v1.message.replace('for input:\n', 'for input:\n '));
  assert.equal(lab.parseShorthand('a=b', { cli: 'v1' }).a, 'b');
  throwsKind(() => lab.parseShorthand('a=b', { cli: 'v3' }), 'invalid-argument');
  throwsKind(() => lab.parseShorthand('a=b', { version: 'v1' }), 'invalid-argument');
  throwsKind(() => lab.toShorthand({ a: 1 }), 'not-expressible');
});

test('shorthand per parameter: the model\'s fix-ups and likely mistakes', () => {
  const nsd = lab.parseParameter('new-session-details', 'SupportedMessagingContentTypes=text/plain');
  assert.deepEqual(nsd, { value: { SupportedMessagingContentTypes: ['text/plain'] }, syntax: 'shorthand', diagnostics: [] });
  assert.equal(lab.parseParameter('event', '{"Type": "DISCONNECT"}').syntax, 'json');
  const comma = lab.parseParameter('event', 'Type=MESSAGE,ContentType=text/plain,Content=a,b');
  assert.deepEqual(comma.diagnostics.map((d) => [d.path, d.code]), [['Event.Content', 'shorthand-comma-list']]);
  assert.equal(lab.toParameterShorthand('new-session-details', { SupportedMessagingContentTypes: ['text/plain'] }),
    'SupportedMessagingContentTypes=text/plain');
  const json = throwsKind(() => lab.parseParameter('event', '{"Type": '), 'shorthand');
  assert.match(json.hint, /JSON/); // a value starting with { is read as JSON, and the hint says so
  throwsKind(() => lab.parseParameter('source-id', 'x'), 'invalid-argument');
});

test('commands: renderCommand for each shell, and parseCommand reads them back', () => {
  for (const shell of ['bash', 'powerShell5', 'powerShell7', 'cmd']) {
    const rendered = lab.renderCommand(SMS, { shell, multiline: true });
    assert.equal(rendered.shell, shell);
    assert.equal(rendered.argv[0], 'connect');
    assert.ok(Array.isArray(rendered.notes) && Array.isArray(rendered.files));
    // Read back as the shell its line continuations say, and as that shell when asked.
    const detected = lab.parseCommand(rendered.text);
    assert.equal(detected.shell.shell, shell);
    assert.match(detected.shell.reason, /line continuation/);
    assert.deepEqual(detected.request, SMS);
    assert.deepEqual(lab.parseCommand(rendered.text, { shell }).shell, { shell, reason: 'It was chosen.' });
  }
  // Windows PowerShell 5.1 strips the double quotes of JSON in single quotes; its \" form keeps them.
  const json = `aws connect send-chat-integration-event --source-id +1 --destination-id d --event '{"Type":"DISCONNECT"}'`;
  const stripped = throwsKind(() => lab.parseCommand(json, { shell: 'powerShell5' }), 'command');
  assert.match(stripped.message, /Invalid JSON/);
  assert.equal(stripped.shell.shell, 'powerShell5');
  const escaped = lab.parseCommand(json.replaceAll('"', '\\"'));
  assert.equal(escaped.shell.shell, 'powerShell5');
  assert.deepEqual(escaped.request.Event, { Type: 'DISCONNECT' });
  throwsKind(() => lab.parseCommand(json, { shell: 'fish' }), 'invalid-argument');
  const bash = lab.renderCommand(SMS);
  assert.match(bash.text, /^aws connect send-chat-integration-event --source-id /);
  const parsed = lab.parseCommand(bash.text);
  assert.deepEqual(parsed.request, SMS);
  assert.deepEqual(parsed.params, SMS);
  const file = lab.renderCommand(SMS, { input: 'cliInputJsonFile' });
  assert.equal(file.files.length, 1);
  const error = throwsKind(() => lab.parseCommand('aws connect send-chat-integration-event --sourceid +1555'), 'command');
  assert.equal(error.line, 1);
  // What the CLI prints and exits with, in v2's words unless v1's are asked for.
  const missing = 'aws connect send-chat-integration-event --source-id +1 --destination-id d --event Type=MESSAGE --region';
  const v2 = throwsKind(() => lab.parseCommand(missing), 'command');
  const v1 = throwsKind(() => lab.parseCommand(missing, { cli: 'v1' }), 'command');
  assert.deepEqual([v1.message, v1.exitCode], ['argument --region: expected one argument', 2]);
  assert.deepEqual([v2.message, v2.exitCode], [`aws: [ERROR]: An error occurred (ParamValidation): ${v1.message}`, 252]);
  // What the shell would do first is no refusal of the CLI: no exit code.
  const shell = throwsKind(() => lab.parseCommand("aws connect send-chat-integration-event --source-id 'x"), 'command');
  assert.equal(shell.exitCode, undefined);
  throwsKind(() => lab.renderCommand(SMS, { shell: 'fish' }), 'invalid-argument');
});

test('SDK snippets: the JavaScript one runs in Node and sends exactly the request', async () => {
  const python = lab.renderSnippet(SMS);
  assert.match(python, /^import boto3$/m);
  assert.match(python, /^    NewSessionDetails=\{$/m);
  assert.equal(lab.renderSnippet(SMS, 'python'), python);
  // Run the JavaScript snippet as written, with a stand-in for @aws-sdk/client-connect that
  // records the command's input (the real SDK would need credentials and the network).
  const dir = mkdtempSync(join(tmpdir(), 'snippet-'));
  const sdk = join(dir, 'node_modules', '@aws-sdk', 'client-connect');
  mkdirSync(sdk, { recursive: true });
  writeFileSync(join(sdk, 'package.json'), '{"name": "@aws-sdk/client-connect", "type": "module", "main": "index.js"}');
  writeFileSync(join(sdk, 'index.js'), `export class SendChatIntegrationEventCommand { constructor(input) { this.input = input; } }
export class ConnectClient { async send(command) { globalThis.sentInput = command.input; return { InitialContactId: 'c-1', NewChatCreated: true }; } }`);
  const tricky = { ...SMS, Event: { ...SMS.Event, Content: 'Say "hi"\\ ${x} \n😀' } };
  // The snippet prints one line (console.log); the input it sent follows on the next.
  writeFileSync(join(dir, 'snippet.mjs'), lab.renderSnippet(tricky, 'javaScript') + 'process.stdout.write(JSON.stringify(globalThis.sentInput));\n');
  const out = execFileSync(process.execPath, [join(dir, 'snippet.mjs')], { encoding: 'utf8' });
  const [printed, sent] = out.split('\n');
  assert.equal(printed, 'c-1 true');
  assert.deepEqual(JSON.parse(sent), tricky);
  throwsKind(() => lab.renderSnippet(SMS, 'go'), 'invalid-argument');
  throwsKind(() => lab.renderSnippet(SMS, 'rust', { region: 5 }), 'invalid-argument');
  throwsKind(() => lab.renderSnippet(SMS, 'rust', { colour: true }), 'invalid-argument');

  // With options: the region reaches the client, and the comment comes before the call.
  writeFileSync(join(dir, 'regional.mjs'), lab.renderSnippet(tricky, 'javaScript', { region: 'eu-west-2', explain: true }) + 'process.stdout.write(JSON.stringify(globalThis.sentInput));\n');
  const regional = execFileSync(process.execPath, [join(dir, 'regional.mjs')], { encoding: 'utf8' }).split('\n');
  assert.deepEqual(JSON.parse(regional[1]), tricky);
  const explained = lab.renderSnippet(SMS, 'javaScript', { region: 'eu-west-2', explain: true });
  assert.match(explained, /^const client = new ConnectClient\(\{ region: "eu-west-2" \}\);\n\/\/ SourceId, DestinationId and Subtype name one chat\./m);

  // Rust and PowerShell (compiled and read back by the core's own tests).
  const rust = lab.renderSnippet(SMS, 'rust');
  assert.match(rust, /^#\[tokio::main\]$/m);
  assert.match(rust, /^ {8}\.send_chat_integration_event\(\)$/m);
  assert.match(rust, /\.attributes\("customer-id", "42"\)/);
  const powershell = lab.renderSnippet(SMS, 'powerShell');
  assert.match(powershell, /^\$response = Send-CONNChatIntegrationEvent `$/m);
  assert.match(powershell, /^ {4}-Event_Content 'Hi, there' `$/m);
  assert.match(powershell, /^ {4}-NewSessionDetails_Attribute @\{ 'customer-id' = '42'; 'tier' = 'gold' \}$/m);
});

test('skeletons: the three --generate-cli-skeleton outputs', () => {
  const input = JSON.parse(lab.skeleton('input'));
  assert.deepEqual(Object.keys(input), ['SourceId', 'DestinationId', 'Subtype', 'Event', 'NewSessionDetails']);
  assert.deepEqual(JSON.parse(lab.skeleton('output')), { InitialContactId: 'InitialContactId', NewChatCreated: true });
  assert.match(lab.skeleton('yaml-input'), /^SourceId: '' +# \[REQUIRED\]/);
  throwsKind(() => lab.skeleton('nope'), 'invalid-argument');
});

test('Simulator: create, reuse, expire, end, query, snapshot and restore', () => {
  const sim = new lab.Simulator({ seed: 7 });
  const first = sim.send(SMS);
  assert.equal(first.what, 'created');
  assert.equal(first.response.ok.NewChatCreated, true);
  const second = sim.send(SMS);
  assert.equal(second.what, 'reused');
  assert.equal(second.contactId, first.contactId);
  assert.equal(sim.activeChatCount(), 1);
  assert.equal(sim.contact(first.contactId).status, 'active');
  assert.equal(sim.activeContactFor(SMS.SourceId, SMS.DestinationId, SMS.Subtype).contactId, first.contactId);
  assert.equal(sim.transcript(first.contactId).length, 2);
  assert.equal(sim.log().length, 2);
  assert.equal(sim.requestCount(), 2);

  const restored = lab.Simulator.restore(sim.snapshot());
  assert.deepEqual(restored.contacts(), sim.contacts());

  const advanced = sim.advance('25h');
  assert.deepEqual(advanced.expired, [first.contactId]);
  assert.equal(sim.now().iso, '2026-01-02T01:00:00Z');
  const third = sim.send(SMS);
  assert.equal(third.what, 'created');
  assert.equal(third.follows.contactId, first.contactId);
  assert.equal(sim.endChat(third.contactId, 'agent').endReason, 'agentDisconnected');
  assert.equal(sim.activeChats().length, 0);
  assert.equal(sim.contactCount(), 2);
  assert.equal(sim.settings().seed, 7);
  // Declared `?: T | null`: an absent fault setting comes back as null, as the declaration says.
  assert.deepEqual(sim.settings().faults, { accessDenied: false, destinations: null, throttling: null, internalErrorProbability: 0, maxActiveChats: null });
  sim.advance(1_000);

  // Rejections are outcomes, not exceptions; misuse is a ChatEventError.
  assert.equal(sim.send({ Event: { Type: 'MESSAGE' } }).what, 'invalidRequest');
  throwsKind(() => sim.endChat(first.contactId, 'agent'), 'simulator');
  throwsKind(() => sim.endChat('not-an-id', 'flow'), 'simulator');
  throwsKind(() => sim.advance('soon'), 'simulator');
  throwsKind(() => sim.advance(-1), 'invalid-argument');
  assert.equal(throwsKind(() => new lab.Simulator({ chatDurationMinutes: 5 }), 'settings').path, 'chatDurationMinutes');
  throwsKind(() => new lab.Simulator({ nope: 1 }), 'invalid-argument');
  throwsKind(() => lab.Simulator.restore('{}'), 'snapshot');

  sim.reset();
  assert.equal(sim.contactCount(), 0);
  assert.equal(sim.send(SMS).contactId, new lab.Simulator({ seed: 7 }).send(SMS).contactId);
  sim.free();
});

test('scenarios: every example parses, runs and passes; the table reports it', () => {
  const examples = lab.scenarioExamples();
  assert.ok(examples.length >= 3);
  for (const example of examples) {
    const scenario = lab.parseScenario(example.text);
    assert.equal(scenario.title, example.title);
    const report = lab.runScenario(scenario);
    assert.equal(report.passed, true, example.name);
    assert.equal(report.failedSteps, 0);
    assert.ok(report.table.startsWith(`${report.title} — PASS`), example.name);
  }
  const failing = lab.runScenario({ title: 't', steps: [{ send: SMS, expect: { what: 'reused' } }, { advance: '1h' }] });
  assert.deepEqual(failing.steps.map((step) => step.passed), [false, null]); // declared boolean | null
  assert.equal(failing.passed, false);
  assert.match(failing.table, /^step 1:$/m);
  const onSim = new lab.Simulator().runScenario(lab.parseScenario(examples[0].text));
  assert.equal(onSim.passed, true);
  assert.equal(throwsKind(() => lab.parseScenario('{"title": "x", "steps": [{}]}'), 'scenario').path, 'steps[0]');
  // Without a format, the text says which: YAML here, as core tells them apart everywhere.
  assert.deepEqual(lab.parseScenario('title: x\nsteps:\n  - advance: 1h\n'), lab.parseScenario('{"title": "x", "steps": [{"advance": "1h"}]}'));
  const unclosed = throwsKind(() => lab.parseScenario('title: x\nsteps: {', 'yaml'), 'scenario');
  assert.deepEqual([unclosed.line, unclosed.column], [2, 8]); // the brace that is never closed
});

test('Endpoint answers for a Simulator as the service would, hashing with the functions it is given', async () => {
  const { createHash, createHmac } = await import('node:crypto');
  const crypto = {
    sha256: (data) => createHash('sha256').update(data).digest(),
    hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
  };
  const sim = new lab.Simulator();
  const open = new lab.Endpoint([], crypto);
  assert.equal(open.verifies, false);
  assert.equal(lab.Endpoint.controlPrefix(), '/_lab/');
  assert.ok(lab.Endpoint.maxBodyBytes() >= 64 * 1024);
  const body = new TextEncoder().encode(JSON.stringify(SMS));
  const unsigned = open.handle(sim, 'POST', '/chat-integration-event', ['Host', 'localhost'], body, 'id-1', Date.now());
  assert.equal(unsigned.response.status, 403);
  assert.equal(unsigned.response.headers['x-amzn-ErrorType'], 'MissingAuthenticationToken');
  assert.equal(unsigned.response.headers['x-amzn-RequestId'], 'id-1');
  assert.deepEqual(JSON.parse(unsigned.response.body), { Message: 'Missing Authentication Token' });
  assert.equal(unsigned.changed, false);
  assert.equal(unsigned.record.status, 403);
  assert.match(unsigned.line, / 403 POST \/chat-integration-event MissingAuthenticationToken: Missing Authentication Token$/);

  // Signed in the scope of another service: refused before the simulator.
  const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const headers = ['Host', 'localhost', 'X-Amz-Date', amzDate, 'Authorization', `AWS4-HMAC-SHA256 Credential=AKID/${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`];
  const scoped = open.handle(sim, 'POST', '/chat-integration-event', headers, body, 'id-2', Date.now());
  assert.equal(scoped.response.headers['x-amzn-ErrorType'], 'InvalidSignatureException');
  // Any key passes without credentials: the simulator answers.
  headers[5] = headers[5].replace('/s3/', '/connect/');
  const created = open.handle(sim, 'POST', '/chat-integration-event', headers, body, 'id-3', Date.now());
  assert.equal(created.response.status, 200, created.response.body);
  assert.equal(JSON.parse(created.response.body).NewChatCreated, true);
  assert.equal(created.changed, true);
  assert.equal(created.record.what, 'created');
  assert.equal(sim.activeChatCount(), 1);

  // With credentials every signature is checked with the given functions; what they do wrong throws.
  const strict = new lab.Endpoint(['AKID:secret'], crypto);
  assert.equal(strict.verifies, true);
  assert.equal(strict.handle(sim, 'POST', '/chat-integration-event', headers, body, 'id-4', Date.now()).response.headers['x-amzn-ErrorType'], 'InvalidSignatureException');
  const short = new lab.Endpoint(['AKID:secret'], { ...crypto, sha256: () => new Uint8Array(3) });
  throwsKind(() => short.handle(sim, 'POST', '/chat-integration-event', headers, body, 'id-5', Date.now()), 'invalid-argument');
  const failing = new lab.Endpoint(['AKID:secret'], { ...crypto, hmacSha256: () => { throw new RangeError('no'); } });
  assert.throws(() => failing.handle(sim, 'POST', '/chat-integration-event', headers, body, 'id-6', Date.now()), RangeError);
  throwsKind(() => new lab.Endpoint(['no-colon'], crypto), 'invalid-argument');
  throwsKind(() => new lab.Endpoint([], { sha256: crypto.sha256 }), 'invalid-argument');
  for (const e of [open, strict, short, failing]) e.free();
  sim.free();
});
