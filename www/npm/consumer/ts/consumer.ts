// (b) A TypeScript consumer, checked with `tsc --noEmit` (strict, exactOptionalPropertyTypes): the
// declarations describe every export, and nothing public is `any`.
import {
  ChatEventError,
  fieldHelp,
  fields,
  parseJson,
  toJson,
  validate,
  validateJson,
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
// @ts-expect-error a Severity is 'error' or 'warning'
const wrongSeverity: Severity = 'fatal';
console.log(wrongSeverity);
