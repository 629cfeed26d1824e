// (e) The command line, run as `npx chat-event-lab` runs it (the bin npm linked into
// node_modules/.bin), on good and bad files: exit codes and output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as lab from 'chat-event-lab';

const project = fileURLToPath(new URL('..', import.meta.url));
const BIN = `${project}node_modules/.bin/chat-event-lab`;

/** Runs the bin in the fixtures directory; returns { status, stdout, stderr }. */
function cli(args, input) {
  const result = spawnSync(BIN, args, { cwd: `${project}fixtures`, input, encoding: 'utf8' });
  assert.equal(result.error, undefined);
  return result;
}

test('validate: a good file exits 0 and says so', () => {
  const { status, stdout } = cli(['validate', 'good.json']);
  assert.equal(stdout, 'no problems in 1 file\n');
  assert.equal(status, 0);
});

test('validate: errors exit 1, each with its path, code and whether the AWS CLI catches it', () => {
  const { status, stdout } = cli(['validate', 'bad.json']);
  assert.equal(status, 1);
  assert.match(stdout, /^bad\.json: error \[required\] DestinationId: .+ \(the AWS CLI rejects this too\)$/m);
  assert.match(stdout, /^bad\.json: error \[content-type-not-allowed\] Event\.ContentType: .*text\/html/m);
  assert.match(stdout, /^2 errors and 0 warnings in 1 file$/m);
});

test('validate: warnings exit 0, or 1 with --strict, and show their hint', () => {
  const plain = cli(['validate', 'warning.json']);
  assert.equal(plain.status, 0);
  assert.match(plain.stdout, /^warning\.json: warning \[source-id-not-e164\] SourceId: /m);
  assert.match(plain.stdout, /^ {2}hint: .*\+15551234567/m);
  assert.equal(cli(['validate', '--strict', 'warning.json']).status, 1);
  assert.equal(cli(['validate', '--strict', 'good.json']).status, 0);
});

test('validate: a syntax error is located at its line and column', () => {
  const { status, stdout } = cli(['validate', 'broken.json']);
  assert.equal(status, 1);
  assert.match(stdout, /^broken\.json:4:1: error \[json-syntax\] /m);
});

test('validate --json: one document with every file\'s diagnostics as objects', () => {
  const { status, stdout } = cli(['validate', '--json', 'good.json', 'bad.json', 'warning.json']);
  assert.equal(status, 1);
  const report = JSON.parse(stdout);
  assert.deepEqual(report.files.map((f) => f.file), ['good.json', 'bad.json', 'warning.json']);
  assert.deepEqual(report.files[0].diagnostics, []);
  assert.equal(report.errors, 2);
  assert.equal(report.warnings, 1);
  for (const d of report.files.flatMap((f) => f.diagnostics)) {
    for (const key of ['path', 'code', 'severity', 'message', 'source']) assert.equal(typeof d[key], 'string', key);
    assert.equal(typeof d.caughtByCli, 'boolean');
    assert.ok(['error', 'warning'].includes(d.severity));
  }
  const required = report.files[1].diagnostics.find((d) => d.code === 'required');
  assert.equal(required.path, 'DestinationId');
  assert.equal(required.caughtByCli, true);
});

test('validate: - reads stdin', () => {
  const { status, stdout } = cli(['validate', '-'], '{"Event": {"Type": "DISCONNECT"}}');
  assert.equal(status, 1);
  assert.match(stdout, /^-: error \[required\] SourceId: /m);
});

test('validate: YAML files are read as --cli-input-yaml documents', () => {
  const { status, stdout } = cli(['validate', 'good.yaml', 'good.json']);
  assert.equal(stdout, 'no problems in 2 files\n');
  assert.equal(status, 0);
});

test('validate: a YAML syntax error is reported for its file, and the other files still are', () => {
  const { status, stdout } = cli(['validate', 'broken.yaml', 'bad.json']);
  assert.equal(status, 1);
  // Located at the bracket that is never closed (line 3, column 12), not at the end of the file.
  assert.match(stdout, /^broken\.yaml:3:12: error \[yaml-syntax\] Invalid YAML: this bracket is never closed/m);
  assert.match(stdout, /^bad\.json: error \[required\] DestinationId: /m);
});

