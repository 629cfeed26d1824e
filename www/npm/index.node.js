// Entry for Node (the "node" export condition). Same wasm-bindgen `web` build as index.js, but
// instantiated synchronously from the file beside this one: Node's fetch cannot read file: URLs,
// and reading the bytes needs no top-level await, so `import` and `require(esm)` both work.
import { readFileSync } from 'node:fs';
import { initSync } from './chat_event_lab.js';

initSync({ module: readFileSync(new URL('./chat_event_lab_bg.wasm', import.meta.url)) });

export * from './api.js';
