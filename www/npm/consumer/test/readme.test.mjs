// (f) The README's examples, as installed with the package, extracted and run:
// - every ```js block is written to a module in this project (so `import 'chat-event-lab'`
//   resolves as for a user) and run with node; each `// → VALUE` comment in it is an output line
//   the block must print, in order;
// - every ```console block is a terminal session: each `$ COMMAND` runs in sh (in one scratch
//   directory per block, so `npx chat-event-lab` finds this project's install) and must print the
//   lines that follow it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const project = fileURLToPath(new URL('..', import.meta.url));
const readmePath = createRequire(import.meta.url).resolve('chat-event-lab/package.json').replace(/package\.json$/, 'README.md');
const readme = readFileSync(readmePath, 'utf8');

/** The ```js blocks, with the line each starts at (for the test names). */
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => ({
  code: m[1],
  line: readme.slice(0, m.index).split('\n').length,
}));

/** The ```console blocks, each a list of { command, output }. */
const sessions = [...readme.matchAll(/^```console\n([\s\S]*?)^```$/gm)].map((m) => {
  const steps = [];
  for (const line of m[1].split('\n').filter((l) => l !== '')) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), output: [] });
    else steps.at(-1)?.output.push(line);
  }
  return { steps, line: readme.slice(0, m.index).split('\n').length };
});

test('the README has examples', () => {
  assert.ok(blocks.length >= 3, `found ${blocks.length} js blocks`);
  assert.ok(sessions.length >= 1, `found ${sessions.length} console blocks`);
});

const dir = `${project}readme-examples/`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);

for (const { code, line } of blocks) {
  test(`README example at line ${line}`, () => {
    const file = `${dir}example-${line}.mjs`;
    writeFileSync(file, code);
    const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]);
    const run = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, `example failed:\n${run.stderr}`);
    assert.deepEqual(run.stdout.split('\n').filter((l) => l !== ''), expected);
  });
}

for (const { steps, line } of sessions) {
  test(`README terminal session at line ${line}`, () => {
    const cwd = `${dir}session-${line}/`;
    mkdirSync(cwd);
    for (const { command, output } of steps) {
      const run = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' });
      assert.equal(run.error, undefined);
      assert.deepEqual(run.stdout.split('\n').filter((l) => l !== ''), output, `$ ${command}\n${run.stderr}`);
    }
  });
}
