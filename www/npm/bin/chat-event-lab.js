#!/usr/bin/env node
// The command line of chat-event-lab, for CI pipelines and terminals. It runs the same wasm as the
// library: every decision is the core's, this file only reads files and arguments and prints.
//
// Exit codes: 0 success; 1 the input has errors (or warnings with --strict), a conversion failed,
// or a simulated expectation failed; 2 bad usage or an unreadable file.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as lab from '../index.node.js';
import { serve, ServeError } from './serve.js';

const USAGE = `usage: chat-event-lab <command> [options]

commands:
  validate [--json] [--strict] FILE...
      check SendChatIntegrationEvent requests (JSON, or YAML by extension; - for stdin);
      exit 1 on errors, and on warnings with --strict
  convert --from json|yaml|shorthand|cli --to json|yaml|shorthand|cli
          [--shell bash|powershell|pwsh|cmd] [--param event|new-session-details]
          [--cli v2|v1] [FILE]
      convert a request (FILE or stdin); shorthand without --param is read by the AWS CLI's
      generic parser and printed as the JSON value the CLI would pass on; --shell is the shell
      a command is read as (detected when left out) or written for (bash when left out); where
      the AWS CLI would refuse the input, what it prints, in version 2's words or version 1's
  skeleton input|output|yaml-input
      print what --generate-cli-skeleton prints (AWS CLI v2)
  simulate [--json] SCENARIO
      run a scenario (a .json/.yaml file, or an example name) and print its table;
      exit 1 when an expectation fails
  serve [--port 4566] [--host 127.0.0.1] [--settings FILE] [--scenario FILE] [--state FILE]
        [--credentials ACCESS_KEY_ID:SECRET ...] [--log text|json]
      answer SendChatIntegrationEvent over HTTP as Amazon Connect would, for the AWS CLI and
      SDKs (--endpoint-url); control routes under /_lab/; --state keeps the simulator in FILE
      across restarts; Ctrl+C stops`;

/** A usage or I/O problem: printed with the usage, exit 2. */
class UsageError extends Error {}

function readInput(file) {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  }
}

function parse(args, options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

const isYaml = (file) => /\.ya?ml$/i.test(file);

function validate(args) {
  const { values, positionals: files } = parse(args, {
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  });
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');
  const results = files.map((file) => {
    const text = readInput(file);
    return { file, diagnostics: isYaml(file) ? lab.validateYaml(text) : lab.validateJson(text) };
  });
  const count = (severity) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  const errors = count('error');
  const warnings = count('warning');

  if (values.json) {
    console.log(JSON.stringify({ files: results, errors, warnings }, null, 2));
  } else {
    for (const { file, diagnostics } of results) {
      for (const d of diagnostics) console.log(lab.formatDiagnostic(d, file));
    }
    const summary = errors + warnings === 0
      ? `no problems in ${plural(files.length, 'file')}`
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}`;
    console.log(summary);
  }
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}

const FORMATS = ['json', 'yaml', 'shorthand', 'cli'];
/** `--shell` names → the core's shells. `powershell` is Windows PowerShell 5.1 (powershell.exe),
 * `pwsh` PowerShell 7.3+; they quote differently. */
const SHELLS = { bash: 'bash', zsh: 'bash', powershell: 'powerShell5', pwsh: 'powerShell7', cmd: 'cmd' };
/** The shell a command was read as, and why, for people. */
function readAs(reading) {
  const name = Object.keys(SHELLS).find((key) => SHELLS[key] === reading.shell && key !== 'zsh');
  return `read as ${name} (--shell ${name}): ${reading.reason}`;
}
/** `--param` names → the request member each structure option sets. */
const PARAMS = { event: 'Event', 'new-session-details': 'NewSessionDetails' };

function oneOf(name, value, allowed) {
  if (!allowed.includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}${value === undefined ? '' : `, not ${value}`}`);
  return value;
}

/** Prints diagnostics to stderr and says whether any is an error. */
function reportErrors(source, diagnostics) {
  for (const d of diagnostics) console.error(lab.formatDiagnostic(d, source));
  return diagnostics.some((d) => d.severity === 'error');
}

