#!/usr/bin/env node
// The command line of chat-event-lab, for CI pipelines and terminals. It runs the same wasm as the
// library: every decision is the core's, this file only reads files and arguments and prints.
//
// Exit codes: 0 success; 1 the input has errors (or warnings with --strict), a conversion failed,
// or a simulated expectation failed; 2 bad usage or an unreadable file.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as lab from '../index.node.js';

const USAGE = `usage: chat-event-lab <command> [options]

commands:
  validate [--json] [--strict] FILE...   check SendChatIntegrationEvent requests (JSON; - for stdin)
                                         exit 1 on errors, and on warnings with --strict`;

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

/** `FILE:LINE:COL: severity [code] path: message`, then the hint, indented. */
function formatDiagnostic(file, d) {
  const where = d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}` : file;
  const path = d.path ? ` ${d.path}:` : '';
  const cli = d.caughtByCli ? ' (the AWS CLI rejects this too)' : '';
  const lines = [`${where}: ${d.severity} [${d.code}]${path} ${d.message}${cli}`];
  if (d.suggestion) lines.push(`  hint: ${d.suggestion}`);
  return lines.join('\n');
}

function validate(args) {
  const { values, positionals: files } = parse(args, {
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  });
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');
  const results = files.map((file) => ({ file, diagnostics: lab.validateJson(readInput(file)) }));
  const count = (severity) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  const errors = count('error');
  const warnings = count('warning');

  if (values.json) {
    console.log(JSON.stringify({ files: results, errors, warnings }, null, 2));
  } else {
    for (const { file, diagnostics } of results) {
      for (const d of diagnostics) console.log(formatDiagnostic(file, d));
    }
    const summary = errors + warnings === 0
      ? `no problems in ${plural(files.length, 'file')}`
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}`;
    console.log(summary);
  }
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}

const COMMANDS = { validate };

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
      const where = error.line !== undefined ? ` (line ${error.line}, column ${error.column ?? 1})` : '';
      console.error(`chat-event-lab: ${error.message}${where}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
