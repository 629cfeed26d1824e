// Issue 17 §3, in Node: every export and method, every odd JS value in each argument's place.
// The table and its rules are in ../hostile-arguments.mjs, shared with the browser test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lab from 'chat-event-lab';
import { run } from '../hostile-arguments.mjs';

test('every export and method checks its arguments, and the module still works after', () => {
  const { problems, calls } = run(lab);
  assert.ok(calls > 600, `only ${calls} calls`);
  assert.deepEqual(problems, []);
});
