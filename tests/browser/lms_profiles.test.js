// The course in LMSes that behave like real ones (issue 16): the default package (one record per
// question and per role-play run, the attempt left open when finished) in a Moodle-like LMS and in
// a permissive one (tests/browser/lms/profiles.js), both SCORM versions, session after session:
//   1. the learner starts on the screens and leaves mid-module;
//   2. comes back and works through every module (the platform's test driver, for speed: the
//      same persistence and LMS calls as the screens), then, in the next launch, fails the final
//      assessment on the screens;
//   3. comes back and passes it on the screens (packaged with --lms-exit normal here, so that
//      Moodle reopens the finished attempt in review mode);
//   4. reopens the finished course: Moodle launches a review (no state): nothing may be written;
//   5. reopens it on another device in normal mode without state: nothing is written until the
//      learner chooses to take it again, and then nothing is lowered.
// After each session: no refused call, every request delivered (the last one by beacon), no field
// past max_input_vars, statuses and score never going backwards, the name shown as "First Last".
'use strict';
const assert = require('assert/strict');
const { semantics, settle } = require('./harness.js');
const L = require('./learner.js');
const { openLms, closeCourse } = require('./lms_harness.js');

const lang = 'en';
const ui = L.UI[lang];
const act = L.dom;

// [SECTION] Ranks: a status may only move up
const COMPLETION = { unknown: 0, 'not attempted': 0, incomplete: 1, completed: 2 };
const SUCCESS = { unknown: 0, failed: 1, passed: 2 };
const LESSON = { 'not attempted': 0, browsed: 1, incomplete: 2, completed: 3, failed: 3, passed: 4 };
const rank = (table, v) => (v === null || v === undefined ? -1 : table[v]);

function neverBackwards(history, label) {
  for (let i = 1; i < history.length; i++) {
    const [a, b] = [history[i - 1], history[i]];
    for (const [k, table] of [['completion', COMPLETION], ['success', SUCCESS], ['lesson_status', LESSON]])
      assert.ok(rank(table, b[k]) >= rank(table, a[k]), `${label}: ${k} went back from ${a[k]} to ${b[k]}`);
    if (a.score !== null && b.score !== null) assert.ok(Number(b.score) >= Number(a.score), `${label}: score went down`);
  }
}

// What the Moodle-like LMS saw in the session that just ended.
const profileState = (o) => o.lms(() => {
  const p = window.lms.profile;
  return { refused: p.refused, requests: p.requests, maxFields: p.maxFields, maxBytes: p.maxBytes,
           dropped: p.droppedFields, history: p.history, reviewWrites: p.reviewWrites, mode: p.mode,
           problems: window.lms.problems, errors: window.lms.errors, sets: window.lms.sets().length,
           store: window.lms.store() };
});

// The screen a launch opens on (the bookmark); `goHome` then goes to the course's home screen.
async function home(frame, goHome = false) {
  await settle(frame);
  if (goHome && await L.has(frame, 'button', 'Home')) {
    // The results screen has two (the navigation bar's and its own): either goes home.
    await frame.getByRole('button', { name: 'Home', exact: true }).first().dispatchEvent('click');
    await settle(frame);
  }
  return semantics(frame);
}
const shows = (nodes, text) => nodes.some((n) => n.name.includes(text));

// One attempt at the assessment, all right or all wrong, by the test driver in the app's own
// session (tests/web/test_driver.cpp): these tests judge what the LMS keeps, and the assessment's
// screens are pressed in the LMS frame by scorm.test.js's walks.
async function assessmentByDriver(o, right) {
  const r = await o.driver(`session-assessment:${right ? 'right' : 'wrong'}`);
  assert.ok(!r.error, r.error);
  assert.equal(r.did.filter((d) => d.answer).length, L.content.assessment.draw,
               `one attempt: every drawn question answered (${JSON.stringify(r).slice(0, 300)})`);
  await settle(o.frame);
}

