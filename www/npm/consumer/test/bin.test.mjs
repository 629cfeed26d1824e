// (e) The command line, run as `npx chat-event-lab` runs it (the bin npm linked into
// node_modules/.bin), on good and bad files: exit codes and output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
