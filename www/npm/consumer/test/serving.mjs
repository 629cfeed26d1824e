// Starting `chat-event-lab serve` for the endpoint's tests (serve.test.mjs, serve-load.test.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const project = fileURLToPath(new URL('..', import.meta.url));
/** The bin npm linked, as `npx chat-event-lab` runs it. */
export const BIN = `${project}node_modules/.bin/chat-event-lab`;

/**
 * Starts `chat-event-lab serve --port 0 …` in `cwd`; resolves once it listens with
 * `{ url, port, child, lines, errors, stop }`: its stdout lines so far (and to come), its stderr
 * chunks, and `stop(signal)`, which resolves with `{ code, stderr }` once it has exited.
 */
export function start(args = [], { cwd = project } = {}) {
  const child = spawn(BIN, ['serve', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const errors = [];
  let buffered = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => errors.push(String(d)));
    child.stdout.on('data', (data) => {
      buffered += data;
      const parts = buffered.split('\n');
      buffered = parts.pop();
      for (const line of parts) {
        lines.push(line);
        const listening = /SendChatIntegrationEvent on (http:\/\/\S+)/.exec(line);
        if (listening) {
          const stop = (signal = 'SIGTERM') => new Promise((done) => {
            child.once('exit', (code) => done({ code, stderr: errors.join('') }));
            child.kill(signal);
          });
          resolve({ url: listening[1], port: Number(new URL(listening[1]).port), child, lines, errors, stop });
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${errors.join('')}${lines.join('\n')}`)));
  });
}
