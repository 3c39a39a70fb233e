// Minimal runner for the browser tests: each tests/browser/*.test.js exports
// { name: async (env) => {...} }; one Chromium is shared, each test in browser contexts of its
// own. GRANICE_BROWSER_JOBS tests run at a time (default 2: while one test waits for the page,
// another's page draws). Prints one line per test and a final "browser: N passed, N failed" line
// that scripts/test adds to the ctest counts.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch } = require('./harness.js');

(async () => {
  const filter = process.argv[2] ? new RegExp(process.argv[2]) : null;
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  const jobs = Number(process.env.GRANICE_BROWSER_JOBS || 2);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`GRANICE_BROWSER_JOBS must be a whole number from 1: ${process.env.GRANICE_BROWSER_JOBS}`);
  const queue = [];
  for (const file of files) {
    const tests = require(path.join(__dirname, file));
    for (const [name, fn] of Object.entries(tests)) {
      const full = `${file.replace('.test.js', '')} › ${name}`;
      if (!filter || filter.test(full)) queue.push({ full, fn });
    }
  }
  // Longest first, so the two lanes end together: the durations of the last run (scripts/test
  // keeps them with the caches; else build/), else the whole-course walks by their names.
  const timesFile = process.env.GRANICE_BROWSER_TIMES || path.join(__dirname, '../../build/browser-durations.json');
  let last = {};
  try { last = JSON.parse(fs.readFileSync(timesFile, 'utf8')); } catch (e) { /* first run */ }
  const WALKS = /through the screens|five sessions|at 1920x1080|keyboard alone|through the DOM layer|200% text|every kind of screen/;
  const guess = (t) => (t.full in last ? last[t.full] : WALKS.test(t.full) ? 60000 : 5000);
  queue.sort((a, b) => guess(b) - guess(a));
  const took = {};
  let passed = 0;
  let failed = 0;
  const env = await launch();
  const began = Date.now();
  const lane = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      const start = Date.now();
      try {
        await t.fn(env);
        took[t.full] = Date.now() - start;
        passed++;
        console.log(`  ok   ${t.full} (${Date.now() - start} ms)`);
      } catch (e) {
        failed++;
        console.log(`  FAIL ${t.full} (${Date.now() - start} ms)\n       ${String(e && e.stack || e).split('\n').join('\n       ')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  try {
    fs.mkdirSync(path.dirname(timesFile), { recursive: true });
    fs.writeFileSync(timesFile, JSON.stringify({ ...last, ...took }, null, 1));
  } catch (e) { /* only an ordering hint */ }
  console.log(`browser: ${jobs} at a time, ${((Date.now() - began) / 1000).toFixed(1)} s`);
  await env.close();
  if (!passed && !failed) {   // a filter that matched nothing, or no test files: not a pass
    console.log(`no browser test ran${filter ? ' (filter ' + filter + ')' : ''}`);
    failed = 1;
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); console.log('browser: 0 passed, 1 failed'); process.exit(1); });
