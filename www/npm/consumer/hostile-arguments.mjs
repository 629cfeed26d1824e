// Every export and method of the package, called with every odd JS value in place of each of its
// arguments in turn. Shared by the Node test (test/arguments.test.mjs) and the browser test
// (e2e/browser.spec.js), so that both runtimes get exactly the same table.
//
// What must hold: each call returns, or throws a ChatEventError, never a TypeError from the glue
// or a trap; a value of the wrong type for a string or object parameter throws kind
// `invalid-argument` naming that parameter; an exception thrown by the caller's own Proxy may pass
// through unchanged. Afterwards the module still works.

/** The caller's own exception, thrown by the Proxy below: allowed to pass through. */
export class CallersOwn extends Error {}

/** The odd values, made fresh for each run (one of them is 10 MB). */
export function oddValues() {
  const trap = () => { throw new CallersOwn('a trap of the caller'); };
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  let deep = 'x';
  for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
  return [
    ['undefined', undefined],
    ['null', null],
    ['0', 0],
    ['-0', -0],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['a bigint', 12n],
    ['a symbol', Symbol('odd')],
    ['true', true],
    ['an empty array', []],
    ['an array of a string', ['Type=MESSAGE']],
    ['a function', () => 'text'],
    ['a null-prototype object', Object.create(null)],
    ['a Date', new Date(0)],
    ['a Map', new Map([['a', 'b']])],
    ['a Proxy', new Proxy({}, {})],
    ['a Proxy whose traps throw', new Proxy({}, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap })],
    ['a cyclic object', cyclic],
    ['an object nested 10,000 deep', deep],
    ['a lone surrogate', 'Type=MESSAGE,Content=\ud800'],
    ['10 MB of text', 'x'.repeat(10 << 20)],
  ];
}

const SMS = {
  SourceId: '+15551234567',
  DestinationId: 'arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-1',
  Subtype: 'connect:sms',
  Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'Hi' },
};

/**
 * Each export or method: a name, its parameters (name and what it takes: `string`,
 * `optional-string`, `object`, or `any` for a parameter whose own reader decides, such as an enum
 * or a JSON value) and a call taking the arguments.
 */
export function table(lab) {
  const sim = new lab.Simulator();
  const contactId = sim.send(SMS).contactId;
  const diagnostic = lab.validateJson('{')[0];
  const staticsAndFunctions = [
    ['validate', [['request', 'any']], [SMS], (a) => lab.validate(...a)],
    ['validateJson', [['text', 'string']], [JSON.stringify(SMS)], (a) => lab.validateJson(...a)],
    ['parseJson', [['text', 'string']], [JSON.stringify(SMS)], (a) => lab.parseJson(...a)],
    ['toJson', [['request', 'any']], [SMS], (a) => lab.toJson(...a)],
    ['fieldHelp', [['path', 'string']], ['Event.Type'], (a) => lab.fieldHelp(...a)],
    ['fields', [], [], () => lab.fields()],
    ['parseYaml', [['text', 'string']], ['SourceId: x'], (a) => lab.parseYaml(...a)],
    ['toYaml', [['request', 'any']], [SMS], (a) => lab.toYaml(...a)],
    ['validateYaml', [['text', 'string']], ['SourceId: x'], (a) => lab.validateYaml(...a)],
    ['formatDiagnostic', [['diagnostic', 'any'], ['source', 'optional-string']], [diagnostic, 'a.json'], (a) => lab.formatDiagnostic(...a)],
    ['parseShorthand', [['text', 'string']], ['Type=MESSAGE'], (a) => lab.parseShorthand(...a)],
    ['toShorthand', [['value', 'any']], [{ Type: 'MESSAGE' }], (a) => lab.toShorthand(...a)],
    ['parseParameter', [['parameter', 'any'], ['text', 'string']], ['event', 'Type=MESSAGE'], (a) => lab.parseParameter(...a)],
    ['toParameterShorthand', [['parameter', 'any'], ['value', 'any']], ['event', { Type: 'MESSAGE' }], (a) => lab.toParameterShorthand(...a)],
    ['renderCommand', [['request', 'any'], ['options', 'any']], [SMS, { shell: 'bash' }], (a) => lab.renderCommand(...a)],
    ['parseCommand', [['text', 'string']], ['aws connect send-chat-integration-event --source-id x'], (a) => lab.parseCommand(...a)],
    ['skeleton', [['kind', 'any']], ['input'], (a) => lab.skeleton(...a)],
    ['renderSnippet', [['request', 'any'], ['language', 'any'], ['options', 'any']], [SMS, 'python', { region: 'us-east-1' }], (a) => lab.renderSnippet(...a)],
    ['parseScenario', [['text', 'string'], ['format', 'any']], ['{"title": "t", "steps": []}', 'json'], (a) => lab.parseScenario(...a)],
    ['runScenario', [['scenario', 'object']], [{ title: 't', steps: [] }], (a) => lab.runScenario(...a)],
    ['scenarioExamples', [], [], () => lab.scenarioExamples()],
    ['new Simulator', [['settings', 'any']], [{ seed: 1 }], (a) => new lab.Simulator(...a).free()],
    ['Simulator.restore', [['snapshot', 'string']], [sim.snapshot()], (a) => lab.Simulator.restore(...a).free()],
  ];
  const methods = [
    ['send', [['request', 'any']], [SMS], (a) => sim.send(...a)],
    ['advance', [['by', 'any']], ['1m'], (a) => sim.advance(...a)],
    ['endChat', [['contactId', 'string'], ['by', 'any']], [contactId, 'agent'], (a) => sim.endChat(...a)],
    ['contact', [['contactId', 'string']], [contactId], (a) => sim.contact(...a)],
    ['activeContactFor', [['sourceId', 'string'], ['destinationId', 'string'], ['subtype', 'optional-string']],
      [SMS.SourceId, SMS.DestinationId, SMS.Subtype], (a) => sim.activeContactFor(...a)],
    ['transcript', [['contactId', 'string']], [contactId], (a) => sim.transcript(...a)],
    ['runScenario (method)', [['scenario', 'object']], [{ title: 't', steps: [] }], (a) => sim.runScenario(...a)],
    ['snapshot', [], [], () => sim.snapshot()],
    ['reset', [], [], () => sim.reset()],
    ['settings', [], [], () => sim.settings()],
    ['now', [], [], () => sim.now()],
    ['activeChatCount', [], [], () => sim.activeChatCount()],
    ['activeChats', [], [], () => sim.activeChats()],
    ['contacts', [], [], () => sim.contacts()],
    ['contactCount', [], [], () => sim.contactCount()],
    ['log', [], [], () => sim.log()],
    ['requestCount', [], [], () => sim.requestCount()],
  ];
  return { calls: [...staticsAndFunctions, ...methods], sim };
}

