// The one error class the package throws. It lives in JS so that it can extend Error (a Rust
// export cannot); the facade constructs it from a ChatEventErrorDetails object.
// Every member of the details becomes a member of the error (optional ones are absent, not
// undefined, when the details leave them out).
export class ChatEventError extends Error {
  constructor({ message, diagnostics = [], ...members }) {
    super(message);
    this.name = 'ChatEventError';
    Object.assign(this, members);
    this.diagnostics = diagnostics;
  }
}