// [SECTION] Moodle-like
async function moodleScenario(env, version) {
  const v12 = version === 12;
  const status = v12 ? 'cmi.core.lesson_status' : 'cmi.success_status';
  const raw = v12 ? 'cmi.core.score.raw' : 'cmi.score.raw';
  const exit = v12 ? 'cmi.core.exit' : 'cmi.exit';
  const profileOptions = { learner_id: 'u-41', learner_name: 'Kowalska, Anna', language: v12 ? 'en' : 'en-GB',
                           mastery_score: 80, strict12: true };
  let store = {};
  let history = [];
  const numbers = [];
  // A Polish browser (the course default too): each session's English comes from the LMS's preference.
  const open = async (query = '', extra = {}) => {
    const o = await openLms(env, { version, profile: 'moodle', profileOptions, store, query, locale: 'pl-PL', ...extra });
    assert.deepEqual(o.packs, ['content-en.pack.lzma'], 'the LMS\'s English: its pack first, and no Polish pack');
    return o;
  };
  async function end(o, label, { review = false } = {}) {
    await closeCourse(o, v12);
    const p = await profileState(o);
    assert.deepEqual(p.refused, [], `${label}: no value refused`);
    assert.deepEqual(p.problems, [], `${label}: every value fits the spec`);
    assert.deepEqual(p.errors, [], `${label}: no LMS error`);
    assert.equal(p.dropped, 0, `${label}: no field past max_input_vars`);
    assert.ok(p.requests.every((r) => r.delivered), `${label}: every request delivered, the last one (beacon) too: ` +
              JSON.stringify(p.requests.filter((r) => !r.delivered)));
    assert.equal(p.reviewWrites, 0, `${label}: nothing written in review`);
    assert.deepEqual(o.pageErrors, [], `${label}: no page errors`);
    if (!review) assert.ok(p.requests.some((r) => r.via === 'beacon'), `${label}: the last data went on unload`);
    history = history.concat(p.history);
    neverBackwards(history, label);
    numbers.push(`${label}: ${p.requests.length} requests, max ${p.maxFields} fields / ${p.maxBytes} B`);
    store = p.store;
    await o.context.close();
    return p;
  }

  // 1. Start on the screens, two lesson pages, leave.
  let o = await open();
  let nodes = await home(o.frame);
  assert.ok(shows(nodes, 'Anna Kowalska'), 'the name is shown as "First Last"');
  assert.ok(!shows(nodes, 'Kowalska, Anna'));
  await act.press(o.frame, 'button', ui.start);
  await act.press(o.frame, 'button', ui.readLesson);
  await act.press(o.frame, 'button', ui.next);
  await end(o, 'session 1');
  assert.equal(store[v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status'], 'incomplete');
  assert.ok(store['cmi.suspend_data'], 'suspend_data stored');
  assert.equal(store[exit], 'suspend');
  if (!v12) {
    assert.equal(store['cmi.objectives.0.id'], 'granice_passed', "the manifest's objective keeps index 0");
    assert.deepEqual(L.content.course.objectives.map((x, i) => store[`cmi.objectives.${i + 1}.id`]),
                     L.content.course.objectives.map((x) => x.id), 'the guidelines after it, by id');
  }

  // 2. Every module, then the assessment failed (both by the driver).
  o = await open('granice-test-driver=1');
  const launch = await o.driver('launch');
  assert.equal(launch.resumed, true, 'resumed from the LMS alone (another browser)');
  for (let i = 0; i < 50; i++) if (!(await o.driver('modules:200')).did.length) break;
  await end(o, 'session 2a');
  o = await open('granice-test-driver=1');
  await home(o.frame, true);
  await assessmentByDriver(o, false);
  await end(o, 'session 2b');
  assert.equal(store[status], 'failed');
  assert.equal(store[exit], 'suspend', 'attempts left: the attempt stays open');

  // 3. The retake, passed; this package closes the attempt when finished.
  o = await open('lms-exit=normal&granice-test-driver=1');
  await home(o.frame, true);
  await assessmentByDriver(o, true);
  const p3 = await end(o, 'session 3');
  assert.equal(store[status], 'passed');
  assert.equal(store[raw], '100');
  assert.equal(store[exit], v12 ? '' : 'normal');
  assert.ok(store[v12 ? 'cmi.core.total_time' : 'cmi.total_time'], 'total time recorded');
  assert.ok(p3.maxFields < 1000 && p3.maxBytes < 65536, `within Moodle's limits: ${p3.maxFields} fields, ${p3.maxBytes} B`);

  // 4. Reopened: Moodle launches a review without state. Nothing may be written.
  const before = JSON.stringify(store);
  o = await open();
  nodes = await home(o.frame);
  assert.ok(shows(nodes, 'Review mode'), 'the learner is told nothing is recorded');
  assert.ok(shows(nodes, 'Course already completed'), 'and that the course is completed');
  assert.ok(!nodes.some((n) => n.role === 'button' && n.name === 'Take the course again'), 'no choice in a review');
  await act.press(o.frame, 'button', ui.start);
  await act.press(o.frame, 'button', ui.readLesson);
  await act.press(o.frame, 'button', ui.next);
  const p4 = await end(o, 'session 4 (review)', { review: true });
  assert.equal(p4.mode, 'review');
  assert.equal(p4.sets, 0, 'no SetValue at all in review');
  assert.equal(JSON.stringify(store), before, 'the store is unchanged');

  // 5. Another device, a normal launch that brings no state: nothing until the learner chooses.
  const bare = { ...store };
  delete bare['cmi.suspend_data'];
  delete bare[v12 ? 'cmi.core.lesson_location' : 'cmi.location'];
  bare._attempt = { ...bare._attempt, exit: 'suspend' };
  store = bare;
  o = await open();
  nodes = await home(o.frame);
  assert.ok(shows(nodes, 'Course already completed'));
  assert.equal((await profileState(o)).sets, 0, 'nothing written before the choice');
  await act.press(o.frame, 'button', 'Take the course again');
  await act.press(o.frame, 'button', ui.start);
  const p5 = await end(o, 'session 5 (another device)');
  assert.ok(p5.sets > 0, 'recording once the learner chose');
  assert.equal(store[status], 'passed', 'still passed');
  assert.equal(store[raw], '100', 'the score is not lowered');
  if (!v12) assert.equal(store['cmi.completion_status'], 'completed');
  console.log(`       Moodle-like SCORM ${v12 ? '1.2 (strict 4096/255)' : '2004'}: ${numbers.join('; ')}`);
}

// [SECTION] Permissive: says yes, keeps nothing; the browser's copy carries the learner
async function permissiveScenario(env, version) {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  const open = (query = '') => openLms(env, { version, profile: 'permissive', query, context });
  try {
    let o = await open();
    await home(o.frame);
    // The LMS gives no name (GetValue answers ""), so the course asks for one.
    await act.enterText(o.frame, ui.name, 'Anna Nowak');
    await act.press(o.frame, 'button', ui.nameContinue);
    await act.press(o.frame, 'button', ui.start);
    await act.press(o.frame, 'button', ui.readLesson);
    await act.press(o.frame, 'button', ui.next);
    await closeCourse(o, version === 12);
    await o.page.close();

    o = await open('granice-test-driver=1');
    const launch = await o.driver('launch');
    assert.equal(launch.resumed, true, 'the browser kept the progress the LMS did not');
    assert.match(launch.bookmark, /^lesson:/);
    for (let i = 0; i < 50; i++) if (!(await o.driver('modules:200')).did.length) break;
    await closeCourse(o, version === 12);
    await o.page.close();

    o = await open('granice-test-driver=1');
    await home(o.frame, true);
    await assessmentByDriver(o, true);
    const nodes = await home(o.frame, true);
    assert.ok(shows(nodes, 'Course passed'), 'passed, from the browser copy across launches');
    assert.ok(shows(nodes, 'Anna Nowak'), 'the name given in the first session');
    assert.deepEqual(o.pageErrors, []);
    await closeCourse(o, version === 12);
  } finally {
    await context.close();
  }
}

module.exports = {
  async 'Moodle-like SCORM 1.2 (strict mode): five sessions; nothing refused, nothing lost, nothing lowered, review writes nothing'(env) {
    await moodleScenario(env, 12);
  },
  async 'Moodle-like SCORM 2004: five sessions; objectives by id, every commit within 1,000 fields and a 64 KiB beacon, review writes nothing'(env) {
    await moodleScenario(env, 2004);
  },
  async 'permissive LMS SCORM 1.2: keeps nothing; the browser copy carries the learner to a pass'(env) {
    await permissiveScenario(env, 12);
  },
  async 'permissive LMS SCORM 2004: keeps nothing; the browser copy carries the learner to a pass'(env) {
    await permissiveScenario(env, 2004);
  },
};
