// The wasm rows of `cargo xtask bench`: the built npm package in Node, on the corpus every runner
// reads, each entry point beside its floor (crates/bench/floor: the same argument in and the same
// result out, with no work between).
//
// usage: node crates/bench/wasm.mjs CORPUS_JSON PACKAGE_DIR FLOOR_DIR OUT_JSON [--quick]
//
// Each figure: one warm-up pass over the inputs, then several timed passes; the median pass over
// the number of inputs. The package is the one `cargo xtask package` builds (target/npm/package),
// instantiated as its Node entry does, so that its memory can be read for the bytes per chat.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const [corpusPath, packageDir, floorDir, outPath] = args.filter((a) => a !== '--quick');
if (!outPath) {
  console.error('usage: node wasm.mjs CORPUS_JSON PACKAGE_DIR FLOOR_DIR OUT_JSON [--quick]');
  process.exit(2);
}

const corpus = JSON.parse(readFileSync(corpusPath, 'utf8'));
const lab = await import(pathToFileURL(resolve(packageDir, 'chat_event_lab.js')).href);
const exports = lab.initSync({ module: readFileSync(resolve(packageDir, 'chat_event_lab_bg.wasm')) });
const floor = createRequire(import.meta.url)(resolve(floorDir, 'chat_event_bench_floor.js'));
const packageVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

const REPS = quick ? 3 : 7;
/** How many calls a pass makes when the inputs are one value (the valid SMS message). */
const ONE_VALUE_CALLS = quick ? 2_000 : 20_000;
const results = [];

/** Median of the passes' times over the inputs, in ns per input. */
function timePasses(inputs, call) {
  const pass = () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < inputs.length; i++) call(inputs[i], i);
    return Number(process.hrtime.bigint() - start);
  };
  pass(); // warm-up: the engine compiles the glue, the module's memory grows to its working size
  const times = [];
  for (let r = 0; r < REPS; r++) times.push(pass());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] / inputs.length;
}

function record(id, impl, value, per, note) {
  results.push({ id, impl, value, unit: 'ns', per, reps: REPS, ...(note ? { note } : {}) });
  console.error(`${id} ${impl}: ${value.toFixed(0)} ns per ${per}`);
}

/** A call that may throw a ChatEventError (a broken input): the throw is part of its cost. */
const orError = (f) => (x) => {
  try {
    return f(x);
  } catch (e) {
    if (e?.name !== 'ChatEventError') throw e;
    return e;
  }
};

/**
 * An entry point and its floor on the same inputs. The floor returns, for input i, what the entry
 * returned for it (loaded beforehand as text; a thrown error's details as a value).
 */
function entryAndFloor(id, impl, per, inputs, entry, floorKind) {
  const call = orError(entry);
  const outputs = inputs.map((x) => {
    const out = call(x);
    if (out instanceof Error) return JSON.stringify({ ...out });
    return floorKind === 'objectToText' ? out : JSON.stringify(out ?? null);
  });
  record(id, impl, timePasses(inputs, (x) => call(x)), per);
  floor.load(outputs);
  const f = floor[floorKind];
  record(id, `${impl}-floor`, timePasses(inputs, (x, i) => f(x, i)), per);
}

const repeat = (value, n) => Array.from({ length: n }, () => value);

// ---- validation ---------------------------------------------------------------------------------
for (const [id, texts] of [
  ['validate.one-sms', repeat(corpus.one_valid_sms, ONE_VALUE_CALLS)],
  ['validate.corpus', corpus.validation],
]) {
  const objects = texts.map((t) => JSON.parse(t));
  entryAndFloor(id, 'wasm-object', 'request', objects, lab.validate, 'objectToValue');
  entryAndFloor(id, 'wasm-text', 'request', texts, lab.validateJson, 'textToValue');
}

// ---- shorthand, commands ------------------------------------------------------------------------
entryAndFloor('shorthand.event', 'wasm', 'value', corpus.shorthand.event, lab.parseShorthand, 'textToValue');
entryAndFloor(
  'shorthand.new-session-details',
  'wasm',
  'value',
  corpus.shorthand.new_session_details,
  lab.parseShorthand,
  'textToValue',
);
entryAndFloor('command.parse', 'wasm', 'command', corpus.commands.map((c) => c.text), lab.parseCommand, 'textToValue');

