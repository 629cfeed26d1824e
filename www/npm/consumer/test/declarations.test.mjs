// The declarations describe what the functions really return: real outputs of every export are
// written into a TypeScript file as literals of their declared types, and `tsc` (strict, with
// exactOptionalPropertyTypes) must accept them. A member the declarations lack, a null where they
// say undefined, or a wrong enum string fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as lab from 'chat-event-lab';

const project = fileURLToPath(new URL('..', import.meta.url));
const SMS = {
  SourceId: '+15551234567',
  DestinationId: 'arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-1',
  Subtype: 'connect:sms',
  Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'Hi' },
  NewSessionDetails: { SupportedMessagingContentTypes: ['text/plain'], Attributes: { tier: 'gold' }, ParticipantDetails: { DisplayName: 'Ana' } },
};

function samples() {
  const sim = new lab.Simulator({ faults: { throttling: { ratePerSecond: 1, burst: 1 } } });
  const outcomes = [sim.send(SMS), sim.send(SMS), sim.send({ Event: { Type: 'MESSAGE' } })];
  sim.advance('25h');
  outcomes.push(sim.send(SMS));
  const contactId = outcomes[0].contactId;
  const parsed = lab.parseCommand("aws connect send-chat-integration-event --source-id x --destination-id y --event 'Type=MESSAGE,Content=a,b' --region us-east-1");
  const failing = lab.runScenario({ title: 't', steps: [{ send: SMS, expect: { what: 'reused' } }, { advance: '1h' }] });
  return [
    ['Diagnostic[]', [...lab.validateJson('{"sourceId": 1'), ...lab.validate(SMS), ...lab.validateJson('{"SourceId": "+1 555", "Event": {"Type": 3}}')]],
    ['FieldHelp[]', lab.fields()],
    ['SendChatIntegrationEventRequest', lab.parseYaml(lab.toYaml(SMS))],
    ['ParsedCommand', parsed],
    ['ParsedStructure[]', [lab.parseParameter('event', 'Type=MESSAGE,Content=a,b'), lab.parseParameter('new-session-details', '{"Attributes": {}}')]],
    ['RenderedCommand[]', ['bash', 'powerShell5', 'powerShell7', 'cmd'].map((shell) => lab.renderCommand(SMS, { shell, input: 'cliInputYamlFile' }))],
    ['ShorthandValue', lab.parseShorthand('a=b,c=[d,e],f={g=h}')],
    ['Outcome[]', outcomes],
    ['ContactView[]', sim.contacts()],
    ['TranscriptEntry[]', sim.transcript(contactId)],
    ['LogEntry[]', sim.log()],
    ['AdvanceReport', sim.advance(5)],
    ['Settings', sim.settings()],
    ['Timestamp', sim.now()],
    ['ScenarioRun[]', [...lab.scenarioExamples().map((e) => lab.runScenario(lab.parseScenario(e.text))), failing]],
    ['Scenario[]', lab.scenarioExamples().map((e) => lab.parseScenario(e.text))],
    ['Example[]', lab.scenarioExamples()],
  ];
}

test('every output has exactly its declared type', () => {
  const list = samples();
  const types = [...new Set(list.map(([type]) => type.replace('[]', '')))];
  const lines = [`import type { ${types.join(', ')} } from 'chat-event-lab';`];
  list.forEach(([type, value], i) => lines.push(`export const sample${i}: ${type} = ${JSON.stringify(value, null, 1)};`));
  const dir = `${project}declarations-check/`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(`${dir}samples.ts`, lines.join('\n') + '\n');
  writeFileSync(`${dir}tsconfig.json`, JSON.stringify({
    compilerOptions: {
      strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: 'es2022', module: 'nodenext',
      moduleResolution: 'nodenext', lib: ['es2022', 'esnext.disposable', 'dom'], types: [],
    },
    files: ['samples.ts'],
  }));
  const tsc = spawnSync(`${project}node_modules/.bin/tsc`, ['-p', dir], { cwd: project, encoding: 'utf8' });
  assert.equal(tsc.error, undefined);
  assert.equal(tsc.stdout + tsc.stderr, '');
  assert.equal(tsc.status, 0);
});
