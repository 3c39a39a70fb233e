// LMS integration: the real packages (scripts/package) unpacked and launched in an iframe by a
// test LMS page (tests/browser/lms/) over scorm-again's Scorm12API / Scorm2004API. Every
// SetValue is checked against the spec by lms.js; faults are injected and nothing may be lost.
//
// Two kinds of learner:
// - 'through the screens' tests: a person in the LMS frame (tests/browser/learner.js acting on
//   the Frame), SCORM 1.2 with the mouse, 2004 through the accessible DOM layer. They close the
//   course half-way through module 2's quiz, relaunch it from the LMS data alone (loadFromJSON,
//   an empty browser), check the learner lands on the same question with the same answers,
//   finish module 2, let the test driver walk modules 3-7 and take the assessment in the app's
//   own session (1.2 all right, 2004 the first answer wrong), press the results and the
//   certificate, and check every value the LMS holds against what was done. The 2004 walk is the
//   suite's walk through the DOM layer: after every step it checks the screen's title, language,
//   h1 focus, lesson pager and live region, and runs axe once per kind of screen (a11y_checks.js).
// - the test build's driver (?granice-test-driver=1: tests/web/test_driver.cpp, the one course
//   walker and the real persistence), for what the screens cannot reach quickly: whole-course
//   values straight from the engine, and injected faults.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { semantics, settle, run, SHOTS } = require('./harness.js');
const { domChecks, checkingAct, currentItems } = require('./a11y_checks.js');
const L = require('./learner.js');
const { ROOT, SITE, lmsServer, openLms, walk, lmsState, count, flatten, entries, seconds, closeCourse } = require('./lms_harness.js');

