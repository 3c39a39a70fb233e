// LMS integration: the real packages (scripts/package) unpacked and launched in an iframe by a
// test LMS page (tests/browser/lms/) over scorm-again's Scorm12API / Scorm2004API. Every
// SetValue is checked against the spec by lms.js; faults are injected and nothing may be lost.
//
// The learner is driven by the platform's test driver (?granice-test-driver=1: the core engines
// + the real persistence, see src/platform/persistence_select.cpp), so these tests do not depend
// on the screens. PENDING: once tests/browser/harness.js has completeCourse(page), add a test
// that completes the course through the screens (click by role + name) and asserts the same.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { startServer } = require('../../scripts/serve.js');

const ROOT = path.resolve(__dirname, '../..');
const SITE = process.env.GRANICE_SITE || path.join(ROOT, 'build/web/site');

let shared = null;  // { url, server, zips }
async function lmsServer() {
  if (shared) return shared;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-lms-'));
  const out = path.join(dir, 'dist');
  const printed = execFileSync(path.join(ROOT, 'scripts/package'), ['--site', SITE, '--out', out], { encoding: 'utf8' });
  const zips = printed.split('\n').filter((l) => l.endsWith('.zip'));
  assert.equal(zips.length, 2, 'scripts/package prints two zip paths:\n' + printed);
  const web = path.join(dir, 'root');
  fs.mkdirSync(path.join(web, 'lms'), { recursive: true });
  for (const f of fs.readdirSync(path.join(__dirname, 'lms'))) fs.copyFileSync(path.join(__dirname, 'lms', f), path.join(web, 'lms', f));
  for (const f of ['scorm12.min.js', 'scorm2004.min.js'])
    fs.copyFileSync(path.join(ROOT, 'node_modules/scorm-again/dist', f), path.join(web, 'lms', f));
  for (const v of ['12', '2004']) {
    const zip = zips.find((z) => z.endsWith(`granice-scorm${v}.zip`));
    execFileSync('unzip', ['-q', zip, '-d', path.join(web, 'pkg' + v)]);
  }
  const { server, url } = await startServer({ root: web, port: 0 });
  shared = { url, server, zips, dir };
  return shared;
}