function isGoodText(value) {
  return typeof value === 'string' && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

/** Whether `value` is a wrong type for a parameter that takes `takes`. */
function wrongType(takes, value) {
  switch (takes) {
    case 'string': return !isGoodText(value);
    case 'optional-string': return value !== undefined && value !== null && !isGoodText(value);
    case 'object': return typeof value !== 'object' || value === null || Array.isArray(value);
    default: return false;
  }
}

/**
 * Runs the whole table; returns the problems found (empty when every call behaved) and how many
 * calls were made. The valid call of each entry is made first, so that a broken table shows.
 */
export function run(lab) {
  const problems = [];
  let calls = 0;
  const { calls: entries, sim } = table(lab);
  const odd = oddValues();
  for (const [name, params, valid, call] of entries) {
    try {
      call(valid);
    } catch (error) {
      problems.push(`${name}: the valid call threw ${error}`);
    }
    params.forEach(([param, takes], index) => {
      for (const [label, value] of odd) {
        const args = [...valid];
        args[index] = value;
        calls += 1;
        let thrown = null;
        try {
          call(args);
        } catch (error) {
          thrown = error;
        }
        const where = `${name}(${param} = ${label})`;
        if (thrown === null) {
          if (wrongType(takes, value)) problems.push(`${where}: returned, where a wrong type must throw invalid-argument`);
          continue;
        }
        if (thrown instanceof CallersOwn) continue;
        if (!(thrown instanceof lab.ChatEventError)) {
          problems.push(`${where}: threw ${thrown && thrown.name}: ${String(thrown && thrown.message).slice(0, 200)}`);
        } else if (wrongType(takes, value) && (thrown.kind !== 'invalid-argument' || !thrown.message.startsWith(`${param}: `))) {
          problems.push(`${where}: threw kind ${thrown.kind}, "${thrown.message.slice(0, 200)}", not invalid-argument naming ${param}`);
        }
      }
    });
  }
  // The module still works, and so does the simulator that took every odd value.
  try {
    if (lab.parseJson(JSON.stringify(SMS)).SourceId !== SMS.SourceId) problems.push('parseJson no longer reads a request');
    if (lab.validate(SMS).some((d) => d.severity === 'error')) problems.push('validate finds errors in a valid request');
    if (new lab.Simulator().send(SMS).what !== 'created') problems.push('a new Simulator no longer creates a chat');
    if (!['created', 'reused'].includes(sim.send(SMS).what)) problems.push('the tortured Simulator no longer answers');
  } catch (error) {
    problems.push(`the module no longer works: ${error}`);
  }
  sim.free();
  return { problems, calls };
}
