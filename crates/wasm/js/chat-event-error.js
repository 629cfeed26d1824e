// The one error class the package throws. It lives in JS so that it can extend Error (a Rust
// export cannot); the facade constructs it from a ChatEventErrorDetails object.
export class ChatEventError extends Error {
  constructor(details) {
    super(details.message);
    this.name = 'ChatEventError';
    this.kind = details.kind;
    if (details.path !== undefined) this.path = details.path;
    if (details.line !== undefined) this.line = details.line;
    if (details.column !== undefined) this.column = details.column;
    this.diagnostics = details.diagnostics ?? [];
  }
}
