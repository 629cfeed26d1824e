// (a) Every export of the package, imported as a Node user does (a bare specifier resolving the
// "node" condition of the tarball installed into this project).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as lab from 'chat-event-lab';

const require = createRequire(import.meta.url);
const packageDir = require.resolve('chat-event-lab/package.json').replace(/package\.json$/, '');

// The public API. Adding an export to the facade means adding it here, with a test below.
const EXPORTS = ['ChatEventError', 'fieldHelp', 'fields', 'parseJson', 'toJson', 'validate', 'validateJson'];

const MESSAGE = { Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hi' } };

test('exports exactly the documented API, and nothing of the wasm glue', () => {
  assert.deepEqual(Object.keys(lab).sort(), [...EXPORTS].sort());
  for (const name of ['default', 'initSync', '__wbg_init']) assert.equal(name in lab, false, name);
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
