// (b) A TypeScript consumer, checked with `tsc --noEmit` (strict, exactOptionalPropertyTypes): the
// declarations describe every export, and nothing public is `any`.
import {
  ChatEventError,
  Simulator,
  fieldHelp,
  fields,
  parseCommand,
  parseJson,
  parseParameter,
  parseScenario,
  parseShorthand,
  parseYaml,
  renderCommand,
  renderSnippet,
  runScenario,
  scenarioExamples,
  skeleton,
  toJson,
  toParameterShorthand,
  toShorthand,
  toYaml,
  validate,
  validateJson,
  validateYaml,
  type AdvanceReport,
  type ContactView,
  type JsonValue,
  type Outcome,
  type ParsedCommand,
  type ParsedStructure,
  type RenderedCommand,
  type SdkLanguage,
  type ScenarioReport,
  type ScenarioRun,
  type Settings,
  type ShorthandValue,
  type What,
  type ChatEvent,
  type Diagnostic,
  type ErrorKind,
  type FieldHelp,
  type NewSessionDetails,
  type RuleSource,
  type SendChatIntegrationEventRequest,
  type Severity,
} from 'chat-event-lab';

/** `true` only for `any`: `0 extends 1 & T` holds for no other type. */
type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny = <T>(_value: T, isAny: IsAny<T>): IsAny<T> => isAny;

const event: ChatEvent = { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hello' };
const details: NewSessionDetails = { Attributes: { 'customer-id': '42' }, SupportedMessagingContentTypes: ['text/plain'] };
const request: SendChatIntegrationEventRequest = {
  SourceId: '+15551234567',
  DestinationId: 'arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1',
  Subtype: 'connect:SMS',
  Event: event,
  NewSessionDetails: details,
};

const diagnostics: Diagnostic[] = validate(request);
notAny(diagnostics, false);
for (const d of diagnostics) {
  const severity: Severity = d.severity;
  const source: RuleSource = d.source;
  const caught: boolean = d.caughtByCli;
  const where: string = d.line === undefined ? d.path : `${d.line}:${d.column ?? 1}`;
  notAny(d.suggestion, false);
  console.log(severity, source, caught, where, d.code, d.message);
}
const fromText: Diagnostic[] = validateJson('{}');
const parsed: SendChatIntegrationEventRequest = parseJson(toJson(request));
notAny(parsed, false);
notAny(parsed.Event, false);
const text: string = toJson(parsed);
console.log(fromText.length, text);

const help: FieldHelp | undefined = fieldHelp('Event.Type');
const allowed: string[] = help?.allowedValues ?? [];
const note: string | undefined = help?.docsNote;
const every: FieldHelp[] = fields();
notAny(every, false);
console.log(allowed, note, every.length);

try {
  parseJson('{');
} catch (error) {
  if (error instanceof ChatEventError) {
    const kind: ErrorKind = error.kind;
    const line: number | undefined = error.line;
    const located: Diagnostic[] = error.diagnostics;
    const base: Error = error;
    console.log(kind, line, located, base.message);
  }
}

// CLI formats.
const yaml: string = toYaml(request);
const fromYaml: SendChatIntegrationEventRequest = parseYaml(yaml);
const yamlProblems: Diagnostic[] = validateYaml(yaml);
const generic: ShorthandValue = parseShorthand('Type=MESSAGE,Content=hi');
const back: string = toShorthand(generic);
const structure: ParsedStructure = parseParameter('event', 'Type=MESSAGE');
const structureValue: JsonValue = structure.value;
const param: string = toParameterShorthand('new-session-details', { SupportedMessagingContentTypes: ['text/plain'] });
const rendered: RenderedCommand = renderCommand(request, { shell: 'powerShell7', multiline: true, input: 'cliInputYaml' });
const command: ParsedCommand = parseCommand(rendered.text);
const parsedRequest: SendChatIntegrationEventRequest | undefined = command.request;
const skeletonText: string = skeleton('yaml-input');
const language: SdkLanguage = 'javaScript';
const snippet: string = renderSnippet(request, language) + renderSnippet(request) + renderSnippet(request, 'rust', { region: 'us-east-1', explain: true }) + renderSnippet(request, 'powerShell', {});
notAny(command.params, false);
console.log(fromYaml, yamlProblems, back, structureValue, param, parsedRequest, skeletonText, snippet, rendered.notes, rendered.files);

// The simulator.
const settings: Settings = { seed: 1, start: '2026-01-01T00:00:00Z', chatDurationMinutes: 60, faults: { throttling: { ratePerSecond: 2, burst: 5 } } };
const sim = new Simulator(settings);
const outcome: Outcome = sim.send(request);
const what: What = outcome.what;
if ('ok' in outcome.response) console.log(outcome.response.ok.InitialContactId);
else console.log(outcome.response.error.Type, outcome.response.error.HttpStatus);
const advanced: AdvanceReport = sim.advance('25h');
const views: ContactView[] = sim.contacts();
const view: ContactView | undefined = outcome.contactId === undefined ? undefined : sim.contact(outcome.contactId);
const restored: Simulator = Simulator.restore(sim.snapshot());
const run: ScenarioRun = runScenario(parseScenario(scenarioExamples()[0]?.text ?? '{}'));
const report: ScenarioReport = run;
const table: string = run.table;
console.log(report.passedSteps);
const passed: boolean | null | undefined = report.steps[0]?.passed;
const destinations: string[] | null | undefined = sim.settings().faults?.destinations;
console.log(passed, destinations);
console.log(what, advanced.expired, views, view?.status, restored.requestCount(), table, sim.now().iso);
sim.free();

// Wrong uses are compile errors: none of these parameters accepts anything.
// @ts-expect-error a number is not a request
validate(5);
// @ts-expect-error members keep AWS's names (SourceId, not sourceId)
validate({ sourceId: '+15551234567' });
// @ts-expect-error Type is a string
toJson({ Event: { Type: 1 } });
// @ts-expect-error Attributes values are strings
toJson({ NewSessionDetails: { Attributes: { a: 1 } } });
// @ts-expect-error validateJson takes text
validateJson({});
// @ts-expect-error fieldHelp may return undefined
fieldHelp('SourceId').description;
// @ts-expect-error shorthand parameters are event and new-session-details
parseParameter('source-id', 'x');
// @ts-expect-error shells are named bash, powerShell5, powerShell7 and cmd
renderCommand(request, { shell: 'fish' });
// @ts-expect-error skeletons are input, output and yaml-input
skeleton('json');
// @ts-expect-error snippets are for python and javaScript
renderSnippet(request, 'go');
// @ts-expect-error a chat is ended by the agent or the flow
sim.endChat('id', 'customer');
// @ts-expect-error settings are camelCase
new Simulator({ chat_duration_minutes: 60 });
// @ts-expect-error a Severity is 'error' or 'warning'
const wrongSeverity: Severity = 'fatal';
console.log(wrongSeverity);