async function fullRun(env, version) {
  const v12 = version === 12;
  const cmi = v12 ? { core: { student_id: 'u-17', student_name: 'Kowalska, Anna', entry: 'ab-initio' }, student_preference: { language: 'en' } }
                  : { learner_id: 'u-17', learner_name: 'Kowalska, Anna', entry: 'ab-initio', learner_preference: { language: 'en-GB' } };
  // Every detail and a closed attempt at the end (package options): each value checked below.
  const query = 'granice-test-driver=1&lms-interactions=all&lms-exit=normal';
  // A Polish browser (the course default too): English can only come from the LMS's preference.
  const a = await openLms(env, { version, cmi, query, locale: 'pl-PL' });
  try {
    const launch = await a.driver('launch');
    assert.equal(launch.learner_name, 'Anna Kowalska');
    assert.equal(launch.learner_id, 'u-17');
    assert.equal(launch.language, 'en');
    assert.equal(launch.resumed, false);
    assert.match(launch.mode, new RegExp('SCORM ' + (v12 ? '1\\.2' : '2004')));
    // The LMS's language preference decides the first pack: English, and no Polish pack at all.
    assert.deepEqual(a.packs, ['content-en.pack.lzma'], 'the English pack first, and no other');
    assert.equal(await a.frame.evaluate(() => window.granice.languageSource), 'lms');
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
    const b = await openLms(env, { version, cmi: saved.cmi, context: a.context, query });
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

// [SECTION] A learner in the LMS frame, acting on the screens like a person

const visible = (nodes) => nodes.map((n) => `${n.role}|${n.name}|${n.checked}`);

// The response strings SCORM wants for a response in content indices (docs/scorm.md): 2004 the
// content's ids with [,] and [.]; 1.2 one character per option / item / pair index, t / f.
const char12 = (i) => (i < 26 ? String.fromCharCode(97 + i) : String(i - 26));
function responseString(q, r, v12) {
  if (q.type === 'true_false') return v12 ? q.options[r.selected[0]].id[0] : q.options[r.selected[0]].id;
  const parts = q.type === 'ordering' ? r.order.map((i) => (v12 ? char12(i) : q.items[i].id))
    : q.type === 'matching' ? r.match.map((t, i) => (v12 ? `${char12(i)}.${char12(t)}` : `${q.pairs[i].id}[.]${q.pairs[t].id}`))
      : [...r.selected].sort((a, b) => a - b).map((i) => (v12 ? char12(i) : q.options[i].id));
  return parts.join(v12 ? ',' : '[,]');
}
const TYPES = { true_false: 'true-false', ordering: 'sequencing', matching: 'matching' };

// What the LMS must hold for one thing the learner did (a submitted question or a role-play reply).
function expectedInteraction(e, v12) {
  const resp = v12 ? 'student_response' : 'learner_response';
  if (e.q) {
    const q = e.q;
    return { id: q.id, type: TYPES[q.type] || 'choice', 'objectives.0.id': q.objective,
             'correct_responses.0.pattern': responseString(q, L.plannedResponse(q, true), v12),
             [resp]: responseString(q, e.response, v12), result: e.grade.correct ? 'correct' : v12 ? 'wrong' : 'incorrect' };
  }
  const objective = (e.choice.honours || [])[0] || (e.choice.breaks || [])[0];
  return { id: `${e.rp.id}.${e.node.id}`, type: v12 ? 'performance' : 'other',
           ...(objective ? { 'objectives.0.id': objective } : {}), [resp]: e.choice.id, result: 'neutral' };  // a reply by its id, not its place
}

// Per course objective: score over the questions that test it (module quizzes + assessment, one
// attempt each here), passed at the course pass mark; every module is completed by then.
function expectedObjectives(journal) {
  const course = L.content.course;
  return course.objectives.map((o) => {
    const answers = journal.filter((e) => e.q && e.q.objective === o.id);
    const earned = answers.reduce((a, e) => a + e.grade.earned, 0);
    const possible = answers.reduce((a, e) => a + e.grade.possible, 0);
    const score = Math.round(10000 * earned / possible) / 100;
    return { id: o.id, score, success: score >= course.pass_mark ? 'passed' : 'failed' };
  });
}

const near = (a, b, why) => assert.ok(Math.abs(Number(a) - b) < 0.006, `${why}: ${a} vs ${b}`);

// The LMS's view after a session: no problems, no errors, one Initialize and one Finish.
async function checkSession(o, v12, label) {
  const s = await lmsState(o);
  assert.deepEqual(s.problems, [], `${label}: every value sent fits the spec`);
  assert.deepEqual(s.errors, [], `${label}: zero LMS errors`);
  assert.equal(count(s.calls, v12 ? 'LMSInitialize' : 'Initialize'), 1, `${label}: one Initialize`);
  assert.equal(count(s.calls, v12 ? 'LMSFinish' : 'Terminate'), 1, `${label}: one Finish / Terminate`);
  assert.ok(count(s.calls, v12 ? 'LMSCommit' : 'Commit') >= 2, `${label}: commits as the learner goes`);
  assert.deepEqual(o.pageErrors, [], `${label}: no page errors`);
  assert.deepEqual(o.consoleErrors, [], `${label}: no console errors`);
  return s;
}

// Question screens of the open quiz, from the current one back to the first (Previous question),
// then forward again to where the learner was.
async function quizScreens(frame, lang, act, back) {
  const screens = [visible(await semantics(frame))];
  const prev = lang === 'pl' ? 'Poprzednie pytanie' : 'Previous question';
  for (let i = 0; i < back; i++) {
    await act.press(frame, 'button', prev);
    screens.push(visible(await semantics(frame)));
  }
  for (let i = 0; i < back; i++) await act.press(frame, 'button', L.UI[lang].nextQ);
  assert.deepEqual(visible(await semantics(frame)), screens[0], 'back where the learner was');
  return screens;
}

// A whole course in the LMS frame, through the screens, with one close + relaunch in the middle.
// 1.2: Polish, the mouse; 2004: English (en-GB), the accessible DOM layer.
async function uiRun(env, version) {
  const v12 = version === 12;
  const lang = v12 ? 'pl' : 'en';
  // 2004 is the one walk through the DOM layer: after every step it checks the screen it lands on
  // (a11y_checks.js: title, lang, h1 focus, the lesson pager, the live region, axe once per kind).
  const checks = v12 ? null : domChecks();
  const act = v12 ? L.mouse : checkingAct(L.dom, checks.onScreen);
  const ui = L.UI[lang];
  const mods = L.content.modules;
  const m2 = mods[1];
  // Module 2's quiz draws its questions: three answers there are wrong whatever comes — the first two
  // choice-type questions before the relaunch and the first one after it (a wrong choice answer scores
  // 0, so the quiz and the listening objective are failed).
  const m2Ids = new Set(m2.quiz.questions.map((q) => q.id));
  const choiceTypes = new Set(['single_choice', 'best_reply', 'true_false', 'multiple_response']);
  let m2Wrong = 0;
  let relaunched = false;
  let matchingWrong = 0;   // the first matching item asked after module 1, so a wrong matching answer is reported
  const m1Ids = new Set(mods[0].quiz.questions.map((q) => q.id));
  const correct = (q) => {
    if (m2Ids.has(q.id) && choiceTypes.has(q.type) && m2Wrong < (relaunched ? 3 : 2)) { m2Wrong++; return false; }
    if (q.type === 'matching' && !m1Ids.has(q.id) && !q.id.startsWith('a-') && matchingWrong === 0) { matchingWrong++; return false; }
    return true;
  };
  const journal = [];   // what the learner did, in order: questions {q, response, grade}, replies {rp, node, index, choice}
  const opts = { correct, log: journal, replies: journal };
  const cmi = v12 ? { core: { student_id: 'u-21', student_name: 'Kowalska, Anna', entry: 'ab-initio' }, student_preference: { language: 'pl' } }
                  : { learner_id: 'u-21', learner_name: 'Kowalska, Anna', entry: 'ab-initio', learner_preference: { language: 'en-GB' } };
  const names = v12 ? { status: 'cmi.core.lesson_status', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit',
                        time: 'cmi.core.session_time', raw: 'cmi.core.score.raw' }
                    : { location: 'cmi.location', exit: 'cmi.exit', time: 'cmi.session_time', raw: 'cmi.score.raw' };
  const stats = {};

  // Session 1: module 1 (1.2: by the driver), then module 2's lesson and half its quiz (two answers wrong); close.
  // Packaged with every detail and a closed attempt at the end, so every value can be checked
  // (the defaults are what the LMS-profile scenarios below run).
  // The test build: its driver walks modules 3-7 below.
  const query = 'lms-interactions=all&lms-exit=normal&granice-test-driver=1';
  let t0 = Date.now();   // session times count from the launch, which openLms waits for
  // 2004: a Polish browser, the LMS's English; 1.2: an English browser, the LMS's Polish.
  const a = await openLms(env, { version, cmi, query, locale: v12 ? 'en-US' : 'pl-PL' });
  let saved;
  let before;
  try {
    await settle(a.frame);
    const home = await semantics(a.frame);
    assert.ok(home.some((n) => n.name.includes('Anna Kowalska')), 'the LMS learner name is shown');
    assert.ok(home.some((n) => n.name.includes(v12 ? 'SCORM 1.2' : 'SCORM 2004')), 'the home screen says which LMS connection it has');
    if (!v12) {
      // The course map: a new learner is on module 1 (aria-current="step" on its card, nothing else).
      await checks.onScreen(a.frame, { launched: true });
      const m1 = `Module 1: ${mods[0].title.en}`;
      assert.deepEqual(await currentItems(a.frame), [{ value: 'step', tag: 'BUTTON', name: m1 }]);
      assert.equal(await a.frame.getByRole('button', { name: m1, exact: true }).getAttribute('aria-current'), 'step');
    }
    // The LMS's language (1.2: pl, 2004: en-GB) over the browser's: its pack first, and no other.
    assert.deepEqual(a.packs, [`content-${lang}.pack.lzma`], 'the LMS language\'s pack first, and no other');
    if (v12) {
      // 1.2 (the mouse): module 1 by the test driver in the app's session, as a learner would (all
      // right, the best replies); module 2 below by mouse has every kind of screen module 1 has.
      // Module 1's screens are pressed by mouse in the design walks, by finger, by keyboard and
      // through the DOM layer (2004, below).
      const m1 = await a.driver('session-module:' + mods[0].id);
      assert.ok(!m1.error && m1.did.length > 0 && m1.did.every((d) => d.right !== false),
                'the driver walked module 1: ' + JSON.stringify(m1).slice(0, 200));
      journal.push(...L.driverJournal(m1.did));
      await settle(a.frame);
      if (await L.has(a.frame, 'button', ui.home)) await act.press(a.frame, 'button', ui.home);
      const card = new RegExp(': ' + m2.title[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$');
      await act.press(a.frame, 'button', card);
    } else {
      // Module 1 through the DOM layer, its quiz's later radio questions by the test driver
      // (module 2's quiz below is answered on the screens, before and after the relaunch).
      await act.press(a.frame, 'button', ui.start);
      await L.completeModule(a.frame, lang, act, mods[0], {}, { ...opts, quizOnScreen: 2 });
      await act.press(a.frame, 'button', `${ui.nextModule}: ${m2.title[lang]}`);
    }
    await act.press(a.frame, 'button', ui.readLesson);
    while (!(await L.has(a.frame, 'button', ui.toQuiz))) await act.press(a.frame, 'button', ui.next);
    await act.press(a.frame, 'button', ui.toQuiz);
    for (let i = 0; i < 4; i++) {
      await L.answerQuestion(a.frame, lang, act, { correct, log: journal });
      await act.press(a.frame, 'button', ui.nextQ);
    }
    before = await quizScreens(a.frame, lang, act, 4);
    await closeCourse(a, v12);
    const wall = (Date.now() - t0) / 1000;
    const s = await checkSession(a, v12, 'session 1');
    const last = (n) => a.lms((name) => window.lms.lastSet(name), n);
    assert.equal(await last(names.location), 'quiz:listening:4', 'bookmark: module 2, question 5');
    assert.equal(await last(names.exit), 'suspend');
    const t = await last(names.time);
    assert.match(t, v12 ? /^\d{4}:\d\d:\d\d\.\d\d$/ : /^PT/);
    // The app's learning time: the session's wall clock less loading (frames are counted, not rounded up).
    assert.ok(seconds(t) >= wall / 2 && seconds(t) <= wall + 1, `session 1 time ${t} within ${wall} s`);
    const flat = flatten(s.cmi.cmi, 'cmi');
    if (v12) {
      assert.equal(flat['cmi.core.lesson_status'], 'incomplete');
    } else {
      assert.equal(flat['cmi.completion_status'], 'incomplete');
      assert.equal(flat['cmi.success_status'], 'unknown');
    }
    assert.equal(entries(flat, 'interactions').length, journal.length, 'one interaction per answer and reply so far');
    // The guidelines, then (2004) the manifest's primary objective with the course result.
    const objectives = entries(flat, 'objectives').slice(0, L.content.course.objectives.length);
    assert.deepEqual(objectives.map((o) => o.id), L.content.course.objectives.map((o) => o.id));
    if (!v12) assert.equal(flat[`cmi.objectives.${objectives.length}.id`], 'granice_passed');
    // Module 1 done (its quiz all right), module 2 started, the others not yet.
    if (v12) assert.deepEqual(objectives.map((o) => o.status), ['passed', 'incomplete', ...Array(5).fill('not attempted')]);
    else {
      assert.deepEqual(objectives.map((o) => o.success_status), ['passed', ...Array(6).fill('unknown')]);
      assert.deepEqual(objectives.map((o) => o.completion_status), ['completed', 'incomplete', ...Array(5).fill('not attempted')]);
    }
    stats.session1 = { interactions: journal.length, time: t };
    saved = s.cmi.cmi;
  } finally { await a.context.close(); }

  // Session 2, in an empty browser from what the LMS kept: same question, same answers; then the
  // rest of module 2, modules 3-7 and the final assessment by the driver (2004: the first answer
  // wrong), the results and the certificate; close.
  if (v12) saved.core.entry = 'resume'; else saved.entry = 'resume';
  relaunched = true;
  t0 = Date.now();
  const b = await openLms(env, { version, cmi: saved, query });
  try {
    await settle(b.frame);
    const after = await quizScreens(b.frame, lang, act, 4);
    assert.deepEqual(after, before, 'relaunch: the same question and the earlier answers, as they were');
    await L.takeQuiz(b.frame, lang, act, { correct, log: journal });
    await act.press(b.frame, 'button', ui.toRolePlay);
    await L.playRolePlay(b.frame, lang, act, m2.id, { log: journal });
    await act.press(b.frame, 'button', ui.backToCourse);
    // Modules 3-7 by the test driver in the app's own session (one LMS session, no reload), as the
    // perfect learner: this input mode has pressed every kind of screen by now, and every screen of
    // every module is walked natively (tests/unit/test_screens_walk.cpp). The journal gets what the
    // driver answered and replied, so every value the LMS holds is still checked.
    await act.press(b.frame, 'button', ui.backToCourse);
    const walked = await b.driver('session-modules');
    assert.ok(!walked.error && walked.did.length > 0, 'the driver walked the app\'s session: ' + JSON.stringify(walked).slice(0, 200));
    journal.push(...L.driverJournal(walked.did));
    await settle(b.frame);
    if (await L.has(b.frame, 'button', ui.home)) await act.press(b.frame, 'button', ui.home);
    if (!v12) {
      // Every module done: the final assessment is the step the learner is on.
      assert.deepEqual(await currentItems(b.frame), [{ value: 'step', tag: 'BUTTON', name: ui.assessment }]);
      await checks.axe(b.frame, 'home-assessment-current');
    }
    // The assessment's 15 questions are module 1's kinds of screen again, pressed in session 1
    // (by mouse they were a quarter of this walk): the driver takes it in the same session, 1.2 all
    // right, 2004 with the first question drawn wrong; the results and the certificate are pressed.
    // The assessment through the DOM layer: cmi5's failed attempt and a11y's 200 % text walk.
    const taken = await b.driver(`session-assessment:${v12 ? 'right' : 'first-wrong'}`);
    assert.ok(!taken.error && taken.did.length === L.content.assessment.draw, 'the driver took the assessment: ' + JSON.stringify(taken).slice(0, 200));
    journal.push(...L.driverJournal(taken.did));
    await settle(b.frame);
    if (!v12) await checks.onScreen(b.frame, { launched: true });   // the results (axe), shown by the driver's walk
    await act.press(b.frame, 'button', ui.certificate);
    assert.ok((await semantics(b.frame)).some((n) => n.role === 'heading' && n.name === 'Anna Kowalska'), 'certificate names the learner');
    if (!v12) {
      // The course passed: back home, no step is current any more. (The certificate has a "Home"
      // button of its own besides the top bar's: the first.)
      await b.frame.getByRole('button', { name: ui.home, exact: true }).first().dispatchEvent('click');
      await settle(b.frame);
      assert.deepEqual(await currentItems(b.frame), [], 'the course passed: no step is current any more');
    }
    await closeCourse(b, v12);
    const wall = (Date.now() - t0) / 1000;
    const s = await checkSession(b, v12, 'session 2');
    const last = (n) => b.lms((name) => window.lms.lastSet(name), n);
    const flat = flatten(s.cmi.cmi, 'cmi');

    // Status, score, exit, time.
    const assessment = journal.filter((e) => e.q && e.q.id.startsWith('a-'));
    assert.equal(assessment.length, L.content.assessment.draw);
    const score = Math.round(10000 * assessment.reduce((x, e) => x + e.grade.earned, 0) /
                             assessment.reduce((x, e) => x + e.grade.possible, 0)) / 100;
    if (v12) assert.equal(score, 100, 'the driver answered every assessment question right');
    else {
      assert.deepEqual(assessment.map((e) => e.grade.correct), assessment.map((e, i) => i > 0), 'the first assessment answer wrong, the rest right');
      assert.ok(score >= L.content.assessment.pass_mark && score < 100, `one wrong answer still passes: ${score}`);
    }
    if (v12) {
      assert.equal(flat['cmi.core.lesson_status'], 'passed');
      assert.equal(await last(names.status), 'passed');
      near(flat['cmi.core.score.raw'], score, 'score.raw');
      assert.equal(flat['cmi.core.score.min'], '0');
      assert.equal(flat['cmi.core.score.max'], '100');
      assert.equal(await last(names.exit), '', 'exit "" once finished');
    } else {
      assert.equal(flat['cmi.completion_status'], 'completed');
      assert.equal(flat['cmi.success_status'], 'passed');
      near(flat['cmi.score.raw'], score, 'score.raw');
      assert.equal(flat['cmi.score.min'], '0');
      assert.equal(flat['cmi.score.max'], '100');
      assert.equal(flat['cmi.score.scaled'], String(Math.round(score * 100) / 10000));
      near(flat['cmi.progress_measure'], 1, 'progress_measure');
      assert.equal(await last(names.exit), 'normal');
      assert.equal(flat['cmi.learner_preference.language'], 'en-GB');
    }
    const t = await last(names.time);
    assert.match(t, v12 ? /^\d{4}:\d\d:\d\d\.\d\d$/ : /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
    assert.ok(seconds(t) >= wall / 2 && seconds(t) <= wall + 1, `session 2 time ${t} within ${wall} s`);

    // Objectives: one per guideline, scored over the questions that test it.
    const objectives = entries(flat, 'objectives').slice(0, L.content.course.objectives.length);
    const want = expectedObjectives(journal);
    assert.deepEqual(objectives.map((o) => o.id), want.map((o) => o.id), 'one objective per guideline, in order');
    want.forEach((w, i) => {
      const o = objectives[i];
      near(o['score.raw'], w.score, `objective ${w.id} score.raw`);
      assert.equal(o['score.min'], '0');
      assert.equal(o['score.max'], '100');
      if (v12) assert.equal(o.status, w.success, `objective ${w.id} status`);
      else {
        assert.equal(o.success_status, w.success, `objective ${w.id} success_status`);
        assert.equal(o.completion_status, 'completed', `objective ${w.id} completion_status`);
        assert.equal(o['score.scaled'], String(Math.round(w.score * 100) / 10000));
      }
    });
    assert.equal(want.find((o) => o.id === 'listening').success, 'failed', 'three wrong in module 2: listening not met');

    // Interactions: one per answered question and per role-play reply, in order, across both sessions.
    const got = entries(flat, 'interactions');
    assert.equal(got.length, journal.length, 'one interaction per answer and reply');
    const questions = L.content.modules.reduce((n, m) => n + L.quizLength(m), 0) + L.content.assessment.draw;
    assert.equal(journal.filter((e) => e.q).length, questions, 'every module question and the drawn assessment questions');
    journal.forEach((e, i) => {
      const w = expectedInteraction(e, v12);
      for (const [k, v] of Object.entries(w)) assert.equal(got[i][k], v, `interaction ${i} (${w.id}) ${k}`);
      assert.match(got[i][v12 ? 'time' : 'timestamp'] || '', v12 ? /^\d\d:\d\d:\d\d/ : /^20\d\d-\d\d-\d\dT/, `interaction ${i} time`);
      assert.ok(got[i].latency && seconds(got[i].latency) >= 0, `interaction ${i} latency`);
      if (e.q) {
        assert.equal(Number(got[i].weighting), e.q.points === undefined ? 1 : e.q.points);
        if (!v12) assert.ok(got[i].description.startsWith(`{lang=en}${e.q.prompt.en.slice(0, 40)}`), `interaction ${i} description`);
      } else {
        assert.equal(got[i]['correct_responses.0.pattern'], undefined, 'a role-play reply has no correct response');
      }
    });
    const wrong = got.filter((x) => x.result === (v12 ? 'wrong' : 'incorrect'));
    // When module 2 draws a matching item, it is answered wrong (both formats of a wrong matching
    // answer are also checked natively: tests/unit/test_scorm.cpp).
    if (journal.some((e) => e.q && e.q.type === 'matching' && !e.grade.correct))
      assert.ok(wrong.some((x) => x.type === 'matching'), 'a wrong matching answer is reported');
    if (!v12) assert.ok(got.some((x) => x.type === 'matching' && x.learner_response.includes('[.]') && x.learner_response.includes('[,]')));
    stats.session2 = { time: t };
    const types = {};
    for (const x of got) types[x.type] = (types[x.type] || 0) + 1;
    console.log(`       SCORM ${v12 ? '1.2' : '2004'} (${v12 ? 'mouse' : 'DOM layer'}): ${got.length} interactions ` +
                `(${JSON.stringify(types)}, ${wrong.length} ${v12 ? 'wrong' : 'incorrect'}; ${stats.session1.interactions} before the relaunch), ` +
                `score ${flat[names.raw]}, objectives ${objectives.map((o) => `${o.id} ${o['score.raw']} ${v12 ? o.status : o.success_status}`).join(', ')}, ` +
                `session_time ${stats.session1.time} + ${t}, ${s.sets} SetValue calls`);
    if (!v12) {
      checks.finish(SHOTS);
      assert.ok(checks.seen.feedback, 'a module quiz answer was announced in the live region');
      assert.equal(checks.seen.lessonPages, mods[0].lesson.pages.length + m2.lesson.pages.length, 'every lesson page\'s pager checked');
      const kinds = Object.keys(checks.report);
      assert.ok(kinds.length >= 10, `screen kinds checked: ${kinds.join(', ')}`);
      for (const kind of ['lesson', 'quiz-choice', 'quiz-choice-answered', 'roleplay', 'roleplay-ending', 'home-assessment-current'])
        assert.ok(checks.report[kind], `axe ran on ${kind}: ${kinds.join(', ')}`);
    }
  } finally { await b.context.close(); }
}

module.exports = {
  async 'packages: a release needs content that passes granice lint --strict; --draft packages it anyway'() {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-draft-'));
    const warned = path.join(ROOT, 'tests/content/cases/warn-longest-right');
    const args = ['--site', SITE, '--content', warned, '--out', out];
    let refused = null;
    try {
      await run(path.join(ROOT, 'scripts/package'), args);
    } catch (e) {
      refused = e;
    }
    assert.ok(refused, 'content with an item-quality warning is refused');
    assert.match(refused.stdout + refused.stderr, /warning: \/quiz\/questions\/0\/options\/0: the right option is 114 % longer/);
    assert.match(refused.stderr, /not ready for learners .*--draft/s);
    assert.deepEqual(fs.readdirSync(out), [], 'nothing written');
    const printed = await run(path.join(ROOT, 'scripts/package'), [...args, '--draft']);
    assert.match(printed, /draft: packaging content with warnings/);
    assert.equal(printed.split('\n').filter((l) => l.endsWith('.zip')).length, 3);
  },

  async 'packages: manifests name the course, its pass mark and every file'() {
    const { zips } = await lmsServer();
    for (const zip of zips.filter((z) => /granice-scorm/.test(z))) {  // cmi5.xml: tests/package/lms_manifest.unit.js
      const list = (await run('unzip', ['-Z1', zip])).split('\n').filter(Boolean);
      const xml = await run('unzip', ['-p', zip, 'imsmanifest.xml']);
      assert.ok(list.includes('imsmanifest.xml'));
      for (const f of list.filter((f) => f !== 'imsmanifest.xml')) assert.ok(xml.includes(`<file href="${f}"/>`), `${f} listed`);
      const course = JSON.parse(fs.readFileSync(path.join(ROOT, 'quizzes/course.json'), 'utf8'));
      assert.ok(xml.includes(course.title[course.default_language].replace(/&/g, '&amp;')));
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

  async 'SCORM 1.2 through the screens (mouse): module 2 (module 1 by the test driver), the results and the certificate in the LMS frame, closed and relaunched mid-quiz; the LMS holds what the learner did'(env) {
    await uiRun(env, 12);
  },
  async 'SCORM 2004 through the screens (DOM layer): modules 1-2, the results and the certificate in the LMS frame, closed and relaunched mid-quiz; the LMS holds what the learner did; axe on every kind of screen, focus, title, live region'(env) {
    await uiRun(env, 2004);
  },

  async 'SCORM 1.2: launch, learn, finish; every value valid, zero errors; relaunch resumes exactly'(env) { await fullRun(env, 12); },
  async 'SCORM 2004: launch, learn, finish; every value valid, zero errors; relaunch resumes exactly'(env) { await fullRun(env, 2004); },

  async 'SCORM 2004: closed in the middle of a role-play and relaunched from the LMS, the replies come back in the same shown order'(env) {
    const cmi = { learner_id: 'u-31', learner_name: 'Jan Nowak', entry: 'ab-initio', learner_preference: { language: 'pl' } };
    const ui = L.UI.pl;
    const replyOrder = async (frame) => (await semantics(frame)).filter((n) => n.group === 'replies').map((n) => n.name);
    const a = await openLms(env, { version: 2004, cmi, query: 'lms-interactions=all' });  // every reply, not runs
    let saved;
    let before;
    let order;
    try {
      await settle(a.frame);
      await L.mouse.press(a.frame, 'button', ui.start);
      await L.mouse.press(a.frame, 'button', ui.playRolePlay);
      const first = await replyOrder(a.frame);
      assert.ok(first.length >= 2, 'replies on screen');
      await L.mouse.press(a.frame, 'button', first[first.length - 1]);   // the reply shown last
      order = await replyOrder(a.frame);
      assert.ok(order.length >= 2, 'the conversation goes on');
      before = visible(await semantics(a.frame));
      await closeCourse(a, false);
      const s = await lmsState(a);
      assert.deepEqual(s.problems, []);
      assert.deepEqual(s.errors, []);
      const reply = entries(flatten(s.cmi.cmi, 'cmi'), 'interactions').find((i) => i.type === 'other');
      const rp = L.content.modules[0].roleplay;
      const chosen = rp.nodes.find((n) => n.id === rp.start).choices.find((c) => c.text.pl === first[first.length - 1]);
      assert.equal(reply.learner_response, chosen.id, 'the LMS holds the reply by its id');
      saved = s.cmi.cmi;
    } finally {
      await a.context.close();
    }
    saved.entry = 'resume';
    const b = await openLms(env, { version: 2004, cmi: saved, query: '' });
    try {
      await settle(b.frame);
      assert.deepEqual(await replyOrder(b.frame), order, 'the same replies in the same order');
      assert.deepEqual(visible(await semantics(b.frame)), before, 'the same conversation');
      assert.deepEqual(b.pageErrors, []);
    } finally {
      await b.context.close();
    }
  },

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

  async 'the first pack: the course default without an LMS preference, ?lang= over the LMS\'s; Initialize called once'(env) {
    // No preference and a German browser: the course default's pack (Polish), and no other.
    let a = await openLms(env, { version: 2004, cmi: { learner_id: 'u-51' }, locale: 'de-DE' });
    try {
      assert.deepEqual(a.packs, ['content-pl.pack.lzma'], 'the course default\'s pack, and no other');
      assert.equal(await a.frame.evaluate(() => window.granice.languageSource), 'default');
      assert.equal(await a.frame.evaluate(() => window.granice.screen().lang), 'pl', 'the course on screen in Polish');
      const s = await lmsState(a);
      assert.equal(count(s.calls, 'Initialize'), 1, 'Initialize once: at page start, its result handed to the app');
      assert.deepEqual(s.errors, []);
      const log = (await a.log()).map((x) => x[1]).join('\n');
      assert.match(log, /SCORM Initialize at page start: true/);
      assert.match(log, /SCORM 2004 API found/);
    } finally { await a.context.close(); }
    // ?lang= (a link an L&D team gives out) over the LMS's English.
    a = await openLms(env, { version: 12, cmi: { core: { student_id: 'u-52' }, student_preference: { language: 'en' } },
                             query: 'granice-test-driver=1&lang=pl', locale: 'en-US' });
    try {
      assert.deepEqual(a.packs, ['content-pl.pack.lzma'], '?lang=pl: the Polish pack, and no other');
      assert.equal(await a.frame.evaluate(() => window.granice.languageSource), 'url');
      assert.equal(await a.frame.evaluate(() => window.granice.screen().lang), 'pl', 'the course on screen in Polish');
      const l = await a.driver('launch');
      assert.equal(l.language, 'en', 'the LMS\'s preference, as the app read it');
      assert.match(l.mode, /SCORM 1\.2/);
      const log = (await a.log()).map((x) => x[1]).join('\n');
      assert.match(log, /the LMS prefers en; the page chose pl/);
      const s = await lmsState(a);
      assert.equal(count(s.calls, 'LMSInitialize'), 1);
      assert.deepEqual(s.errors, []);
    } finally { await a.context.close(); }
  },

  async 'a course that cannot start still ends the SCORM session its page began: one Initialize, one Terminate, nothing recorded'(env) {
    const { url } = await lmsServer();
    const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
    try {
      await context.route('**/app.wasm.lzma', (r) => r.fulfill({ status: 404, body: '' }));   // the course's code is missing
      const page = await context.newPage();
      await page.goto(url + 'lms/index.html');
      await page.evaluate((o) => window.lms.start(o), { version: 2004, pkg: '/pkg2004/', cmi: { learner_id: 'u-61' }, query: '' });
      const frame = await (await page.waitForSelector('#sco')).contentFrame();
      await frame.waitForFunction(() => window.granice && window.granice.errors && window.granice.errors.length > 0);
      await frame.goto('about:blank');   // the learner leaves: pagehide in the course's frame
      const calls = await page.evaluate(() => window.lms.calls.map((c) => c.m));
      assert.deepEqual(calls.filter((m) => m === 'Initialize' || m === 'Terminate'), ['Initialize', 'Terminate'], calls.join(' '));
      assert.deepEqual(calls.filter((m) => m === 'SetValue' || m === 'Commit'), [], 'nothing recorded');
    } finally {
      await context.close();
    }
  },

  async 'faults: LMSInitialize false, Initialize throwing, SetValue errors, failing commits; the learner carries on and nothing is lost'(env) {
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

    // 1b. Initialize throws (the page makes the call at its start, the app reports it): the same.
    a = await openLms(env, { version: 2004, faults: { throwOn: 'Initialize' } });
    try {
      const l = await a.driver('launch');
      assert.match(l.mode, /No LMS connection/);
      assert.ok(l.notices.length >= 1);
      const log = (await a.log()).map((x) => x[1]).join('\n');
      assert.match(log, /Initialize at page start: threw/);
      assert.match(log, /Initialize threw/);
      const st = await lmsState(a);
      assert.equal(count(st.calls, 'Initialize'), 1, 'Initialize once, at page start');
      assert.equal(st.sets, 0);
    } finally { await a.context.close(); }

    // 2. suspend_data refused (2004) and the first commits fail: logged with element and value,
    //    retried, and the browser copy makes the next launch whole.
    a = await openLms(env, { version: 2004, faults: { setFail: '^cmi\\.suspend_data$', commitFail: 2 }, cmi: { learner_id: 'u-9' } });
    try {
      await a.driver('launch');
      const s = await a.driver('steps:8');
      // The retries' back-off (1 s, 2 s): until the log says a commit went through.
      await a.frame.waitForFunction(() => window.graniceScorm.log.some((l) => /commit succeeded after/.test(l[1])), null, { timeout: 10000 });
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

