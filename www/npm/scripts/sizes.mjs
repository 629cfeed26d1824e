// Measures the packaged wasm and JS glue (raw, gzip -9, brotli -q 11), writes the figures into
// the package README's size table (between the `sizes` markers) and to a JSON file, and fails when
// the wasm is over the budget.
//
// usage: node sizes.mjs PACKAGE_DIR OUT_JSON [--readme OTHER_README]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** The guard on the packaged wasm's gzip size, written once in www/size-guards.json. */
const WASM_GZIP_BUDGET = JSON.parse(readFileSync(new URL('../../size-guards.json', import.meta.url), 'utf8')).npmWasmGzip;

const [packageDir, outJson, ...rest] = process.argv.slice(2);
if (!packageDir || !outJson) {
  console.error('usage: node sizes.mjs PACKAGE_DIR OUT_JSON [--readme OTHER_README]');
  process.exit(2);
}
const readmes = [join(packageDir, 'README.md')];
if (rest[0] === '--readme' && rest[1]) readmes.push(rest[1]);

const measure = (file) => {
  const bytes = readFileSync(join(packageDir, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
};

const sizes = [measure('chat_event_lab_bg.wasm'), measure('chat_event_lab.js')];
const n = (bytes) => bytes.toLocaleString('en-US');
const table = [
  '| file | raw | gzip -9 | brotli -q 11 |',
  '|---|---:|---:|---:|',
  ...sizes.map((s) => `| \`${s.file}\` | ${n(s.raw)} B | ${n(s.gzip)} B | ${n(s.brotli)} B |`),
].join('\n');

for (const readme of readmes) {
  const text = readFileSync(readme, 'utf8');
  const updated = text.replace(
    /(<!-- sizes:start -->)[\s\S]*?(<!-- sizes:end -->)/,
    (_, start, end) => `${start}\n${table}\n${end}`,
  );
  if (!/<!-- sizes:start -->[\s\S]*?<!-- sizes:end -->/.test(text)) {
    console.error(`${readme}: no <!-- sizes:start --> … <!-- sizes:end --> section to fill`);
    process.exit(1);
  }
  writeFileSync(readme, updated);
}
writeFileSync(outJson, JSON.stringify({ budget: { wasmGzip: WASM_GZIP_BUDGET }, sizes }, null, 2) + '\n');
console.log(table);

const wasm = sizes[0];
if (wasm.gzip > WASM_GZIP_BUDGET) {
  // The build fails: the guard is part of the package's contract, and a change that
  // breaks it must make room first (the package README says where the bytes are).
  console.error(`OVER BUDGET: the wasm is ${n(wasm.gzip)} B gzip, ${n(wasm.gzip - WASM_GZIP_BUDGET)} B over the budget of ${n(WASM_GZIP_BUDGET)} B`);
  process.exit(1);
}
console.log(`within budget: the wasm is ${n(wasm.gzip)} B gzip, ${n(WASM_GZIP_BUDGET - wasm.gzip)} B under ${n(WASM_GZIP_BUDGET)} B`);
