// Nothing wasm-specific: the package's `new URL('….wasm', import.meta.url)` is enough for Vite to
// emit the wasm as an asset. `base: './'` lets the build be served from any directory.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true },
});