function convert(args) {
  const { values, positionals } = parse(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    shell: { type: 'string' },
    param: { type: 'string' },
    cli: { type: 'string', default: 'v2' },
  });
  const from = oneOf('from', values.from, FORMATS);
  const cli = { cli: oneOf('cli', values.cli, ['v2', 'v1']) };
  const to = oneOf('to', values.to, FORMATS);
  const shell = values.shell === undefined ? undefined : SHELLS[oneOf('shell', values.shell, Object.keys(SHELLS))];
  const param = values.param === undefined ? undefined : oneOf('param', values.param, Object.keys(PARAMS));
  if (positionals.length > 1) throw new UsageError('convert reads one FILE (or stdin)');
  const source = positionals[0] ?? '-';
  const text = readInput(source);
  // A file or a pipe ends with a newline that is no part of a shorthand value or a command.
  const line = text.replace(/\r?\n$/, '');

  if (from === 'shorthand' && param === undefined) {
    if (to !== 'json') throw new UsageError('shorthand without --param is read by the generic parser: convert it --to json, or give --param');
    console.log(JSON.stringify(lab.parseShorthand(line, cli), null, 2));
    return 0;
  }

  let request;
  if (from === 'json') request = lab.parseJson(text);
  else if (from === 'yaml') request = lab.parseYaml(text);
  else if (from === 'cli') {
    const parsed = lab.parseCommand(line, { ...cli, shell });
    if (shell === undefined && parsed.shell.shell !== 'bash') console.error(`chat-event-lab: ${readAs(parsed.shell)}`);
    if (reportErrors(source, parsed.diagnostics) || !parsed.request) {
      reportErrors(source, lab.validate(parsed.params).filter((d) => d.code === 'wrong-type' || d.code === 'unknown-member'));
      return 1;
    }
    request = parsed.request;
  } else {
    const parsed = lab.parseParameter(param, line);
    if (reportErrors(source, parsed.diagnostics)) return 1;
    request = { [PARAMS[param]]: parsed.value };
  }

  const member = param && PARAMS[param];
  if (to === 'json') console.log(member && from === 'shorthand' ? JSON.stringify(request[member], null, 2) : lab.toJson(request));
  else if (to === 'yaml') process.stdout.write(lab.toYaml(request));
  else if (to === 'cli') console.log(lab.renderCommand(request, { shell: shell ?? 'bash' }).text);
  else {
    if (!member) throw new UsageError('--to shorthand needs --param event or --param new-session-details');
    if (request[member] === undefined) throw new UsageError(`the request has no ${member}`);
    console.log(lab.toParameterShorthand(param, request[member]));
  }
  return 0;
}

const SKELETONS = ['input', 'output', 'yaml-input'];

function skeleton(args) {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError(`skeleton takes one of ${SKELETONS.join(', ')}`);
  process.stdout.write(lab.skeleton(oneOf('skeleton', positionals[0], SKELETONS)));
  return 0;
}

function simulate(args) {
  const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } });
  if (positionals.length !== 1) throw new UsageError('simulate takes one SCENARIO');
  const [name] = positionals;
  const examples = lab.scenarioExamples();
  const example = examples.find((e) => e.name === name);
  let scenario;
  if (existsSync(name) || name === '-' || !example) {
    if (!existsSync(name) && name !== '-') {
      throw new UsageError(`no file ${name}, and no example of that name (examples: ${examples.map((e) => e.name).join(', ')})`);
    }
    scenario = lab.parseScenario(readInput(name));
  } else {
    scenario = lab.parseScenario(example.text);
  }
  const { table, ...report } = lab.runScenario(scenario);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else process.stdout.write(table);
  return report.passed ? 0 : 1;
}

/** Parses `serve`'s options; the server itself is in serve.js. */
function serveOptions(args) {
  const { values, positionals } = parse(args, {
    port: { type: 'string', default: '4566' },
    host: { type: 'string', default: '127.0.0.1' },
    settings: { type: 'string' },
    scenario: { type: 'string' },
    state: { type: 'string' },
    credentials: { type: 'string', multiple: true, default: [] },
    log: { type: 'string', default: 'text' },
  });
  if (positionals.length > 0) throw new UsageError(`serve takes no FILE (found ${positionals[0]})`);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${values.port}`);
  return { ...values, port, log: oneOf('log', values.log, ['text', 'json']) };
}

async function startServer(args) {
  let options;
  try {
    options = serveOptions(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`chat-event-lab: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  // Listened for before the server starts, so that a signal sent as soon as it says where it
  // listens stops it as one sent later does: listened for only after, such a signal still found
  // the default action, which ends the process at once, state unsaved.
  const signalled = new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, resolve);
  });
  let running;
  try {
    running = await serve(options);
  } catch (error) {
    if (error instanceof ServeError) {
      console.error(`chat-event-lab: ${error.message}`);
      return 2;
    }
    throw error;
  }
  await signalled;
  await running.stop();
  console.log('chat-event-lab: stopped');
  return 0;
}

const COMMANDS = { validate, convert, skeleton, simulate };

function main(argv) {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command: ${name}`);
    return command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`chat-event-lab: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof lab.ChatEventError) {
      const where = ` (line ${error.line}, column ${error.column ?? 1})`;
      if (error.shell && error.shell.shell !== 'bash') console.error(`chat-event-lab: ${readAs(error.shell)}`);
      if (error.exitCode !== undefined) {
        // What the AWS CLI itself prints: as it is, after where it stops and how it exits.
        console.error(`chat-event-lab: the AWS CLI stops here${where} and exits with ${error.exitCode}:\n${error.message}`);
      } else {
        // Shorthand messages are the AWS CLI's own, caret line included: print them as they are.
        console.error(`chat-event-lab: ${error.message}${error.line !== undefined && error.kind !== 'shorthand' ? where : ''}`);
      }
      for (const d of error.diagnostics.slice(1)) console.error(`  ${d.path}: ${d.message}`);
      if (error.hint) console.error(`hint: ${error.hint}`);
      if (error.suggestion) console.error(`did you mean ${error.suggestion}?`);
      return 1;
    }
    throw error;
  }
}

const argv = process.argv.slice(2);
if (argv[0] === 'serve') process.exitCode = await startServer(argv.slice(1));
else process.exitCode = main(argv);