test('convert: JSON to every other form and back', () => {
  const json = cli(['convert', '--from', 'json', '--to', 'json', 'good.json']);
  assert.equal(json.status, 0);
  const request = JSON.parse(json.stdout);
  assert.equal(request.Event.Content, 'Hello');

  const yaml = cli(['convert', '--from', 'json', '--to', 'yaml', 'good.json']);
  assert.match(yaml.stdout, /^Event:\n {2}Type: MESSAGE$/m);
  assert.deepEqual(JSON.parse(cli(['convert', '--from', 'yaml', '--to', 'json'], yaml.stdout).stdout), request);

  const command = cli(['convert', '--from', 'json', '--to', 'cli', 'good.json']);
  assert.match(command.stdout, /^aws connect send-chat-integration-event --source-id \+15551234567 /);
  assert.deepEqual(JSON.parse(cli(['convert', '--from', 'cli', '--to', 'json'], command.stdout).stdout), request);

  const shorthand = cli(['convert', '--from', 'json', '--to', 'shorthand', '--param', 'event', 'good.json']);
  assert.equal(shorthand.stdout, 'Type=MESSAGE,ContentType=text/plain,Content=Hello\n');
  const event = cli(['convert', '--from', 'shorthand', '--param', 'event', '--to', 'json'], shorthand.stdout);
  assert.deepEqual(JSON.parse(event.stdout), request.Event);
});

test('convert --shell: the command is quoted for that shell', () => {
  const lines = Object.fromEntries(['bash', 'powershell', 'pwsh', 'cmd'].map((shell) =>
    [shell, cli(['convert', '--from', 'yaml', '--to', 'cli', '--shell', shell], 'SourceId: "+1 555"\nEvent:\n  Type: MESSAGE\n  Content: "it\'s"\n')]));
  for (const { status } of Object.values(lines)) assert.equal(status, 0);
  assert.match(lines.bash.stdout, /--source-id '\+1 555'/);
  assert.match(lines.cmd.stdout, /--source-id "\+1 555"/);
  assert.notEqual(lines.powershell.stdout, lines.bash.stdout);
});

test('convert --from cli: the shell is detected, or taken from --shell', () => {
  const powershell = "aws connect send-chat-integration-event --source-id '+1 555' `\n  --destination-id d --event 'Type=MESSAGE,Content=\"It''s me\"'\n";
  const detected = cli(['convert', '--from', 'cli', '--to', 'json'], powershell);
  assert.equal(detected.status, 0);
  assert.equal(JSON.parse(detected.stdout).Event.Content, "It's me");
  assert.match(detected.stderr, /^chat-event-lab: read as pwsh \(--shell pwsh\): A backtick ends a line/);
  // Read as bash, the backtick is no line continuation.
  const bash = cli(['convert', '--from', 'cli', '--to', 'json', '--shell', 'bash'], powershell);
  assert.equal(bash.status, 1);
  assert.match(bash.stderr, /continues a PowerShell command/);
});

