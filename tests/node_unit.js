// The smallest test runner for the Node-side unit tests that ctest runs (tests/**/*.unit.js):
// test(name, fn) runs fn at once and keeps the outcome; report(label) prints the failures and
// "label: N passed, N failed", and sets the exit code ctest reads.
'use strict';

const results = [];

function test(name, fn) {
  try {
    fn();
    results.push([name, null]);
  } catch (e) {
    results.push([name, e]);
  }
}

function report(label) {
  const failed = results.filter(([, e]) => e);
  for (const [name, e] of failed) console.error(`FAIL ${name}\n  ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n  ') : e}`);
  console.log(`${label}: ${results.length - failed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length ? 1 : 0;
}

module.exports = { test, report };
