// The cmi5 runtime (web/cmi5.js, src/platform/persistence_cmi5.cpp) launched the cmi5 way
// (../shared/cmi5/cmi5_spec.md §8.1) from the packaged dist/granice-cmi5.zip against the test LMS
// (tests/browser/lms/lrs.js) in front of a real LRS (Learning Locker's statements service,
// tests/browser/lms/real_lrs.js): what the LRS stores, session by session.
'use strict';
const assert = require('assert/strict');
const crypto = require('crypto');
const path = require('path');
const { lmsServer, walk, ROOT } = require('./lms_harness');
const { settle, semantics } = require('./harness');
const L = require('./learner.js');
const { auIri, readCourse } = require('../../scripts/lms_manifest.js');
const { SESSIONID } = require('./lms/lrs');

const course = readCourse(path.join(ROOT, 'quizzes/course.json'));
const AU = auIri(course.id);
const verb = (s) => s.verb.id.split('/').pop();
const actorOf = (name) => ({ objectType: 'Agent', name, account: { homePage: 'https://lms.example.com', name: 'u-' + crypto.randomUUID() } });

// Opens the package with a fresh cmi5 launch in a fresh browser context (nothing local carried over).
async function launchAu(env, lrs, url, o) {
  const { launch, query } = lrs.newLaunch({ base: url, activityId: AU, auIri: AU, ...o });
  const driven = o.driver !== false;
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  context.setDefaultTimeout(20000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}${driven ? 'd' : ''}cmi5/index.html?${query}${driven ? '&granice-test-driver=1' : ''}`);
  await page.waitForFunction((d) => window.granice && window.Module && (!d || window.Module._granice_persist_test), driven, { timeout: 30000 });
  await page.evaluate(() => window.granice.ready);
  const driver = (action) => page.evaluate((a) => JSON.parse(window.Module.ccall('granice_persist_test', 'string', ['string'], [a])), action);
  return { launch, page, context, errors, driver };
}

const until = async (what, test, ms = 15000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const ended = (lrs, l) => () => lrs.session(l.sessionid).some((s) => verb(s) === 'terminated');

// The cmi5 rules every session must keep (§9.3, §9.6).
function checkSession(lrs, l) {
  // What the real LRS refused, or xapi-validation or the test LMS found wrong, with its message.
  assert.deepEqual(lrs.problems.filter((p) => p.includes(l.id)), [], `launch ${l.id}: no problems`);
  const list = lrs.session(l.sessionid);
  assert.ok(list.length >= 2, `session ${l.sessionid}: statements`);
  assert.equal(verb(list[0]), 'initialized', 'initialized first (§9.3.2)');
  assert.equal(verb(list[list.length - 1]), 'terminated', 'terminated last (§9.3.8)');
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
  async 'cmi5: one fetch, ordered statements, resume from the State API in a fresh browser, returnURL at exit'(env) {
    const { url, lrs } = await lmsServer();
    const actor = actorOf('Anna Nowak');
    const registration = crypto.randomUUID();
    const returnURL = url + 'lms/returned.html';
    // Session 1: part of the course, then the window closes.
    const a = await launchAu(env, lrs, url, { actor, registration, returnURL });
    const s1 = await a.driver('launch');
    assert.equal(s1.mode, 'LMS · cmi5');
    assert.equal(s1.learner_name, 'Anna Nowak');
    assert.equal(s1.learner_id, actor.account.name);
    const mid = await a.driver('steps:60');
    assert.ok(mid.interactions > 0, 'questions were answered');
    // The learner leaves (pagehide): terminated goes out with keepalive. (Playwright's close()
    // of a context does not fire pagehide; leaving the page does.)
    // (The driver answers dozens of questions in one go; a learner needs seconds for each. The
    // queue drains before the learner leaves, as it does on the screens.)
    await a.page.waitForFunction(() => window.graniceCmi5.pending() === 0);
    await a.page.goto('about:blank');
    await a.context.close();
    await until('session 1 terminated', ended(lrs, a.launch));
    const first = checkSession(lrs, a.launch);
    const answered = first.filter((s) => verb(s) === 'answered');
    const responded = first.filter((s) => verb(s) === 'responded');
    assert.ok(answered.length > 0, 'answered statements');
    assert.equal(answered.length + responded.length, mid.interactions, 'one statement per submitted answer and role-play reply');
    for (const s of answered) {
      assert.equal(s.object.definition.type, 'http://adlnet.gov/expapi/activities/cmi.interaction');
      assert.equal(typeof s.result.response, 'string');
    }
    await until('the state document', () => lrs.stateDocument(AU, actor, registration, 'granice.progress'));

    // Session 2, same registration, a fresh browser context: the State API resumes it.
    const b = await launchAu(env, lrs, url, { actor, registration, returnURL });
    const s2 = await b.driver('launch');
    assert.equal(s2.resumed, true, 'resumed');
    assert.equal(s2.bookmark, mid.bookmark, 'at the same place');
    assert.equal(s2.total_time, mid.total_time, 'the same learning time');
    assert.equal(s2.completion, mid.completion);
    const done = await walk(b.driver);
    assert.equal(done.completion, 'completed');
    const nav = b.page.waitForURL(returnURL, { timeout: 15000 });
    await b.driver('finish');
    await nav;   // §10.2.6: the AU goes to returnURL once the statements are sent
    await until('session 2 terminated', ended(lrs, b.launch));
    checkSession(lrs, b.launch);
    const all = checkRegistration(lrs, registration);
    assert.ok(all.map(verb).includes('completed'), 'completed sent');
    const verdict = all.find((s) => ['passed', 'failed'].includes(verb(s)));
    assert.ok(verdict, 'the assessment\'s verdict was sent');
    assert.equal(typeof verdict.result.score.scaled, 'number', 'with result.score.scaled');
    assert.equal(verdict.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'], 0.8, 'and the masteryscore (§9.6.3.2)');
    assert.match(lrs.session(b.launch.sessionid).pop().result.duration, /^PT/, 'terminated has a duration');
    assert.equal(lrs.fetches.filter((f) => f.launch === a.launch.id).length, 1, 'one fetch in session 1');
    assert.equal(lrs.fetches.filter((f) => f.launch === b.launch.id).length, 1, 'one fetch in session 2');
    assert.deepEqual(lrs.problems, [], 'no problems (xAPI valid, token, version header, one fetch)');
    assert.deepEqual(b.errors, []);
    await b.context.close();
    const counts = (l) => Object.entries(lrs.session(l.sessionid).map(verb).reduce((c, v) => ((c[v] = (c[v] || 0) + 1), c), {}))
      .map(([v, n]) => `${n} ${v}`).join(', ');
    const requests = (l) => lrs.requests.filter((r) => r[2] === l.id).map((r) => r[0] + ' ' + r[1])
      .reduce((c, r) => ((c[r] = (c[r] || 0) + 1), c), {});
    const bytes = (l) => JSON.stringify(lrs.session(l.sessionid)).length;
    console.log(`       the real LRS (Learning Locker xapi-statements) answered ${lrs.real.startupMs.toFixed(0)} ms after its start; ` +
                `it holds ${lrs.statements.length} statements of this run so far`);
    console.log(`       cmi5 session 1 (60 driver steps, left by closing): ${counts(a.launch)}; ${bytes(a.launch)} bytes; ` +
                `requests ${JSON.stringify(requests(a.launch))}`);
    console.log(`       cmi5 session 2 (resumed, to the end, Finish): ${counts(b.launch)}; ${bytes(b.launch)} bytes; ` +
                `requests ${JSON.stringify(requests(b.launch))}; state document ` +
                `${lrs.stateDocument(AU, actor, registration, 'granice.progress').length} bytes`);
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
    assert.deepEqual(checkSession(lrs, o.launch).map(verb), ['initialized', 'terminated'], 'nothing judged in Browse (§10.2.2)');
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
    assert.match(again.mode, /no LMS connection/, 'the reloaded page knows the session ended');
    await o.driver('steps:5');
    await o.page.goto('about:blank');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(checkSession(lrs, o.launch).map(verb), ['initialized', 'terminated'], 'Review: nothing judged, nothing after terminated');
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
    assert.equal(lrs.session(o.launch.sessionid).length, 0, 'nothing sent without a token');
    await o.context.close();
  },

  async 'cmi5: on the screens, in the preferred language, an answer reaches the LRS'(env) {
    const { url, lrs } = await lmsServer();
    const o = await launchAu(env, lrs, url, { actor: actorOf('Ewa Screens'), driver: false,
                                              preferences: { languagePreference: 'en-US,pl', audioPreference: 'off' } });
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
