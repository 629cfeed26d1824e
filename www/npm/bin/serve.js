// `chat-event-lab serve`: the simulator behind HTTP, answering SendChatIntegrationEvent as Amazon
// Connect does, so that the AWS CLI, boto3 and the JavaScript SDK can be pointed at it
// (`--endpoint-url`). Node's own `http`; every answer of the service route is the core's
// (`Endpoint.handle`): this file reads requests, writes answers, saves the state and logs. The
// control routes under /_lab/ call the simulator's own methods, as the other commands do.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join } from 'node:path';
import * as lab from '../index.node.js';

/** A problem with what `serve` was given: printed with the usage, exit 2. */
export class ServeError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** How long a request may take to arrive, headers and body: a client that stops sending is cut off. */
const REQUEST_TIMEOUT_MS = 10_000;

/** node:crypto, for the signature checks in the core. */
const crypto = {
  sha256: (data) => createHash('sha256').update(data).digest(),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
};

function read(file, what) {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ServeError(`cannot read ${what} ${file}: ${error.code ?? error.message}`);
  }
}

/** Writes the state atomically: a temporary file, flushed, then renamed over the old one. */
function save(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/**
 * Removes the temporaries that a server killed in the middle of a save left beside `file`
 * (`save` names each by its process). Its state is in `file` itself, renamed over whole, so a
 * temporary holds nothing to keep; one of a process still running is its save in progress, and
 * stays.
 */
function removeStaleTemporaries(file) {
  const prefix = `${basename(file)}.`;
  for (const name of readdirSync(dirname(file))) {
    const pid = name.startsWith(prefix) && /^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (!pid || isRunning(Number(pid))) continue;
    try {
      unlinkSync(join(dirname(file), name));
    } catch {
      // Gone already, or not ours to remove: either way, nothing of the state is lost.
    }
  }
}

/** Whether a process of this id is running (EPERM: it is, as another user's). */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The simulator to start from, and what to tell the user about it. */
function startingSimulator(options, notes) {
  if (options.state && existsSync(options.state)) {
    const saved = read(options.state, '--state');
    let simulator;
    try {
      simulator = lab.Simulator.restore(saved);
    } catch (error) {
      if (!(error instanceof lab.ChatEventError)) throw error;
      throw new ServeError(`--state ${options.state} cannot be restored, and is left as it is: ${error.message}`);
    }
    notes.push(`restored ${options.state}: ${simulator.contactCount()} contacts, ${simulator.requestCount()} requests, the clock at ${simulator.now()}`);
    if (options.settings) notes.push('--settings not applied: the saved state keeps the settings it was saved with');
    if (options.scenario) notes.push('--scenario not run: the saved state already holds what it set up');
    return { simulator, fresh: false };
  }
  let settings;
  if (options.settings) {
    const text = read(options.settings, '--settings');
    try {
      settings = JSON.parse(text);
    } catch (error) {
      throw new ServeError(`--settings ${options.settings} is not JSON: ${error.message}`);
    }
  }
  try {
    return { simulator: new lab.Simulator(settings), fresh: true };
  } catch (error) {
    if (!(error instanceof lab.ChatEventError)) throw error;
    throw new ServeError(`--settings ${options.settings}: ${error.message}`);
  }
}

/** A JSON answer. */
function json(status, value, extraHeaders = {}) {
  return { status, headers: { 'Content-Type': 'application/json', ...extraHeaders }, body: JSON.stringify(value, null, 2) };
}

/** An error answer of a control route, shaped as the service's own. */
function labError(status, code, message, extraHeaders = {}) {
  return json(status, { Message: message }, { 'x-amzn-ErrorType': code, ...extraHeaders });
}

/** The control routes: method, route, what it does. The README's table is this one. */
export const CONTROL_ROUTES = [
  ['GET', '', 'this list'],
  ['GET', 'state', 'the virtual clock, the request count and every contact'],
  ['GET', 'log', 'the newest requests, each with its outcome'],
  ['GET', 'transcript/{contactId}', "a contact's messages and events"],
  ['POST', 'advance', 'move the virtual clock: {"by": "25h"} (or milliseconds); chats may expire'],
  ['POST', 'end-chat', 'end an active chat as an agent or a flow: {"contactId": "…", "by": "agent"}, or {"sourceId", "destinationId", "subtype", "by"}'],
  ['POST', 'scenario', "run a scenario's steps (JSON or YAML) on the simulator as it stands; answers the report"],
  ['POST', 'reset', 'no chats, the clock at its start, the settings kept'],
  ['GET', 'snapshot', 'the whole state as JSON'],
  ['PUT', 'snapshot', "replace the state with a snapshot's JSON"],
];

function routeOf(path) {
  const route = path.slice(lab.Endpoint.controlPrefix().length);
  // A contact id is ASCII: taken as it came (a malformed escape is the id's problem, said by the core).
  return route.startsWith('transcript/') ? ['transcript/{contactId}', route.slice('transcript/'.length)] : [route, undefined];
}

/** A control request the route cannot take: answered 400 with its message. */
class BadControlRequest extends Error {}

/** Answers a control route on `live.simulator` (which `PUT /_lab/snapshot` replaces): `{answer, changed, summary}`. */
function control(live, method, path, body) {
  const [route, contactId] = routeOf(path);
  const methods = CONTROL_ROUTES.filter(([, r]) => r === route).map(([m]) => m);
  if (methods.length === 0) {
    return { answer: labError(404, 'UnknownOperationException', `No control route ${path}. GET ${lab.Endpoint.controlPrefix()} lists them.`), summary: 'unknown control route' };
  }
  if (!methods.includes(method)) {
    return { answer: labError(405, 'MethodNotAllowedException', `${path} takes ${methods.join(', ')}, not ${method}.`, { Allow: methods.join(', ') }), summary: 'wrong method' };
  }
  const text = () => {
    if (body === undefined) throw new BadControlRequest(`the body is longer than ${lab.Endpoint.maxBodyBytes()} bytes`);
    return body.toString('utf8');
  };
  const object = () => {
    try {
      return JSON.parse(text());
    } catch (error) {
      if (error instanceof SyntaxError) throw new BadControlRequest(`the body is not JSON: ${error.message}`);
      throw error;
    }
  };
  const sim = live.simulator;
  try {
    switch (`${method} ${route}`) {
      case 'GET ':
        return { answer: json(200, CONTROL_ROUTES.map(([m, r, what]) => ({ method: m, path: `${lab.Endpoint.controlPrefix()}${r}`, what }))), summary: 'the control routes' };
      case 'GET state':
        return { answer: json(200, { now: sim.now(), requestCount: sim.requestCount(), activeChatCount: sim.activeChatCount(), contacts: sim.contacts() }), summary: 'the state' };
      case 'GET log':
        return { answer: json(200, sim.log()), summary: 'the log' };
      case 'GET transcript/{contactId}': {
        const transcript = sim.transcript(contactId);
        if (transcript === undefined) return { answer: labError(404, 'ResourceNotFoundException', `no contact ${contactId} in this simulator`), summary: 'no such contact' };
        return { answer: json(200, transcript), summary: `the transcript of ${contactId}` };
      }
      case 'POST advance': {
        const { by, ...rest } = object();
        if (Object.keys(rest).length > 0 || by === undefined) throw new BadControlRequest('expected {"by": "25h"} or {"by": milliseconds}');
        const report = sim.advance(by);
        return { answer: json(200, report), changed: true, summary: `the clock moved to ${report.to}; ${report.expired.length} chats expired` };
      }
      case 'POST end-chat': {
        const { contactId: id, sourceId, destinationId, subtype, by } = object();
        let target = id;
        if (target === undefined) {
          const active = sim.activeContactFor(sourceId ?? '', destinationId ?? '', subtype);
          if (!active) return { answer: labError(404, 'ResourceNotFoundException', `no active chat for ${sourceId} → ${destinationId} (${subtype ?? 'no Subtype'})`), summary: 'no active chat' };
          target = active.contactId;
        }
        const contact = sim.contact(target);
        if (!contact) return { answer: labError(404, 'ResourceNotFoundException', `no contact ${target} in this simulator`), summary: 'no such contact' };
        if (contact.status !== 'active') return { answer: labError(409, 'ConflictException', `contact ${target} is not active: it is ${contact.status}`), summary: 'not active' };
        const ended = sim.endChat(target, by);
        return { answer: json(200, ended), changed: true, summary: `the ${by} ended chat ${ended.contactId}` };
      }
      case 'POST scenario': {
        const { table, ...report } = sim.runScenario(lab.parseScenario(text()));
        return { answer: json(200, { ...report, table }), changed: true, summary: `ran scenario ${JSON.stringify(report.title)}: ${report.passed ? 'passed' : 'failed'}` };
      }
      case 'POST reset':
        sim.reset();
        return { answer: json(200, {}), changed: true, summary: 'reset' };
      case 'GET snapshot':
        return { answer: { status: 200, headers: { 'Content-Type': 'application/json' }, body: sim.snapshot() }, summary: 'the snapshot' };
      case 'PUT snapshot': {
        const restored = lab.Simulator.restore(text());
        live.simulator.free();
        live.simulator = restored;
        return { answer: json(200, {}), changed: true, summary: 'restored a snapshot' };
      }
      default:
        throw new Error(`no handler for ${method} ${route}`);
    }
  } catch (error) {
    // The core's reason (a duration that does not read, a malformed id or scenario), or ours.
    if (!(error instanceof lab.ChatEventError || error instanceof BadControlRequest)) throw error;
    return { answer: labError(400, 'InvalidLabRequestException', error.message), summary: error.message };
  }
}

/**
 * Starts the endpoint. Resolves once it listens, with `{ url, server, stop }`; `stop()` closes it
 * and saves the state. Throws a `ServeError` for a problem with the options.
 */
export async function serve(options, out = (line) => console.log(line), err = (line) => console.error(line)) {
  const notes = [];
  let endpoint;
  try {
    endpoint = new lab.Endpoint(options.credentials ?? [], crypto);
  } catch (error) {
    if (!(error instanceof lab.ChatEventError)) throw error;
    throw new ServeError(`--${error.message}`);
  }
  const state = startingSimulator(options, notes);
  if (options.state) removeStaleTemporaries(options.state);
  // The simulator in service; a restored snapshot takes its place.
  const live = { simulator: state.simulator };
  const persist = () => {
    if (options.state) save(options.state, live.simulator.snapshot());
  };
  if (state.fresh && options.scenario) {
    let scenario;
    try {
      scenario = lab.parseScenario(read(options.scenario, '--scenario'));
    } catch (error) {
      if (!(error instanceof lab.ChatEventError)) throw error;
      throw new ServeError(`--scenario ${options.scenario}: ${error.message}`);
    }
    const report = live.simulator.runScenario(scenario);
    const steps = report.steps.length;
    notes.push(`ran --scenario ${JSON.stringify(report.title)}: ${steps} step${steps === 1 ? '' : 's'}, ${report.passed ? 'every expectation held' : `${report.failedSteps} failed`}`);
  }
  notes.push(endpoint.verifies ? `signatures verified for ${options.credentials.length} access ${options.credentials.length === 1 ? 'key' : 'keys'}` : 'signatures: any access key is accepted (give --credentials to verify them)');
  // A fresh state is written at once, so that a later start finds what this one began with.
  persist();

  const logLine = (exchange) => out(options.log === 'json' ? JSON.stringify(exchange.record) : exchange.line);
  const controlLine = (status, method, path, summary) =>
    out(options.log === 'json'
      ? JSON.stringify({ at: new Date().toISOString(), method, path, status, explanation: summary })
      : `${new Date().toISOString()} ${status} ${method} ${path}: ${summary}`);

  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: REQUEST_TIMEOUT_MS / 2, connectionsCheckingInterval: 1_000 });
  const max = lab.Endpoint.maxBodyBytes();
  server.on('request', (req, res) => {
    const chunks = [];
    let length = 0;
    let tooLong = false;
    const answer = (body) => {
      const path = req.url.split('?')[0];
      let reply;
      if (path.startsWith(lab.Endpoint.controlPrefix())) {
        const done = control(live, req.method, path, body);
        if (done.changed) persist();
        controlLine(done.answer.status, req.method, path, done.summary);
        reply = done.answer;
      } else {
        const exchange = endpoint.handle(live.simulator, req.method, req.url, req.rawHeaders, body, randomUUID(), Date.now());
        // Saved before the answer leaves: every request a client saw answered is in the saved state.
        if (exchange.changed) persist();
        logLine(exchange);
        reply = exchange.response;
      }
      if (tooLong) res.setHeader('Connection', 'close');
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    };
    req.on('data', (chunk) => {
      if (tooLong) return;
      length += chunk.length;
      if (length > max) {
        // Answered at once, without reading the rest; the connection closes after the answer.
        tooLong = true;
        chunks.length = 0;
        try {
          answer(undefined);
        } catch (error) {
          fail(res, error);
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLong) return;
      try {
        answer(Buffer.concat(chunks, length));
      } catch (error) {
        fail(res, error);
      }
    });
    req.on('error', () => res.destroy());
  });
  // A bug, not the request's fault: answered as the service's internal error, the server goes on.
  const fail = (res, error) => {
    err(`chat-event-lab: internal error: ${error.stack ?? error}`);
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'InternalServiceException' });
      res.end(JSON.stringify({ Message: 'The local endpoint failed; see its log.' }));
    }
  };
  server.on('clientError', (error, socket) => {
    if (socket.writable && !socket.writableEnded) {
      const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${JSON.stringify({ Message: `not an HTTP request this endpoint can read: ${error.code ?? error.message}` })}`);
    } else {
      socket.destroy();
    }
  });

  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4566;
  await new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new ServeError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`)));
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  for (const note of notes) out(`chat-event-lab: ${note}`);
  if (!LOOPBACK.has(host)) err(`chat-event-lab: warning: listening on ${host}: anyone who can reach this address can drive the simulator`);
  out(`chat-event-lab: SendChatIntegrationEvent on ${url} (aws connect send-chat-integration-event --endpoint-url ${url} …); control routes under ${url}${lab.Endpoint.controlPrefix()}`);

  let stopped;
  const stop = () => {
    stopped ??= new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(() => {
      persist();
      live.simulator.free();
    });
    return stopped;
  };
  return { url, server, stop };
}