// ---- rendering ----------------------------------------------------------------------------------
const rendered = corpus.render.map((t) => JSON.parse(t));
entryAndFloor('render.command-bash', 'wasm', 'request', rendered, (r) => lab.renderCommand(r), 'objectToValue');
entryAndFloor('render.shorthand', 'wasm', 'request', rendered.map((r) => r.Event), lab.toShorthand, 'objectToText');

// ---- simulator ----------------------------------------------------------------------------------
const source = (n) => `+1555${String(n).padStart(7, '0')}`;
const STRIDE = 7919; // a prime, so that consecutive sends touch different chats (as natively)
const SENDS = quick ? 2_000 : 20_000;

// The largest first, so that its memory growth is measured from a module that has held nothing bigger.
for (const [label, chats] of [['1m', 1_000_000], ['100k', 100_000], ['1k', 1_000]]) {
  if (quick && chats > 100_000) continue;
  const request = JSON.parse(corpus.simulator_request);
  const memoryBefore = exports.memory.buffer.byteLength;
  const sim = new lab.Simulator();
  for (let n = 0; n < chats; n++) {
    request.SourceId = source(n);
    sim.send(request);
  }
  if (sim.activeChatCount() !== chats) throw new Error(`${sim.activeChatCount()} active chats, not ${chats}`);
  if (label === '1m') {
    const grown = exports.memory.buffer.byteLength - memoryBefore;
    results.push({
      id: 'simulator.bytes-per-chat',
      impl: 'wasm',
      value: grown / chats,
      unit: 'bytes',
      per: 'active chat',
      reps: 1,
      note: 'wasm: growth of the module\'s linear memory (64 KiB pages, never given back) while 1 M chats were created, over 1 M',
    });
  }

  // Reuse: requests for customers that have a chat, one object whose SourceId changes per send.
  let n = 0;
  const reuseInputs = Array.from({ length: SENDS }, () => {
    n = (n + STRIDE) % chats;
    return source(n);
  });
  const send = (sourceId) => {
    request.SourceId = sourceId;
    return sim.send(request);
  };
  const reuseId = `simulator.reuse.${label}`;
  record(reuseId, 'wasm', timePasses(reuseInputs, send), 'event');

  // Create: new customers, then (untimed) their chats ended, so that the active count stays.
  let next = chats;
  const createTimes = [];
  for (let r = 0; r < REPS + 1; r++) {
    const created = [];
    const start = process.hrtime.bigint();
    for (let i = 0; i < SENDS; i++) {
      request.SourceId = source(next++);
      created.push(sim.send(request).contactId);
    }
    if (r > 0) createTimes.push(Number(process.hrtime.bigint() - start) / SENDS); // the first warms up
    for (const id of created) sim.endChat(id, 'agent');
  }
  createTimes.sort((a, b) => a - b);
  record(`simulator.create.${label}`, 'wasm', createTimes[Math.floor(createTimes.length / 2)], 'event');

  if (label === '1k') {
    // The floors of Simulator.send: the same request in, an outcome of the same shape out, for
    // the reuse path and for the create path (new customers, whose chats are then ended).
    const floorOf = (id, sources, outcomes) => {
      floor.load(outcomes);
      const objects = sources.map((s) => ({ ...request, SourceId: s }));
      record(id, 'wasm-floor', timePasses(objects, (x, i) => floor.objectToValue(x, i)), 'event');
    };
    floorOf(reuseId, reuseInputs, reuseInputs.map((s) => JSON.stringify(send(s))));
    const newSources = Array.from({ length: SENDS }, () => source(next++));
    const created = newSources.map((s) => send(s));
    for (const outcome of created) sim.endChat(outcome.contactId, 'agent');
    floorOf(`simulator.create.${label}`, newSources, created.map((o) => JSON.stringify(o)));
  }
  sim.free();
}

writeFileSync(
  outPath,
  JSON.stringify({ runner: 'wasm', versions: { Node: process.version, 'chat-event-lab (npm)': packageVersion }, results }, null, 1) + '\n',
);
console.error(`wrote ${outPath}`);
