// `granice report` by its three routes agrees: progress records, the same simulated learners'
// statements as export files (granice simulate --xapi; the export and the LRS also hold the LMS's
// `launched` statement before each session, as a real one does), and the same statements read from a real
// LRS (Learning Locker's statements service behind the test LMS of tests/browser/lms/lrs.js, both
// on 127.0.0.1 on free ports, started and stopped here) page by page through its `more` links. Then the LRS's failures: wrong password (401), a failing LRS
// (503), a page that is not JSON, a `more` loop, no answer (timeout), a wrong endpoint (404).
// Plain Node, run by ctest:   node tests/xapi/report_routes.unit.js path/to/granice
'use strict';
const assert = require('node:assert/strict');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');
const granice = process.argv[2] || path.join(ROOT, 'build/native/granice');
const { createLrs, launchedStatement, SESSIONID } = require('../browser/lms/lrs.js');
const CONTENT = ['--content', path.join(ROOT, 'quizzes')];
const LEARNERS = 24;

// Runs granice without blocking this process (the LRS answers from it meanwhile).
function run(args, env = {}) {
  return new Promise((resolve) => {
    execFile(granice, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 },
             (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout,
                                                  stderr: stderr + (err && typeof err.code !== 'number' ? `[${err.code || ''} ${err.signal || ''} ${err.message}]` : '') }));
  });
}
// The table without its first column (a record's file name, or source#registration).
const rowsOf = (csv) => csv.split('\n').slice(1).filter(Boolean).map((l) => l.slice(l.indexOf(',') + 1));

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-routes-'));
  const server = http.createServer();
  let lrs = null;
  try {
    const sim = (extra, out) => run(['simulate', '--learners', String(LEARNERS), '--seed', '77', '--out', path.join(dir, out), ...CONTENT, ...extra]);
    assert.equal((await sim([], 'records')).code, 0);
    assert.equal((await sim(['--xapi'], 'xapi')).code, 0);
    const report = async (name, args) => {
      const r = await run(['report', ...args, '--csv', path.join(dir, name + '.csv'), '--items', path.join(dir, name + '-items.csv'),
                           '--json', ...CONTENT]);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      return { json: JSON.parse(r.stdout), stderr: r.stderr, table: fs.readFileSync(path.join(dir, name + '.csv'), 'utf8'),
               items: fs.readFileSync(path.join(dir, name + '-items.csv'), 'utf8') };
    };

    // [SECTION] Records and statement files agree
    const records = await report('records', [path.join(dir, 'records')]);
    const files = await report('files', [path.join(dir, 'xapi')]);
    assert.equal(records.json.records, LEARNERS);
    assert.equal(files.json.records, LEARNERS, files.stderr);
    assert.equal(files.json.refused, 0);
    assert.ok(files.json.statements.read > LEARNERS * 10, 'statements were read: ' + JSON.stringify(files.json.statements));
    assert.deepEqual(rowsOf(files.table), rowsOf(records.table), 'the same learners table');
    assert.equal(files.items, records.items, 'the same item analysis and guideline scores');
    assert.deepEqual(files.json.by_status, records.json.by_status);
    assert.deepEqual(files.json.modules, records.json.modules);
    assert.ok(/,guideline,|\nguideline,/.test(records.items), 'the item analysis has guideline rows');

    // One export file holding every statement as LRS pages one after another: the same again.
    // An LRS also holds the LMS's `launched` statement before every session (cmi5 §9.3.1), made
    // by the test LMS's own builder: the export and the LRS route carry them, and must give the
    // same table as the records (the report counts them as the LMS's and ignores them).
    const launchedBefore = (s) => launchedStatement({
      actor: s.actor, activityId: s.object.id, registration: s.context.registration, at: new Date(Date.parse(s.timestamp) - 1000),
      launchUrl: 'https://lms.example.com/au/index.html',
      data: { contextTemplate: { contextActivities: { grouping: s.context.contextActivities.grouping },
                                 extensions: { [SESSIONID]: s.context.extensions[SESSIONID] } },
              launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.8 } });
    const all = fs.readdirSync(path.join(dir, 'xapi')).sort().flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, 'xapi', f), 'utf8')))
      .flatMap((s) => (s.verb.id.endsWith('/initialized') ? [launchedBefore(s), s] : [s]));
    const sessions = all.filter((s) => s.verb.id.endsWith('/launched')).length;
    assert.ok(sessions >= LEARNERS, 'a launched statement per session');
    const half = Math.floor(all.length / 2);
    // 9 MB of white space between the pages: past the 8 MB a record may have, so the big-file path (mapped) is taken.
    fs.writeFileSync(path.join(dir, 'export.json'), JSON.stringify({ statements: all.slice(0, half), more: '/xapi/statements?more=1' }) +
                     '\n'.repeat(9 << 20) + JSON.stringify({ statements: all.slice(half), more: '' }));
    const exported = await report('export', [path.join(dir, 'export.json')]);
    assert.deepEqual(rowsOf(exported.table), rowsOf(records.table), 'one export file: the same table');
    assert.equal(exported.items, records.items);
    assert.equal(exported.json.statements.by_lms, sessions, 'the LMS\'s launched statements counted apart');
    assert.equal(exported.json.refused, 0);

    // [SECTION] The LRS route
    lrs = await createLrs();
    console.log(`the real LRS (Learning Locker xapi-statements) answered ${lrs.real.startupMs.toFixed(0)} ms after its start`);
    lrs.trainer = { user: 'trainer', pass: 's3cret' };
    lrs.pageSize = 500;
    // Two halves stored at different times (the real LRS sets `stored`): --since between them.
    const storing = Date.now();
    await lrs.store(all.slice(0, half));
    await new Promise((r) => setTimeout(r, 20));
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await lrs.store(all.slice(half));
    const storedMs = Date.now() - storing;
    server.on('request', (req, res) => { if (!lrs.handle(req, res)) { res.writeHead(404); res.end('not here'); } });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${server.address().port}/xapi/`;
    const auth = ['--lrs', endpoint, '--auth', 'trainer:s3cret'];

    const viaLrs = await report('lrs', [...auth, '--limit', '150']);
    assert.deepEqual(rowsOf(viaLrs.table), rowsOf(records.table), 'from the LRS: the same table');
    assert.equal(viaLrs.items, records.items, 'from the LRS: the same item analysis');
    assert.equal(viaLrs.json.statements.read, all.length);
    assert.equal(viaLrs.json.statements.by_lms, sessions, 'the LMS\'s launched statements read and ignored');
    const pages = lrs.queries.length;
    assert.equal(pages, Math.ceil(all.length / 150), 'every page read once, through more links');
    const first = new URL(lrs.queries[0].url, 'http://x');
    assert.equal(first.searchParams.get('activity'), 'urn:granice:course:granice/au/main');
    assert.equal(first.searchParams.get('related_activities'), 'true');
    assert.equal(first.searchParams.get('limit'), '150');
    assert.ok(lrs.queries.every((q) => q.version === '1.0.3'), 'X-Experience-API-Version on every request');
    assert.ok(lrs.queries.slice(1).every((q) => q.url.startsWith('/xapi/statements?') && new URL(q.url, 'http://x').searchParams.has('cursor')),
              'then the real LRS\'s more links: ' + lrs.queries.slice(0, 3).map((q) => q.url).join(' '));

    // The LRS's page size below the limit asked for: more pages, the same result. --since: only what was stored after.
    lrs.pageSize = 90;
    const small = await report('lrs-small', [...auth]);
    assert.equal(small.items, records.items);
    const since = await report('since', [...auth, '--since', between]);
    assert.equal(since.json.statements.read, all.length - half, '--since: the statements stored after it');
    assert.ok(lrs.queries.some((q) => new URL(q.url, 'http://x').searchParams.get('since') === between));
    const none = await report('since-date', [...auth, '--since', '2999-01-01']);
    assert.equal(none.json.statements.read, 0, '--since a date to come: none');
    assert.ok(lrs.queries.some((q) => new URL(q.url, 'http://x').searchParams.get('since') === '2999-01-01T00:00:00Z'), 'a date becomes a timestamp');

    // [SECTION] Failures: told plainly, nothing written
    const fails = async (what, args, pattern, env) => {
      const out = path.join(dir, 'fail.csv');
      fs.rmSync(out, { force: true });
      const r = await run(['report', ...args, '--csv', out, ...CONTENT], env);
      assert.equal(r.code, 1, `${what}: exit 1 (${r.stderr})`);
      assert.match(r.stderr, pattern, what);
      assert.match(r.stderr, /nothing written/, what);
      assert.ok(!fs.existsSync(out), `${what}: no CSV`);
    };
    await fails('wrong password', ['--lrs', endpoint, '--auth', 'trainer:wrong'], /401 Unauthorized\): \{"message":"Unauthorized: unknown credentials/);
    await fails('auth from the environment', ['--lrs', endpoint], /401/, { GRANICE_LRS_AUTH: 'trainer:nope' });
    lrs.trainerFault = 503;
    await fails('a failing LRS', auth, /the LRS failed \(503\): .*fails on purpose/);
    lrs.trainerFault = 'garbage';
    await fails('not JSON', auth, /not valid JSON: 1:\d+: .*\n.*not an xAPI statement result/);
    lrs.trainerFault = 'loop';
    await fails('a more loop', auth, /more link leads back to a page already read/);
    lrs.trainerFault = 'hang';
    await fails('no answer', [...auth, '--timeout', '1'], /no answer from the LRS within 1 s/);
    lrs.trainerFault = null;
    await fails('a wrong endpoint', ['--lrs', endpoint.replace('/xapi/', '/nope/'), '--auth', 'trainer:s3cret'], /404 Not Found/);
    // Usage errors: exit 2.
    assert.equal((await run(['report', '--lrs', endpoint, ...CONTENT], { GRANICE_LRS_AUTH: '' })).code, 2, '--lrs without --auth');
    assert.equal((await run(['report', ...auth, '--since', 'yesterday', ...CONTENT])).code, 2, 'a --since that is no date');
    assert.equal((await run(['report', path.join(dir, 'xapi'), '--limit', '5', ...CONTENT])).code, 2, '--limit without --lrs');

    console.log(`the real LRS stored ${all.length} statements in ${storedMs} ms`);
    console.log(`ok: ${LEARNERS} learners, ${all.length} statements (${sessions} of them the LMS's launched); records, statement files, one export and the real LRS ` +
                `(${pages} pages) give the same table and item analysis; 7 LRS failures told plainly`);
  } finally {
    server.closeAllConnections && server.closeAllConnections();
    server.close();
    if (lrs) lrs.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