test('convert --from shorthand without --param: the generic parser, printed as JSON', () => {
  const ok = cli(['convert', '--from', 'shorthand', '--to', 'json'], 'Type=MESSAGE,Content="Hi, you",Tags=[a,b]\n');
  assert.equal(ok.status, 0);
  assert.deepEqual(JSON.parse(ok.stdout), { Type: 'MESSAGE', Content: 'Hi, you', Tags: ['a', 'b'] });
  const bad = cli(['convert', '--from', 'shorthand', '--to', 'json'], 'Type=MESSAGE,Content="Hi\n');
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, '');
  // AWS CLI v2's words by default: the echoed input one column right of its caret line; v1's on request.
  assert.match(bad.stderr, /Expected: '<double quoted>', received: '<none>' for input:\n Type=MESSAGE,Content="Hi\n {21}\^/);
  const v1 = cli(['convert', '--from', 'shorthand', '--to', 'json', '--cli', 'v1'], 'Type=MESSAGE,Content="Hi\n');
  assert.match(v1.stderr, /Expected: '<double quoted>', received: '<none>' for input:\nType=MESSAGE,Content="Hi\n {21}\^/);
  assert.equal(cli(['convert', '--from', 'shorthand', '--to', 'yaml'], 'a=b').status, 2);
  assert.equal(cli(['convert', '--from', 'shorthand', '--to', 'json', '--cli', 'v3'], 'a=b').status, 2);
});

test('convert: problems exit 1 with located messages', () => {
  const comma = cli(['convert', '--from', 'shorthand', '--param', 'event', '--to', 'json'], 'Type=MESSAGE,Content=a,b');
  assert.equal(comma.status, 1);
  assert.match(comma.stderr, /\[shorthand-comma-list\] Event\.Content: /);
  const json = cli(['convert', '--from', 'json', '--to', 'yaml'], '{"Event": ');
  assert.equal(json.status, 1);
  assert.match(json.stderr, /Invalid JSON/);
  const command = cli(['convert', '--from', 'cli', '--to', 'json'], 'aws connect send-chat-integration-event --sourceid x');
  assert.equal(command.status, 1);
  assert.match(command.stderr, /--sourceid/);
  // Where the AWS CLI refuses, what it prints and exits with: version 2's, or version 1's.
  const required = 'the following arguments are required: --source-id, --destination-id, --event\n';
  assert.ok(command.stderr.startsWith('chat-event-lab: the AWS CLI stops here (line 1, column 53) and exits with 252:\n'
    + `aws: [ERROR]: An error occurred (ParamValidation): ${required}`), command.stderr);
  const v1 = cli(['convert', '--from', 'cli', '--to', 'json', '--cli', 'v1'], 'aws connect send-chat-integration-event --sourceid x');
  assert.ok(v1.stderr.startsWith(`chat-event-lab: the AWS CLI stops here (line 1, column 53) and exits with 2:\n${required}`), v1.stderr);
});

test('skeleton: prints what --generate-cli-skeleton prints, byte for byte', () => {
  for (const kind of ['input', 'output', 'yaml-input']) {
    const { status, stdout } = cli(['skeleton', kind]);
    assert.equal(status, 0);
    assert.equal(stdout, lab.skeleton(kind));
  }
  assert.match(cli(['skeleton', 'input']).stdout, /^\{\n {4}"SourceId": "",\n/);
  assert.equal(cli(['skeleton', 'json']).status, 2);
});

test('simulate: an example or a file; exit 1 when an expectation fails', () => {
  const example = cli(['simulate', 'next-sms-reuses-chat']);
  assert.equal(example.status, 0);
  assert.match(example.stdout, /^The next SMS reuses the chat — PASS$/m);
  assert.match(example.stdout, /^\| 2 \| second \|.*\| reused: .*\| pass \|$/m);

  const failing = cli(['simulate', 'failing-scenario.json']);
  assert.equal(failing.status, 1);
  assert.match(failing.stdout, /— FAIL$/m);
  assert.match(failing.stdout, /^step 2:$/m);

  const json = cli(['simulate', '--json', 'failing-scenario.json']);
  assert.equal(JSON.parse(json.stdout).failedSteps, 1);
  assert.equal(cli(['simulate', 'no-such-scenario']).status, 2);
});

test('usage problems exit 2 with a message on stderr', () => {
  for (const [args, message] of [
    [[], null],
    [['frobnicate'], /unknown command: frobnicate/],
    [['validate'], /needs at least one FILE/],
    [['validate', 'missing.json'], /cannot read missing\.json: ENOENT/],
    [['validate', '--bogus', 'good.json'], /bogus/],
  ]) {
    const { status, stderr, stdout } = cli(args);
    assert.equal(status, 2, args.join(' '));
    if (message) assert.match(stderr, message);
    else assert.match(stdout, /^usage: chat-event-lab/);
  }
});
