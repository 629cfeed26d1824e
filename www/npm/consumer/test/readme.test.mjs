// (f) The README's examples, as installed with the package, extracted and run: every ```js block
// is written to a module in this project (so `import 'chat-event-lab'` resolves as for a user) and
// run with node; each `// → VALUE` comment in it is an output line the block must print, in order.
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

test('the README has examples', () => {
  assert.ok(blocks.length >= 3, `found ${blocks.length} js blocks`);
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
