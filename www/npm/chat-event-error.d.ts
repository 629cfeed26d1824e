import type { Diagnostic, ErrorKind } from './chat_event_lab.js';

/**
 * The one error the package throws. Everything else (a request with problems, a failed simulator
 * call) is a returned value of a typed shape.
 */
export declare class ChatEventError extends Error {
  readonly name: 'ChatEventError';
  /** What went wrong. */
  readonly kind: ErrorKind;
  /** The member path the problem is at, such as `Event.ContentType`. */
  readonly path?: string;
  /** 1-based line and column in the input text, for syntax errors. */
  readonly line?: number;
  readonly column?: number;
  /** The command-line option at fault, such as `--event`. */
  readonly option?: string;
  /** What to do about it, in plain words. */
  readonly hint?: string;
  /** A likely intended spelling. */
  readonly suggestion?: string;
  /**
   * Where the AWS CLI itself would refuse the input (`parseCommand`): the code it would exit with,
   * in the version the call asked for (the `message` is then what that CLI prints).
   */
  readonly exitCode?: number;
  /** Every located problem found in the input (may be empty). */
  readonly diagnostics: Diagnostic[];
}
