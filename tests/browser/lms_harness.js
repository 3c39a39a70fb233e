// The test LMS for the browser tests: the real packages (scripts/package) unpacked beside the
// test LMS page (tests/browser/lms/: scorm-again, or the Moodle-like and permissive profiles in
// lms/profiles.js), and helpers to open a package in it and read what the LMS holds.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startServer } = require('../../scripts/serve.js');
const { SITE_TEST, DRIVER_QUERY, hasTestBuild, needTestBuild, watchPacks, run } = require('./harness');
const { createLrs } = require('./lms/lrs');
const { drive } = require('./learner.js');

const ROOT = path.resolve(__dirname, '../..');
const SITE = process.env.GRANICE_SITE || path.join(ROOT, 'build/web/site');

let shared = null;  // a promise of { url, server, zips, dir }: made once, whichever test asks first
let made = null;    // the same, once made (for the clean-up at exit)
function lmsServer() {
  if (!shared) shared = makeLmsServer().then((s) => (made = s));
  return shared;
}
async function makeLmsServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-lms-'));
  const out = path.join(dir, 'dist');
  const pack = async (site, to) => {
    const printed = await run(path.join(ROOT, 'scripts/package'), ['--site', site, '--out', to]);
    const made = printed.split('\n').filter((l) => l.endsWith('.zip'));
    assert.equal(made.length, 3, 'scripts/package prints three zip paths (SCORM 1.2, 2004, cmi5):\n' + printed);
    return made;
  };
  // The packages a learner gets, and the same packages of the test build (the test driver in
  // app.wasm), for tests that walk by driver (pkg12 / pkg2004 and dpkg12 / dpkg2004); one after
  // the other (both build the CLI first), while the other lane's test goes on.
  const zips = await pack(SITE, out);
  const driverZips = hasTestBuild() ? await pack(SITE_TEST, path.join(dir, 'dist-test')) : [];
  const web = path.join(dir, 'root');
  const unzip = (zip, to) => run('unzip', ['-q', zip, '-d', path.join(web, to)]);
  fs.mkdirSync(path.join(web, 'lms'), { recursive: true });
  for (const f of fs.readdirSync(path.join(__dirname, 'lms'))) fs.copyFileSync(path.join(__dirname, 'lms', f), path.join(web, 'lms', f));
  for (const f of ['scorm12.min.js', 'scorm2004.min.js'])
    fs.copyFileSync(path.join(ROOT, 'node_modules/scorm-again/dist', f), path.join(web, 'lms', f));
  for (const v of ['12', '2004']) {
    const zip = zips.find((z) => z.endsWith(`granice-scorm${v}.zip`));
    await unzip(zip, 'pkg' + v);
    const driverZip = driverZips.find((z) => z.endsWith(`granice-scorm${v}.zip`));
    if (driverZip) await unzip(driverZip, 'dpkg' + v);
  }
  // The cmi5 zips (cmi5 and dcmi5), served beside the test LMS and LRS (tests/browser/lms/lrs.js).
  await unzip(zips.find((z) => z.endsWith('granice-cmi5.zip')), 'cmi5');
  const driverCmi5 = driverZips.find((z) => z.endsWith('granice-cmi5.zip'));
  if (driverCmi5) await unzip(driverCmi5, 'dcmi5');
  const lrs = await createLrs();   // the test LMS in front of the real LRS (stopped when the run exits)
  const { server, url } = await startServer({ root: web, port: 0, handle: lrs.handle });
  return { url, server, zips, dir, lrs };
}

