// The size rows of `cargo xtask bench`: the npm package's wasm, and what the playground's page
// loads (index.html and every file it names), raw, gzip -9 and brotli -q 11, each with its guard
// (www/size-guards.json).
//
// usage: node crates/bench/sizes.mjs PACKAGE_DIR DIST_DIR OUT_JSON
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [packageDir, distDir, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node sizes.mjs PACKAGE_DIR DIST_DIR OUT_JSON');
  process.exit(2);
}

function measure(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = readFileSync(file);
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
    total.brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
  }
  return total;
}

/**
 * index.html and the files of dist it names (Trunk's minified HTML leaves attributes unquoted, and
 * its loader names the JS and the wasm inside a script), and the JS snippets of dist/snippets that
 * wasm-bindgen's JS imports.
 */
function pageFiles() {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = new Set([join(distDir, 'index.html')]);
  for (const [name] of html.matchAll(/[\w./-]+\.(?:css|js|wasm)\b/g)) {
    if (name.startsWith('//')) continue;
    const file = join(distDir, name.replace(/^\.?\//, ''));
    if (existsSync(file)) files.add(file);
  }
  if (![...files].some((f) => f.endsWith('.wasm'))) throw new Error(`${distDir}/index.html names no .wasm file`);
  const snippets = join(distDir, 'snippets');
  if (existsSync(snippets)) {
    for (const name of readdirSync(snippets, { recursive: true })) {
      if (String(name).endsWith('.js')) files.add(join(snippets, String(name)));
    }
  }
  return [...files];
}

const rows = [];
const guards = JSON.parse(readFileSync(new URL('../../www/size-guards.json', import.meta.url), 'utf8'));
const add = (id, sizes, note) => {
  for (const impl of ['raw', 'gzip', 'brotli', 'guard']) {
    rows.push({ id, impl, value: sizes[impl], unit: 'bytes', per: 'build', reps: 1, ...(note ? { note } : {}) });
  }
};
add('size.npm-wasm', { ...measure([join(packageDir, 'chat_event_lab_bg.wasm')]), guard: guards.npmWasmGzip });
const files = pageFiles();
const kinds = {};
for (const f of files) kinds[f.slice(f.lastIndexOf('.'))] = (kinds[f.slice(f.lastIndexOf('.'))] ?? 0) + 1;
const listed = Object.entries(kinds).map(([ext, n]) => `${n} ${ext}`).join(', ');
add('size.playground', { ...measure(files), guard: guards.playgroundGzip }, `index.html, the files it names and the snippets they import (${listed}), each compressed alone and summed`);
writeFileSync(outPath, JSON.stringify({ runner: 'sizes', versions: {}, results: rows }, null, 1) + '\n');
for (const r of rows) console.error(`${r.id} ${r.impl}: ${r.value.toLocaleString('en-US')} B`);
