// Entry for browsers, bundlers (Vite, webpack, Rollup, esbuild) and any other ESM runtime with fetch.
//
// The wasm is built with wasm-bindgen's `web` target: plain ES modules that locate the .wasm with
// `new URL('chat_event_lab_bg.wasm', import.meta.url)`, a pattern browsers resolve as is and that
// bundlers recognise and copy as an asset, so no bundler plugin is needed (the `bundler` target
// would need one, and Node's --experimental-wasm-modules). Top-level await instantiates it here,
// once, so every export is ready to call as soon as `import` resolves.
import init from './chat_event_lab.js';

await init();

export * from './api.js';
