// The same tiny app as app/ (Vite), built by webpack 5 with no loader or plugin: webpack resolves
// the package's "default" condition, turns `new URL('….wasm', import.meta.url)` into an emitted
// asset, and supports the entry's top-level await (on by default since webpack 5.83).
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: fileURLToPath(new URL('../app/main.js', import.meta.url)),
  output: { path: fileURLToPath(new URL('./dist', import.meta.url)), publicPath: 'auto', clean: true },
  performance: { hints: false },
};
