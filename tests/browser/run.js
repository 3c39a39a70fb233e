// Minimal runner for the browser tests: each tests/browser/*.test.js exports
// { name: async (env) => {...} }; one Chromium is shared. Prints one line per test and
// a final "browser: N passed, N failed" line that scripts/test adds to the ctest counts.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch } = require('./harness.js');

(async () => {
  const filter = process.argv[2] ? new RegExp(process.argv[2]) : null;
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  let passed = 0;
  let failed = 0;
  const env = await launch();
  for (const file of files) {
    const tests = require(path.join(__dirname, file));
    for (const [name, fn] of Object.entries(tests)) {
      const full = `${file.replace('.test.js', '')} › ${name}`;
      if (filter && !filter.test(full)) continue;
      const start = Date.now();
      try {
        await fn(env);
        passed++;
        console.log(`  ok   ${full} (${Date.now() - start} ms)`);
      } catch (e) {
        failed++;
        console.log(`  FAIL ${full} (${Date.now() - start} ms)\n       ${String(e && e.stack || e).split('\n').join('\n       ')}`);
      }
    }
  }
  await env.close();
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); console.log('browser: 0 passed, 1 failed'); process.exit(1); });
