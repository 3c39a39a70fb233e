// The cmi5 runtime (web/cmi5.js, src/platform/persistence_cmi5.cpp) launched the cmi5 way
// (../shared/cmi5/cmi5_spec.md §8.1) from the packaged dist/granice-cmi5.zip against the test LMS
// (tests/browser/lms/lrs.js) in front of a real LRS (Learning Locker's statements service,
// tests/browser/lms/real_lrs.js): what the LRS stores, session by session.
'use strict';
const assert = require('assert/strict');
const crypto = require('crypto');
const path = require('path');
const { lmsServer, walk, seconds, ROOT } = require('./lms_harness');
const { settle, semantics, watchPacks } = require('./harness');
const L = require('./learner.js');
const { auIri, readCourse } = require('../../scripts/lms_manifest.js');
const { SESSIONID } = require('./lms/lrs');

const course = readCourse(path.join(ROOT, 'quizzes/course.json'));
const AU = auIri(course.id);
const verb = (s) => s.verb.id.split('/').pop();
const actorOf = (name) => ({ objectType: 'Agent', name, account: { homePage: 'https://lms.example.com', name: 'u-' + crypto.randomUUID() } });

// Opens the package with a fresh cmi5 launch in a fresh browser context (nothing local carried
// over). The test LMS first writes LMS.LaunchData and records its `launched` statement (§9.3.1).
async function launchAu(env, lrs, url, o) {
  const driven = o.driver !== false;
  const auUrl = `${url}${driven ? 'd' : ''}cmi5/index.html`;
  const { launch, query } = await lrs.newLaunch({ base: url, launchUrl: auUrl, activityId: AU, auIri: AU, ...o });
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 }, ...(o.locale ? { locale: o.locale } : {}) });
  context.setDefaultTimeout(20000);
  const page = await context.newPage();
  const packs = watchPacks(page);   // every language pack requested
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${auUrl}?${query}${driven ? '&granice-test-driver=1' : ''}`);
  await page.waitForFunction((d) => window.granice && window.Module && (!d || window.Module._granice_persist_test), driven, { timeout: 30000 });
  await page.evaluate(() => window.granice.ready);
  const driver = (action) => L.drive(page, action);
  return { launch, page, context, errors, driver, auUrl, packs };
}

const until = async (what, test, ms = 15000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const ended = (lrs, l) => () => lrs.session(l.sessionid).some((s) => verb(s) === 'terminated');

// The cmi5 rules every session must keep (§9.3, §9.6): the LMS's `launched` first (recorded before
// the AU ran, §9.3.1), then the AU's statements from `initialized` to `terminated`, all in the
// session of LMS.LaunchData.
const CMI5_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/';
function checkSession(lrs, l) {
  // What the real LRS refused, or xapi-validation or the test LMS found wrong, with its message.
  assert.deepEqual(lrs.problems.filter((p) => p.includes(l.id)), [], `launch ${l.id}: no problems`);
  const list = lrs.session(l.sessionid);
  assert.ok(list.length >= 3, `session ${l.sessionid}: statements`);
  const launched = list[0];
  assert.equal(launched.id, l.launchedId, 'the LMS\'s launched statement first, before the AU ran (§9.3.1)');
  assert.equal(verb(launched), 'launched');
  assert.equal(launched.object.id, AU);
  assert.ok(launched.context.contextActivities.category.some((a) => a.id === 'https://w3id.org/xapi/cmi5/context/categories/cmi5'));
  for (const e of ['launchmode', 'launchurl', 'moveon']) assert.ok(launched.context.extensions[CMI5_EXT + e], `launched carries ${e} (§9.6.3)`);
  assert.equal(verb(list[1]), 'initialized', 'initialized the AU\'s first (§9.3.2)');
  assert.ok(launched.timestamp <= list[1].timestamp, 'launched before initialized (§9.3: order by timestamp)');
  assert.equal(verb(list[list.length - 1]), 'terminated', 'terminated last (§9.3.8)');
  assert.ok(!list.slice(1).some((s) => verb(s) === 'launched'), 'one launched per session, never from the AU');
  for (const s of list) {
    assert.equal(s.context.registration, l.registration, 'the registration on every statement (§9.6.1)');
    assert.equal(s.context.extensions[SESSIONID], l.sessionid, 'the sessionid on every statement (§9.6.3.1)');
    assert.ok(s.context.contextActivities.grouping.some((a) => a.id === AU), 'the context template\'s grouping');
    assert.deepEqual(s.actor, l.actor, 'the launch actor');
  }
  return list;
}
function checkRegistration(lrs, registration) {
  const all = lrs.statements.filter((s) => s.context.registration === registration);
  const vs = all.map(verb);
  assert.ok(vs.filter((v) => v === 'completed').length <= 1, 'completed at most once per registration (§9.3.3)');
  assert.ok(vs.filter((v) => v === 'passed').length <= 1, 'passed at most once per registration (§9.3.4)');
  const passedAt = vs.indexOf('passed');
  if (passedAt >= 0) assert.ok(!vs.slice(passedAt).includes('failed'), 'never failed after passed');
  return all;
}

module.exports = {
  // The story in four launches of one registration: the driver for the parts that are not
  // the point; both assessment attempts begun on the screens (Start, Try again, the first answers),
  // the rest of each answered by the driver in the app's session (one statement per answer either way).
  async 'cmi5: left in module 2, resumed exactly, the assessment failed, then passed in the next session, each attempt begun on the screens; launched by the LMS before each session, one fetch each, returnURL'(env) {
    const { url, lrs } = await lmsServer();
    const actor = actorOf('Anna Nowak');
    const registration = crypto.randomUUID();
    const returnURL = url + 'lms/returned.html';
    const ui = L.UI.pl;
    // The screens through their accessible DOM layer (as a screen reader presses them; the mouse's
    // scrolling and clicks are tested in learner.test.js).
    const act = L.dom;
    const took = {};
    const launches = [];
    const open = async (o) => {
      const openedAt = Date.now();
      const l = await launchAu(env, lrs, url, { actor, registration, returnURL, preferences: { languagePreference: 'pl' }, ...o });
      l.openedAt = openedAt;
      launches.push(l);
      return l;
    };
    const leave = async (l, what) => {   // the window closes (pagehide): terminated goes out with keepalive
      await l.page.waitForFunction(() => window.graniceCmi5.pending() === 0);
      await l.page.goto('about:blank');
      await l.context.close();
      await until(what + ' terminated', ended(lrs, l.launch));
    };
    const ofSession = (l, v) => lrs.session(l.launch.sessionid).filter((s) => verb(s) === v);
    const judged = () => checkRegistration(lrs, registration).filter((s) => ['passed', 'failed'].includes(verb(s)));

    // [SECTION] Session 1 (driver): to the middle of module 2, then the window closes.
    let t = Date.now();
    const a = await open({ launchParameters: 'granice-test=1' });
    const s1 = await a.driver('launch');
    assert.equal(s1.mode, 'LMS · cmi5');
    assert.equal(s1.learner_name, 'Anna Nowak');
    assert.equal(s1.learner_id, actor.account.name);
    // Module 1 and module 2's lesson by the driver, then to the middle of module 2's quiz.
    let mid = await a.driver('steps:10');
    for (let i = 0; i < 200 && !/^quiz:listening:[2-9]$/.test(mid.bookmark); i++) mid = await a.driver('step');
    assert.match(mid.bookmark, /^quiz:listening:[2-9]$/, 'left in the middle of module 2 (its quiz): ' + mid.bookmark);
    assert.ok(mid.interactions > 0, 'questions were answered');
    // (The driver answers dozens of questions in one go; a learner needs seconds for each. The
    // queue drains before the learner leaves, as it does on the screens.)
    await leave(a, 'session 1');
    const first = checkSession(lrs, a.launch);
    const launched = first[0];
    assert.equal(launched.context.extensions[CMI5_EXT + 'launchmode'], 'Normal');
    assert.equal(launched.context.extensions[CMI5_EXT + 'launchurl'], a.auUrl, 'the URL the AU was launched at, without its parameters');
    assert.equal(launched.context.extensions[CMI5_EXT + 'moveon'], 'CompletedAndPassed');
    assert.equal(launched.context.extensions[CMI5_EXT + 'masteryscore'], 0.8);
    assert.equal(launched.context.extensions[CMI5_EXT + 'launchparameters'], 'granice-test=1');
    const answered1 = ofSession(a, 'answered');
    assert.ok(answered1.length > 0, 'answered statements');
    assert.equal(answered1.length + ofSession(a, 'responded').length, mid.interactions, 'one statement per submitted answer and role-play reply');
    for (const s of answered1) {
      assert.equal(s.object.definition.type, 'http://adlnet.gov/expapi/activities/cmi.interaction');
      assert.equal(typeof s.result.response, 'string');
      assert.match(s.result.duration, /^PT/);
    }
    await until('the state document', () => lrs.stateDocument(AU, actor, registration, 'granice.progress'));
    took[1] = Date.now() - t;

    // [SECTION] Session 2 (driver), a fresh browser: the State API resumes it exactly; every module, then Finish -> returnURL.
    t = Date.now();
    const b = await open({});
    const s2 = await b.driver('launch');
    assert.equal(s2.resumed, true, 'resumed');
    assert.equal(s2.bookmark, mid.bookmark, 'at the same place');
    assert.equal(s2.completion, mid.completion);
    // The learning time as saved at the window's close: the driver's, plus the moments the page stayed open after it.
    assert.ok(s2.total_time >= mid.total_time && s2.total_time - mid.total_time < 3, `the same learning time: ${mid.total_time} -> ${s2.total_time}`);
    let modules = s2;
    for (let i = 0; i < 20; i++) {
      const r = await b.driver('modules:200');
      if (!r.did.length) break;
      modules = r;
    }
    assert.equal(modules.completion, 'incomplete', 'every module done, the assessment not yet');
    const nav = b.page.waitForURL(returnURL, { timeout: 15000 });
    await b.driver('finish');
    await nav;   // §10.2.6: the AU goes to returnURL once the statements are sent
    await until('session 2 terminated', ended(lrs, b.launch));
    await b.context.close();
    checkSession(lrs, b.launch);
    assert.equal(ofSession(b, 'answered').length + ofSession(b, 'responded').length, modules.interactions - s2.interactions,
                 'one statement per answer and reply of this session');
    assert.deepEqual(judged(), [], 'no verdict before the assessment');
    took[2] = Date.now() - t;

    // [SECTION] Session 3 (the screens, then the driver): the assessment failed; attempts are left, so `failed` waits for the session's end.
    // The attempt is started and its first three questions answered on the screens (one of them
    // wrong); the driver answers the rest wrong in the app's session, and the app shows the
    // results as its Finish button does. (The learner's package on the screens: the test below,
    // "on the screens, in the preferred language".)
    t = Date.now();
    const c = await open({});
    await settle(c.page);
    if (!(await L.has(c.page, 'button', ui.assessment))) await act.press(c.page, 'button', ui.home);
    await act.press(c.page, 'button', ui.assessment);
    const failing = [];
    await L.takeQuizThenDriver(c.page, 'pl', act, 'session-assessment:wrong', 3, { correct: () => failing.length !== 1, log: failing });
    assert.equal(failing.length, L.content.assessment.draw, 'every question of the attempt answered');
    assert.ok(await L.has(c.page, 'button', ui.tryAgain), 'failed, with attempts left: Try again');
    await c.page.waitForFunction(() => window.graniceCmi5.pending() === 0);
    const score = (log) => Math.round((10000 * log.reduce((n, x) => n + x.grade.earned, 0)) / log.reduce((n, x) => n + x.grade.possible, 0)) / 10000;
    assert.ok(score(failing) < 0.8, 'a failing score: ' + score(failing));
    assert.deepEqual(judged(), [], 'after the failed attempt, neither passed nor failed while the session goes on (attempts are left)');
    assert.equal(ofSession(c, 'completed').length, 1, 'completed once the assessment was attempted');
    assert.equal(ofSession(c, 'answered').length, failing.length, 'one answered per question answered');
    assert.deepEqual(ofSession(c, 'answered').map((s) => s.result.success), failing.map((x) => x.grade.correct), 'each answer judged as the engine did');
    await leave(c, 'session 3');
    const third = checkSession(lrs, c.launch);
    assert.deepEqual(third.map(verb).filter((v) => v !== 'answered'), ['launched', 'initialized', 'completed', 'failed', 'terminated'],
                     'the session ends with the failure: failed, then terminated (§9.3)');
    const failed = ofSession(c, 'failed')[0];
    assert.equal(failed.result.success, false);
    assert.equal(failed.result.score.scaled, score(failing), 'the failed attempt\'s score');
    assert.equal(failed.context.extensions[CMI5_EXT + 'masteryscore'], 0.8, 'with the masteryscore (§9.6.3.2)');
    took[3] = Date.now() - t;

    // [SECTION] Session 4 (the screens, then the driver): the results again, Try again, passed.
    t = Date.now();
    const d = await open({});
    await settle(d.page);
    if (!(await L.has(d.page, 'button', ui.tryAgain))) await act.press(d.page, 'button', ui.assessment);
    else await act.press(d.page, 'button', ui.tryAgain);
    const passing = [];
    await L.takeQuizThenDriver(d.page, 'pl', act, 'session-assessment:right', 2, { log: passing });
    await d.page.waitForFunction(() => window.graniceCmi5.pending() === 0);
    assert.equal(ofSession(d, 'passed').length, 1, 'passed as soon as the passing attempt ends');
    await leave(d, 'session 4');
    const fourth = checkSession(lrs, d.launch);
    assert.deepEqual(fourth.map(verb).filter((v) => v !== 'answered'), ['launched', 'initialized', 'passed', 'terminated']);
    assert.equal(ofSession(d, 'answered').length, passing.length, 'one answered per question answered');
    const passed = ofSession(d, 'passed')[0];
    assert.equal(passed.result.success, true);
    assert.equal(passed.result.score.scaled, score(passing), 'the passing attempt\'s score');
    assert.equal(passed.context.extensions[CMI5_EXT + 'masteryscore'], 0.8);
    took[4] = Date.now() - t;

    // [SECTION] The registration: completed and passed once, failed before passed and never after; durations.
    const all = checkRegistration(lrs, registration);
    assert.deepEqual(all.map(verb).filter((v) => ['completed', 'passed', 'failed'].includes(v)), ['completed', 'failed', 'passed']);
    assert.equal(all.filter((s) => verb(s) === 'launched').length, 4, 'one launched per launch');
    assert.equal(all.filter((s) => verb(s) === 'answered').length, launches.reduce((n, l) => n + ofSession(l, 'answered').length, 0));
    assert.ok(seconds(passed.result.duration) > seconds(failed.result.duration), 'the learning time grows from the failure to the pass');
    // terminated's duration: initialized to terminated (§9.5.4.1), to the hundredth of a second
    // of their timestamps. The driver's steps in sessions 1 and 2 take the walker's simulated
    // seconds (the statements' timestamps move on with them); in sessions 3 and 4 the driver's
    // answers are stamped no earlier than the saved progress's clock, which those minutes left
    // ahead of the wall clock, so their bound is the session's wall time plus that lead.
    const driven = [mid.total_time, modules.total_time - s2.total_time];
    for (const [i, l] of launches.entries()) {
      const end = ofSession(l, 'terminated')[0];
      const spent = seconds(end.result.duration);
      const between = (Date.parse(end.timestamp) - Date.parse(ofSession(l, 'initialized')[0].timestamp)) / 1000;
      assert.ok(Math.abs(spent - between) < 0.011, `session ${i + 1}: terminated's duration ${end.result.duration} is initialized to terminated: ${between} s`);
      if (i < 2) assert.ok(spent >= driven[i] - 1, `session ${i + 1}: terminated's duration ${end.result.duration} covers the driver's ${driven[i]} s`);
      else {
        const lead = Math.max(0, Date.parse(ofSession(launches[i - 1], 'terminated')[0].timestamp) - l.openedAt);
        assert.ok(spent * 1000 <= took[i + 1] + lead + 2000,
                  `session ${i + 1}: terminated's duration ${end.result.duration} within its ${took[i + 1]} ms and the saved clock's lead of ${lead} ms`);
      }
      assert.equal(lrs.fetches.filter((f) => f.launch === l.launch.id).length, 1, `one fetch in session ${i + 1}`);
      assert.deepEqual(l.errors, [], `no page errors in session ${i + 1}`);
    }
    assert.deepEqual(lrs.problems, [], 'no problems (xAPI valid, token, version header, one fetch)');

    const counts = (l) => Object.entries(lrs.session(l.launch.sessionid).map(verb).reduce((n, v) => ((n[v] = (n[v] || 0) + 1), n), {}))
      .map(([v, n]) => `${n} ${v}`).join(', ');
    const requests = (l) => lrs.requests.filter((r) => r[2] === l.launch.id).map((r) => r[0] + ' ' + r[1])
      .reduce((n, r) => ((n[r] = (n[r] || 0) + 1), n), {});
    const bytes = (l) => JSON.stringify(lrs.session(l.launch.sessionid)).length;
    const what = ['driver to module 2\'s quiz, left by closing', 'resumed, every module by driver, Finish -> returnURL',
                  'screens then driver: assessment failed, left by closing', 'screens then driver: Try again, passed, left by closing'];
    console.log(`       the real LRS (Learning Locker xapi-statements) answered ${lrs.real.startupMs.toFixed(0)} ms after its start; ` +
                `it holds ${lrs.statements.length} statements of this run so far`);
    for (const [i, l] of launches.entries())
      console.log(`       cmi5 session ${i + 1} (${what[i]}; ${took[i + 1]} ms): ${counts(l)}; ${bytes(l)} bytes; ` +
                  `terminated duration ${ofSession(l, 'terminated')[0].result.duration}; requests ${JSON.stringify(requests(l))}`);
    console.log(`       state document ${lrs.stateDocument(AU, actor, registration, 'granice.progress').length} bytes; ` +
                `scores: failed ${failed.result.score.scaled}, passed ${passed.result.score.scaled}`);
  },

  async 'cmi5: the LRS down for part of a session: the learner is told, nothing is lost, nothing doubled'(env) {
    const { url, lrs } = await lmsServer();
    const o = await launchAu(env, lrs, url, { actor: actorOf('Jan Outage') });
    await o.driver('launch');
    await o.page.waitForFunction(() => window.graniceCmi5.pending() === 0);
    lrs.downFor = o.launch.token;   // 503 for this launch only (other tests share the LRS)
    const during = await o.driver('steps:15');
    await o.page.waitForFunction(() => window.graniceCmi5.failures > 0);
    const told = await o.driver('status');
    assert.match(told.mode, /retrying/, 'the mode label says the send is retried');
    assert.ok(await o.page.evaluate((k) => (localStorage.getItem(k) || '').length > 0, 'granice:cmi5:queue:' + o.launch.registration),
              'the queue is kept in local storage');
    lrs.downFor = null;
    await o.page.waitForFunction(() => window.graniceCmi5.pending() === 0, null, { timeout: 20000 });
    await o.page.goto('about:blank');
    await until('terminated', ended(lrs, o.launch));
    const list = checkSession(lrs, o.launch);
    const ids = list.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, 'no statement twice');
    assert.equal(list.filter((s) => ['answered', 'responded'].includes(verb(s))).length, during.interactions, 'every answer arrived');
    await o.context.close();
  },

  async 'cmi5: a statement the LRS refuses (400) is logged and set aside; the others still arrive in order'(env) {
    const { url, lrs } = await lmsServer();
    const o = await launchAu(env, lrs, url, { actor: actorOf('Kasia Refused') });
    await o.driver('launch');
    let bad = null;
    lrs.refuse = (s) => s.context.extensions[SESSIONID] === o.launch.sessionid && verb(s) === 'responded' && (!bad || bad === s.id) && (bad = s.id);
    try {
      const during = await o.driver('steps:30');
      await o.page.waitForFunction(() => window.graniceCmi5.pending() === 0, null, { timeout: 20000 });
      assert.ok(bad, 'a responded statement was refused');
      const setAside = await o.page.evaluate((k) => localStorage.getItem(k), 'granice:cmi5:queue:' + o.launch.registration + ':refused');
      assert.ok(setAside && setAside.includes(bad), 'set aside in local storage');
      const log = await o.page.evaluate(() => window.graniceScorm.log.map((l) => l[1]).join('\n'));
      assert.ok(log.includes(`the LRS refused statement ${bad}: HTTP 400 statement ${bad} refused by the test`), 'logged with the LRS\'s message');
      await o.page.goto('about:blank');
      await until('terminated', ended(lrs, o.launch));
      const list = checkSession(lrs, o.launch);
      assert.ok(!list.some((s) => s.id === bad), 'the refused one is not stored');
      assert.equal(list.filter((s) => ['answered', 'responded'].includes(verb(s))).length, during.interactions - 1, 'every other answer arrived');
      // Refused in its batch, then alone (to tell it from the rest of the batch), then never again.
      assert.equal(lrs.refused.filter((id) => id === bad).length, 2, 'the refused statement is not resent blindly');

    } finally {
      lrs.refuse = null;
    }
    await o.context.close();
  },

  async 'cmi5: a damaged state document in the LRS is kept in the browser before the course writes a new one'(env) {
    const { url, lrs } = await lmsServer();
    const actor = actorOf('Zofia Damaged');
    const registration = crypto.randomUUID();
    lrs.setStateDocument(AU, actor, registration, 'granice.progress', '{"snapshot": 17}');
    const o = await launchAu(env, lrs, url, { actor, registration });
    const s = await o.driver('launch');
    assert.equal(s.mode, 'LMS · cmi5', 'the launch goes on');
    assert.equal(s.resumed, false);
    const kept = await o.page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.lrs-state.damaged.'))
      .map((k) => localStorage.getItem(k)));
    assert.deepEqual(kept, ['{"snapshot": 17}'], 'the LRS\'s document is kept aside');
    const log = await o.page.evaluate(() => window.graniceScorm.log.map((l) => l[1]).join('\n'));
    assert.match(log, /cmi5 state document granice\.progress refused: .*kept under/);
    await o.driver('steps:5');
    await o.page.goto('about:blank');
    await until('terminated', ended(lrs, o.launch));
    assert.match(lrs.stateDocument(AU, actor, registration, 'granice.progress'), /"snapshot":"G1\./, 'a new document once the learner moves');
    await o.context.close();
  },

  async 'cmi5: a Browse launch sends only initialized and terminated'(env) {
    const { url, lrs } = await lmsServer();
    const o = await launchAu(env, lrs, url, { actor: actorOf('Ola Browse'), mode: 'Browse' });
    const s = await o.driver('launch');
    assert.match(s.mode, /browse/);
    await walk(o.driver);
    await o.driver('finish');
    await until('terminated', ended(lrs, o.launch));
    const list = checkSession(lrs, o.launch);
    assert.deepEqual(list.map(verb), ['launched', 'initialized', 'terminated'], 'nothing judged in Browse (§10.2.2)');
    assert.equal(list[0].context.extensions[CMI5_EXT + 'launchmode'], 'Browse', 'the LMS\'s launched names the mode (§9.6.3.3)');
    await o.context.close();
  },

  async 'cmi5: Review records nothing but initialized and terminated; a reload never fetches twice nor sends after terminated'(env) {
    const { url, lrs } = await lmsServer();
    const actor = actorOf('Marta Review');
    const o = await launchAu(env, lrs, url, { actor, mode: 'Review' });
    assert.match((await o.driver('launch')).mode, /review, nothing is recorded/);
    await o.driver('steps:10');
    await o.page.reload();   // pagehide: terminated; the reloaded page must not fetch again
    await o.page.evaluate(() => window.granice.ready);
    await until('terminated', ended(lrs, o.launch));
    const again = await o.driver('launch');
    assert.match(again.mode, /LMS · cmi5 · session ended/, 'the reloaded page knows the session ended');
    assert.deepEqual(again.notices, ['This LMS session has already ended; progress is saved in this browser. ' +
                                     'To record it in the LMS, open the course from the LMS again.'], 'told so, not "could not connect"');
    await o.driver('steps:5');
    await o.page.goto('about:blank');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(checkSession(lrs, o.launch).map(verb), ['launched', 'initialized', 'terminated'], 'Review: nothing judged, nothing after terminated');
    assert.equal(lrs.fetches.filter((f) => f.launch === o.launch.id).length, 1, 'one fetch across the reload');
    assert.equal(lrs.stateDocument(AU, actor, o.launch.registration, 'granice.progress'), undefined, 'Review writes no state');
    assert.deepEqual(lrs.problems.filter((p) => p.includes(o.launch.id)), []);
    await o.context.close();
  },

  async 'cmi5: a refused fetch is told to the learner, who goes on with progress kept in the browser'(env) {
    const { url, lrs } = await lmsServer();
    const o = await launchAu(env, lrs, url, { actor: actorOf('Piotr Offline'), refuseFetch: true });
    const s = await o.driver('launch');
    assert.ok(s.notices.some((n) => /Could not connect to the LMS/.test(n)), 'told: ' + JSON.stringify(s.notices));
    assert.match(s.mode, /no LMS connection/);
    const after = await o.driver('steps:20');
    assert.ok(after.interactions > 0 || after.did.length > 0, 'the learner goes on');
    const kept = await o.page.evaluate((k) => localStorage.getItem(k), 'granice:' + course.id);
    assert.ok(kept && kept.length > 0, 'progress kept in the browser');
    assert.equal(lrs.fetches.filter((f) => f.launch === o.launch.id).length, 1, 'fetch tried once');
    assert.deepEqual(lrs.session(o.launch.sessionid).map(verb), ['launched'], 'only the LMS\'s launched: nothing sent without a token');
    await o.context.close();
  },

  async 'cmi5: on the screens, in the preferred language, an answer reaches the LRS'(env) {
    const { url, lrs } = await lmsServer();
    // A Polish browser (the course default too): English can only come from the agent profile.
    const o = await launchAu(env, lrs, url, { actor: actorOf('Ewa Screens'), driver: false, locale: 'pl-PL',
                                              preferences: { languagePreference: 'en-US,pl', audioPreference: 'off' } });
    assert.deepEqual(o.packs, ['content-en.pack.lzma'], 'the preferred language\'s pack first, and no Polish pack');
    assert.equal(await o.page.evaluate(() => window.granice.languageSource), 'lms');
    assert.equal(lrs.fetches.filter((f) => f.launch === o.launch.id).length, 1, 'one POST to the fetch URL');
    const ui = L.UI.en;
    await settle(o.page);
    assert.ok(!(await L.has(o.page, 'textbox', ui.name)), 'the LMS gave the name: not asked');
    await L.mouse.press(o.page, 'button', ui.start);
    await L.mouse.press(o.page, 'button', ui.takeQuiz);
    await L.answerQuestion(o.page, 'en', L.mouse);
    await until('an answered statement', () => lrs.session(o.launch.sessionid).some((s) => verb(s) === 'answered'));
    const answered = lrs.session(o.launch.sessionid).find((s) => verb(s) === 'answered');
    const d = answered.object.definition;
    assert.ok(Object.keys(d.description || d.name || {}).some((k) => k.startsWith('en')), 'the question in English too: ' + JSON.stringify(d).slice(0, 300));
    assert.ok((await semantics(o.page)).length > 0);
    await o.page.goto('about:blank');
    await until('terminated', ended(lrs, o.launch));
    await o.context.close();
    checkSession(lrs, o.launch);
    assert.deepEqual(o.errors, []);
  },
};