// Opens the test LMS, starts the package in it, and returns helpers bound to the SCO frame.
// opts.query: the SCO's query string (default: the test driver on; '' for a learner on the screens).
// A query with the test driver opens the test build's package (dpkg*), any other the learner's.
// opts.locale: the browser's language in a new context ('pl-PL': the course default, so English
// can only come from the LMS's preference). The result's `packs`: every language pack requested.
async function openLms(env, opts) {
  const { url } = await lmsServer();
  const context = opts.context || await env.browser.newContext({ viewport: { width: 1100, height: 800 },
                                                                 ...(opts.locale ? { locale: opts.locale } : {}) });
  context.setDefaultTimeout(20000);   // a missing element fails the test instead of hanging it
  const page = await context.newPage();
  const packs = watchPacks(page);
  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {   // the SCO frame's console too (web/scorm.js logs LMS failures as errors)
    if (m.type() === 'error' && !/GPU stall due to ReadPixels|GL Driver Message/.test(m.text())) consoleErrors.push(m.text());
  });
  const driven = opts.query === undefined || DRIVER_QUERY.test(opts.query);
  if (driven) needTestBuild();
  await page.goto(url + 'lms/index.html');
  await page.evaluate((o) => window.lms.start(o), { version: opts.version, pkg: `/${driven ? 'd' : ''}pkg${opts.version}/`, cmi: opts.cmi || {},
                                                   faults: opts.faults || {}, query: opts.query, profile: opts.profile,
                                                   profileOptions: opts.profileOptions, store: opts.store });
  const frame = await (await page.waitForSelector('#sco')).contentFrame();
  await frame.waitForFunction((d) => window.granice && window.Module && (!d || window.Module._granice_persist_test), driven,
                              { timeout: 30000 });
  await frame.evaluate(() => window.granice.ready);
  const driver = (action) => drive(frame, action);
  return { page, frame, context, pageErrors, consoleErrors, driver, packs,
           lms: (fn, arg) => page.evaluate(fn, arg),
           log: () => frame.evaluate(() => window.graniceScorm.log) };
}

// Completes everything the shipped content allows (partial content is driven as far as it goes).
async function walk(driver, max = 5000) {
  let s;
  for (let i = 0; i < max; i += 200) {
    s = await driver('steps:200');
    if (!s.did.length) break;
  }
  return s;
}

const lmsState = (o) => o.lms(() => ({ sets: window.lms.sets().length, problems: window.lms.problems, errors: window.lms.errors,
                                       cmi: window.lms.cmi(), calls: window.lms.calls.map((c) => c.m) }));

function count(calls, name) { return calls.filter((c) => c === name).length; }

// Every leaf of scorm-again's cmi JSON as 'cmi.a.b.0.c' -> value (arrays and objects alike).
function flatten(o, prefix, out = {}) {
  if (o === null || typeof o !== 'object') { out[prefix] = o; return out; }
  for (const [k, v] of Object.entries(o)) flatten(v, prefix + '.' + k, out);
  return out;
}
// The n-th entry of cmi.<kind> as { field: value } (e.g. 'correct_responses.0.pattern').
function entries(flat, kind) {
  const out = [];
  const re = new RegExp(`^cmi\\.${kind}\\.(\\d+)\\.(.+)$`);
  for (const [k, v] of Object.entries(flat)) {
    const m = re.exec(k);
    if (!m || m[2].startsWith('_')) continue;
    (out[Number(m[1])] = out[Number(m[1])] || {})[m[2].replace(/\.childArray\./g, '.')] = v;
  }
  return out;
}

// Seconds of a SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) or a 2004 duration (PT1H2M3.45S).
function seconds(t) {
  let m = /^(\d{2,4}):(\d\d):(\d\d(?:\.\d{1,2})?)$/.exec(t);
  if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?$/.exec(t);
  assert.ok(m, `a duration: ${t}`);
  return Number(m[1] || 0) * 3600 + Number(m[2] || 0) * 60 + Number(m[3] || 0);
}

// Unloads the SCO as an LMS does when the learner closes the course; waits for its last call.
async function closeCourse(o, v12) {
  await o.page.evaluate(() => window.lms.close());
  await o.page.waitForFunction((m) => window.lms.calls.some((c) => c.m === m), v12 ? 'LMSFinish' : 'Terminate');
}

process.on('exit', () => { if (made) { made.server.close(); fs.rmSync(made.dir, { recursive: true, force: true }); } });

module.exports = { ROOT, SITE, lmsServer, openLms, walk, lmsState, count, flatten, entries, seconds, closeCourse };
