// The statements of simulated learners (granice simulate --xapi: core/lms/cmi5.h through the real
// engines) checked against xAPI 1.0.3 by npm xapi-validation, statement by statement, and tied to
// the package: the publisher id in each statement's grouping is the AU IRI lms_manifest.js writes
// into cmi5.xml. Plain Node, run by ctest:
//   node tests/xapi/statements.unit.js path/to/granice
'use strict';
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');
const granice = process.argv[2] || path.join(ROOT, 'build/native/granice');
let validate;
try {
  validate = require(path.join(ROOT, 'node_modules/xapi-validation')).default;
} catch (e) {
  console.error('npm xapi-validation is missing: run scripts/setup (npm ci installs the devDependencies)');
  process.exit(1);
}
const { auIri, readCourse } = require('../../scripts/lms_manifest.js');

const LEARNERS = 12;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-xapi-'));
execFileSync(granice, ['simulate', '--xapi', '--learners', String(LEARNERS), '--seed', '2026', '--out', out,
                       '--content', path.join(ROOT, 'quizzes')], { encoding: 'utf8' });
const course = readCourse(path.join(ROOT, 'quizzes/course.json'));
const files = fs.readdirSync(out).filter((f) => f.endsWith('.xapi.json')).sort();

// The validator itself must refuse what is wrong (else a pass would mean nothing).
let first = null;
let statements = 0;
let bytes = 0;
let problems = 0;
const verbs = {};
for (const f of files) {
  const text = fs.readFileSync(path.join(out, f), 'utf8');
  bytes += text.length;
  for (const s of JSON.parse(text)) {
    statements++;
    if (!first) first = s;
    const warnings = validate(s);
    if (warnings.length) {
      problems++;
      if (problems <= 5) console.error(`FAIL ${f} ${s.id}: ${warnings.map((w) => `${w.path.join('.')} ${w.name}`).join('; ')}`);
    }
    const v = s.verb.id.split('/').pop();
    verbs[v] = (verbs[v] || 0) + 1;
    const grouping = s.context.contextActivities.grouping.map((a) => a.id);
    if (!grouping.includes(auIri(course.id))) {
      problems++;
      if (problems <= 5) console.error(`FAIL ${f} ${s.id}: grouping lacks the package's AU IRI ${auIri(course.id)}`);
    }
  }
}
fs.rmSync(out, { recursive: true, force: true });

try {
  assert.equal(files.length, LEARNERS);
  // What the sample holds, so a stream that lost its answers or its results cannot pass.
  for (const v of ['initialized', 'terminated', 'answered', 'responded', 'completed', 'passed'])
    assert.ok(verbs[v] > 0, `some ${v} statements (got ${JSON.stringify(verbs)})`);
  assert.equal(verbs.initialized, verbs.terminated);
  assert.ok(validate({ ...first, id: 'not-a-uuid' }).length > 0, 'a bad id is refused');
  assert.ok(validate({ ...first, timestamp: '2026-13-01' }).length > 0, 'a bad timestamp is refused');
  assert.ok(validate({ ...first, result: { duration: '5 minutes' } }).length > 0, 'a bad duration is refused');
} catch (e) {
  problems++;
  console.error(`FAIL ${e.message}`);
}
console.log(`xapi: ${statements} statements of ${LEARNERS} learners (${(bytes / 1024).toFixed(0)} KB), ` +
            `verbs ${JSON.stringify(verbs)}`);
console.log(`statements.unit: ${statements - Math.min(problems, statements)} passed, ${problems} failed`);
process.exitCode = problems ? 1 : 0;
