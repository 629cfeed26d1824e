// Nothing panics across the boundary: every text-taking export, fed mutations of valid inputs
// (seeded, so a failure replays), either returns or throws a ChatEventError, never a wasm trap
// (RuntimeError) or another error. After all of them, the module still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lab from 'chat-event-lab';

const SMS = {
  SourceId: '+15551234567',
  DestinationId: 'arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-1',
  Subtype: 'connect:sms',
  Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'Hi, "there" \\ 😀' },
  NewSessionDetails: { SupportedMessagingContentTypes: ['text/plain'], Attributes: { 'customer-id': '42' } },
};
const sim = new lab.Simulator();
const SEEDS = {
  validateJson: JSON.stringify(SMS),
  parseJson: JSON.stringify(SMS),
  parseYaml: lab.toYaml(SMS),
  validateYaml: lab.toYaml(SMS),
  parseShorthand: 'Type=MESSAGE,Content="Hi, there",Tags=[a,b],M={k=v}',
  parseParameter: 'SupportedMessagingContentTypes=[text/plain,text/markdown],Attributes={a=b}',
  parseCommand: lab.renderCommand(SMS, { multiline: true }).text,
  parseScenario: lab.scenarioExamples()[0].text,
  restore: sim.snapshot(),
  advance: '1h30m',
  fieldHelp: 'NewSessionDetails.Attributes.customer-id',
};
const CALLS = {
  validateJson: (t) => lab.validateJson(t),
  parseJson: (t) => lab.parseJson(t),
  parseYaml: (t) => lab.parseYaml(t),
  validateYaml: (t) => lab.validateYaml(t),
  parseShorthand: (t) => lab.parseShorthand(t),
  parseParameter: (t) => lab.parseParameter('new-session-details', t),
  parseCommand: (t) => lab.parseCommand(t),
  parseScenario: (t) => lab.parseScenario(t),
  restore: (t) => lab.Simulator.restore(t).free(),
  advance: (t) => sim.advance(t),
  fieldHelp: (t) => lab.fieldHelp(t),
};

/** xorshift32: small, seeded, enough to pick mutations. */
function random(seed) {
  let x = seed >>> 0 || 1;
  return (n) => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x % n; };
}
const PIECES = ['"', "'", '\\', '{', '}', '[', ']', ',', '=', ':', '\n', ' ', '#', '$', '`', '&', '😀', '\u0000', '-', '--', '\r', '\t', 'é'];

function mutate(text, next) {
  const chars = [...text];
  for (let k = 1 + next(4); k > 0; k--) {
    const i = next(chars.length + 1);
    switch (next(3)) {
      case 0: chars.splice(i, 1); break;
      case 1: chars.splice(i, 0, PIECES[next(PIECES.length)]); break;
      default: chars.splice(i, next(8)); break;
    }
  }
  return chars.join('');
}

for (const [name, call] of Object.entries(CALLS)) {
  test(`${name}: mutated input returns or throws ChatEventError`, () => {
    const next = random(name.length * 7919);
    for (let i = 0; i < 600; i++) {
      const input = mutate(SEEDS[name], next);
      try {
        call(input);
      } catch (error) {
        assert.ok(error instanceof lab.ChatEventError, `${name}(${JSON.stringify(input)}) threw ${error}`);
      }
    }
  });
}

test('the module still works after all of that', () => {
  assert.deepEqual(lab.parseJson(JSON.stringify(SMS)), SMS);
  assert.equal(new lab.Simulator().send(SMS).what, 'created');
});
