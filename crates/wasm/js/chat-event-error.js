// The one error class the package throws. It lives in JS so that it can extend Error (a Rust
// export cannot); the facade constructs it from a ChatEventErrorDetails object.
const OPTIONAL = ['path', 'line', 'column', 'option', 'hint', 'suggestion'];

export class ChatEventError extends Error {
  constructor(details) {
    super(details.message);
    this.name = 'ChatEventError';
    this.kind = details.kind;
    for (const key of OPTIONAL) {
      if (details[key] !== undefined) this[key] = details[key];
    }
    this.diagnostics = details.diagnostics ?? [];
  }
}