// Opens the test LMS, starts the package in it, and returns helpers bound to the SCO frame.
async function openLms(env, opts) {
  const { url } = await lmsServer();
  const context = opts.context || await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url + 'lms/index.html');
  await page.evaluate((o) => window.lms.start(o), { version: opts.version, pkg: `/pkg${opts.version}/`, cmi: opts.cmi || {},
                                                   faults: opts.faults || {} });
  const frame = await (await page.waitForSelector('#sco')).contentFrame();
  await frame.waitForFunction(() => window.granice && window.Module && window.Module._granice_persist_test, null, { timeout: 30000 });
  await frame.evaluate(() => window.granice.ready);
  const driver = (action) => frame.evaluate(
    (a) => JSON.parse(window.Module.ccall('granice_persist_test', 'string', ['string'], [a])), action);
  return { page, frame, context, pageErrors, driver,
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

async function fullRun(env, version) {
  const v12 = version === 12;
  const cmi = v12 ? { core: { student_id: 'u-17', student_name: 'Kowalska, Anna', entry: 'ab-initio' }, student_preference: { language: 'en' } }
                  : { learner_id: 'u-17', learner_name: 'Anna Kowalska', entry: 'ab-initio', learner_preference: { language: 'en-GB' } };
  const a = await openLms(env, { version, cmi });
  try {
    const launch = await a.driver('launch');
    assert.equal(launch.learner_name, 'Anna Kowalska');
    assert.equal(launch.learner_id, 'u-17');
    assert.equal(launch.language, 'en');
    assert.equal(launch.resumed, false);
    assert.match(launch.mode, new RegExp('SCORM ' + (v12 ? '1\\.2' : '2004')));
    const done = await walk(a.driver);
    await a.driver('finish');
    const s = await lmsState(a);
    assert.deepEqual(s.problems, [], 'every value sent fits the spec');
    assert.deepEqual(s.errors, [], 'zero LMS errors');
    assert.equal(count(s.calls, v12 ? 'LMSInitialize' : 'Initialize'), 1);
    assert.equal(count(s.calls, v12 ? 'LMSFinish' : 'Terminate'), 1);
    assert.ok(count(s.calls, v12 ? 'LMSCommit' : 'Commit') >= 2, 'commits after steps');
    const last = (n) => a.lms((name) => window.lms.lastSet(name), n);
    if (v12) {
      const expect = done.completion !== 'completed' ? 'incomplete' : done.success === 'unknown' ? 'completed' : done.success;
      assert.equal(await last('cmi.core.lesson_status'), expect);
      assert.match(await last('cmi.core.session_time'), /^\d{4}:\d\d:\d\d\.\d\d$/);
      assert.ok((await last('cmi.suspend_data')).length <= 4096);
      assert.equal(await last('cmi.core.exit'), done.completion === 'completed' && done.success === 'passed' ? '' : 'suspend');
    } else {
      assert.equal(s.cmi.cmi.completion_status, done.completion === 'completed' ? 'completed' : 'incomplete');
      assert.equal(s.cmi.cmi.success_status, done.success);
      assert.match(await last('cmi.session_time'), /^PT/);
      assert.equal(s.cmi.cmi.learner_preference.language, 'en-GB');
    }
    const interactions = s.cmi.cmi.interactions;
    const n = Array.isArray(interactions) ? interactions.length : Object.keys(interactions || {}).filter((k) => /^\d+$/.test(k)).length;
    assert.equal(n, done.interactions, 'one LMS interaction per journal entry');
    const objectives = s.cmi.cmi.objectives;
    const no = Array.isArray(objectives) ? objectives.length : Object.keys(objectives || {}).filter((k) => /^\d+$/.test(k)).length;
    assert.ok(no >= 1, 'objectives reported');
    console.log(`       SCORM ${v12 ? '1.2' : '2004'}: ${done.interactions} interactions, ${no} objectives, ` +
                `${s.sets} SetValue calls, suspend_data ${done.snapshot.length} chars, ${done.completion}/${done.success}, ` +
                `content errors ${done.content_errors}`);
    assert.deepEqual(a.pageErrors, []);

    // Relaunch from what the LMS kept (and an empty browser): exact resume.
    const saved = s.cmi;
    const snapshot = done.snapshot;
    await a.context.clearCookies();
    await a.frame.evaluate(() => window.localStorage.clear());
    await a.page.close();
    if (v12) saved.cmi.core.entry = 'resume'; else saved.cmi.entry = 'resume';
    const b = await openLms(env, { version, cmi: saved.cmi, context: a.context });
    const again = await b.driver('launch');
    assert.equal(again.resumed, true);
    assert.equal(again.snapshot, snapshot, 'resumed state is exactly the saved one');
    assert.equal(again.bookmark, done.bookmark);
    const s2 = await lmsState(b);
    assert.deepEqual(s2.problems, []);
    assert.deepEqual(s2.errors, []);
    await b.page.close();
  } finally {
    await a.context.close();
  }
}

module.exports = {
  async 'packages: manifests name the course, its pass mark and every file'() {
    const { zips } = await lmsServer();
    for (const zip of zips) {
      const list = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
      const xml = execFileSync('unzip', ['-p', zip, 'imsmanifest.xml'], { encoding: 'utf8' });
      assert.ok(list.includes('imsmanifest.xml'));
      for (const f of list.filter((f) => f !== 'imsmanifest.xml')) assert.ok(xml.includes(`<file href="${f}"/>`), `${f} listed`);
      const course = JSON.parse(fs.readFileSync(path.join(ROOT, 'quizzes/course.json'), 'utf8'));
      assert.ok(xml.includes(course.title[course.languages[0]].replace(/&/g, '&amp;')));
      if (zip.endsWith('scorm12.zip')) {
        assert.match(xml, /adlcp:scormtype="sco"/);
        assert.ok(xml.includes(`<adlcp:masteryscore>${course.pass_mark}</adlcp:masteryscore>`));
        assert.ok(xml.includes('<schemaversion>1.2</schemaversion>'));
      } else {
        assert.match(xml, /adlcp:scormType="sco"/);
        assert.ok(xml.includes(`<imsss:minNormalizedMeasure>${course.pass_mark / 100}</imsss:minNormalizedMeasure>`));
        assert.ok(xml.includes('<schemaversion>2004 4th Edition</schemaversion>'));
      }
      console.log(`       ${path.basename(zip)}: ${fs.statSync(zip).size} bytes, ${list.length} files`);
    }
  },

  async 'SCORM 1.2: launch, learn, finish; every value valid, zero errors; relaunch resumes exactly'(env) { await fullRun(env, 12); },
  async 'SCORM 2004: launch, learn, finish; every value valid, zero errors; relaunch resumes exactly'(env) { await fullRun(env, 2004); },

  async 'no LMS: standalone mode, local storage, resume after reload'(env) {
    const a = await openLms(env, { version: 12, faults: { missing: true } });
    try {
      const l = await a.driver('launch');
      assert.match(l.mode, /Standalone/);
      const s = await a.driver('steps:6');
      const stored = await a.frame.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('granice:')));
      assert.ok(stored.length >= 1, 'progress is in local storage');
      // Wait for the new document: checking right after reload() could still see the old one.
      await Promise.all([a.frame.waitForNavigation(), a.frame.evaluate(() => window.location.reload())]);
      await a.frame.waitForFunction(() => window.Module && window.Module._granice_persist_test && window.granice, null, { timeout: 30000 });
      await a.frame.evaluate(() => window.granice.ready);
      const b = await a.driver('launch');
      assert.equal(b.resumed, true);
      assert.equal(b.snapshot, s.snapshot);
      assert.deepEqual((await lmsState(a)).calls, []);
    } finally { await a.context.close(); }
  },

  async 'faults: LMSInitialize false, SetValue errors, failing commits; the learner carries on and nothing is lost'(env) {
    // 1. Initialize refused: local storage carries the progress.
    let a = await openLms(env, { version: 12, faults: { initFalse: true } });
    try {
      const l = await a.driver('launch');
      assert.match(l.mode, /No LMS connection/);
      assert.ok(l.notices.length >= 1);
      const s = await a.driver('steps:5');
      assert.equal(s.did.length, 5, 'the learner carries on');
      const log = (await a.log()).map((x) => x[1]).join('\n');
      assert.match(log, /LMSInitialize failed: error 101/);
      assert.equal((await lmsState(a)).sets, 0);
    } finally { await a.context.close(); }

    // 2. suspend_data refused (2004) and the first commits fail: logged with element and value,
    //    retried, and the browser copy makes the next launch whole.
    a = await openLms(env, { version: 2004, faults: { setFail: '^cmi\\.suspend_data$', commitFail: 2 }, cmi: { learner_id: 'u-9' } });
    try {
      await a.driver('launch');
      const s = await a.driver('steps:8');
      await a.page.waitForTimeout(3500);  // retry back-off: 1 s, 2 s
      const log = (await a.log()).map((x) => x[1]).join('\n');
      assert.match(log, /SetValue\(cmi\.suspend_data, "G1\.[^"]*"\) failed: error 406/);
      assert.match(log, /Commit failed: error 391/);
      assert.match(log, /commit succeeded after/);
      const st = await lmsState(a);
      assert.deepEqual(st.problems, []);
      assert.equal(st.cmi.cmi.interactions.length === undefined ? Object.keys(st.cmi.cmi.interactions).length : st.cmi.cmi.interactions.length,
                   s.interactions);
      // Relaunch against an LMS that has everything but suspend_data: the browser copy wins.
      const cmi = st.cmi.cmi;
      cmi.entry = 'resume';
      delete cmi.suspend_data;
      const ctx = a.context;
      await a.page.close();
      const b = await openLms(env, { version: 2004, cmi, context: ctx });
      const l = await b.driver('launch');
      assert.equal(l.resumed, true);
      assert.equal(l.snapshot, s.snapshot, 'nothing lost');
      const pushed = await b.lms(() => window.lms.lastSet('cmi.suspend_data'));
      assert.equal(pushed, s.snapshot, 'the newer browser copy reaches the LMS at launch');
    } finally { await a.context.close(); }

    // 3. The LMS breaks for good mid-session: local copy is newer next time.
    a = await openLms(env, { version: 12, faults: { commitAlwaysFail: true }, cmi: { core: { student_id: 'u-3' } } });
    try {
      await a.driver('launch');
      const s = await a.driver('steps:4');
      assert.match(s.mode, /retrying/);
      await a.driver('finish');
      const ctx = a.context;
      await a.page.close();
      const b = await openLms(env, { version: 12, cmi: { core: { student_id: 'u-3', entry: 'ab-initio' } }, context: ctx });
      const l = await b.driver('launch');
      assert.equal(l.snapshot, s.snapshot);
      const st = await lmsState(b);
      assert.deepEqual(st.errors, []);
      assert.deepEqual(st.problems, []);
    } finally { await a.context.close(); }
  },
};

process.on('exit', () => { if (shared) { shared.server.close(); fs.rmSync(shared.dir, { recursive: true, force: true }); } });
