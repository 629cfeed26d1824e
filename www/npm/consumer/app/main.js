// A tiny app as a Vite user writes it: a bare import, no plugin, no init call.
import { ChatEventError, Simulator, parseJson, renderCommand, toJson, validateJson } from 'chat-event-lab';

const input = document.getElementById('input');
const out = document.getElementById('out');

function show() {
  try {
    const request = parseJson(input.value);
    const sim = new Simulator();
    const outcome = sim.send(request);
    sim.free();
    out.textContent = JSON.stringify({
      json: toJson(request),
      diagnostics: validateJson(input.value),
      command: renderCommand(request, { shell: 'cmd' }).text,
      simulated: outcome.what,
    });
  } catch (error) {
    if (!(error instanceof ChatEventError)) throw error;
    out.textContent = JSON.stringify({ error: { kind: error.kind, message: error.message, line: error.line } });
  }
}

input.addEventListener('input', show);
show();
