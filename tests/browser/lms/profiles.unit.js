// Unit tests of the LMS profiles (profiles.js), in plain Node: each test drives a profile's API
// as a course would and checks what it answers and what reaches the server store.
//   node tests/browser/lms/profiles.unit.js
'use strict';
const assert = require('node:assert/strict');
const { check, METHODS, MoodleLike, Permissive } = require('./profiles.js');

const { test, report } = require('../../node_unit.js');

const LEARNER = { learner_id: 'u-17', learner_name: 'Kowalska, Anna', language: 'en-GB', mastery_score: 80 };

// A started session over store (a new one when omitted).
function session(version, store = {}, options = {}) {
  const p = new MoodleLike({ version, store, options: { ...LEARNER, ...options } });
  assert.equal(version === 12 ? p.LMSInitialize('') : p.Initialize(''), 'true');
  return p;
}
// 2004 SetValue that must succeed.
function set(p, n, x) {
  assert.equal(p.SetValue(n, x), 'true', `SetValue(${n}, ${x}) -> error ${p.GetLastError()}`);
}
function refused(p, n, x, code) {
  assert.equal(p.SetValue(n, x), 'false', `SetValue(${n}, ${x}) is refused`);
  assert.equal(p.GetLastError(), code, `SetValue(${n}, ${x}) error`);
}
function interaction(p, i, type = 'choice') {
  set(p, `cmi.interactions.${i}.id`, 'q' + i);
  set(p, `cmi.interactions.${i}.type`, type);
}

// [SECTION] Launch data
test('first launch: ab-initio, normal, credit, the name as the LMS sends it', () => {
  const l = MoodleLike.nextLaunch({}, 2004, LEARNER);
  assert.equal(l['cmi.entry'], 'ab-initio');
  assert.equal(l['cmi.mode'], 'normal');
  assert.equal(l['cmi.credit'], 'credit');
  assert.equal(l['cmi.learner_name'], 'Kowalska, Anna');
  assert.equal(l['cmi.learner_preference.language'], 'en-GB');
  const l12 = MoodleLike.nextLaunch({}, 12, LEARNER);
  assert.equal(l12['cmi.core.entry'], 'ab-initio');
  assert.equal(l12['cmi.core.lesson_mode'], 'normal');
  assert.equal(l12['cmi.core.student_name'], 'Kowalska, Anna');
  assert.equal(l12['cmi.student_data.mastery_score'], '80');
});

test('after exit=suspend: resume with everything stored', () => {
  const store = {};
  const p = session(2004, store);
  set(p, 'cmi.location', 'm2/q3');
  set(p, 'cmi.suspend_data', 'state');
  set(p, 'cmi.completion_status', 'incomplete');
  set(p, 'cmi.exit', 'suspend');
  assert.equal(p.Terminate(''), 'true');
  const q = session(2004, store);
  assert.equal(q.GetValue('cmi.entry'), 'resume');
  assert.equal(q.GetValue('cmi.mode'), 'normal');
  assert.equal(q.GetValue('cmi.location'), 'm2/q3');
  assert.equal(q.GetValue('cmi.suspend_data'), 'state');
  assert.equal(q.GetValue('cmi.completion_status'), 'incomplete');
});

test('after exit=normal once completed: review, no-credit, results readable, no suspend data', () => {
  const store = {};
  const p = session(2004, store);
  set(p, 'cmi.objectives.1.id', 'boundaries');
  set(p, 'cmi.objectives.1.success_status', 'passed');
  set(p, 'cmi.location', 'end');
  set(p, 'cmi.suspend_data', 'state');
  set(p, 'cmi.completion_status', 'completed');
  set(p, 'cmi.success_status', 'passed');
  set(p, 'cmi.score.scaled', '0.9');
  set(p, 'cmi.score.raw', '90');
  set(p, 'cmi.exit', 'normal');
  assert.equal(p.Terminate(''), 'true');
  assert.deepEqual(store._attempt, { exit: 'normal', completed: true });
  const q = session(2004, store);
  assert.equal(q.GetValue('cmi.entry'), 'ab-initio');
  assert.equal(q.GetValue('cmi.mode'), 'review');
  assert.equal(q.GetValue('cmi.credit'), 'no-credit');
  assert.equal(q.GetValue('cmi.suspend_data'), '');
  assert.equal(q.GetValue('cmi.location'), '');
  assert.equal(q.GetLastError(), '0');
  assert.equal(q.GetValue('cmi.completion_status'), 'completed');
  assert.equal(q.GetValue('cmi.success_status'), 'passed');
  assert.equal(q.GetValue('cmi.score.raw'), '90');
  assert.equal(q.GetValue('cmi.objectives._count'), '2');
  assert.equal(q.GetValue('cmi.objectives.1.id'), 'boundaries');
  assert.equal(q.GetValue('cmi.objectives.1.success_status'), 'passed');
});

test('1.2 after exit "" once passed: review (lesson_mode), status and score readable', () => {
  const store = {};
  const p = session(12, store);
  assert.equal(p.LMSSetValue('cmi.core.lesson_status', 'passed'), 'true');
  assert.equal(p.LMSSetValue('cmi.core.score.raw', '95'), 'true');
  assert.equal(p.LMSSetValue('cmi.suspend_data', 'state'), 'true');
  assert.equal(p.LMSSetValue('cmi.core.exit', ''), 'true');
  assert.equal(p.LMSFinish(''), 'true');
  const q = session(12, store);
  assert.equal(q.LMSGetValue('cmi.core.lesson_mode'), 'review');
  assert.equal(q.LMSGetValue('cmi.core.credit'), 'no-credit');
  assert.equal(q.LMSGetValue('cmi.core.entry'), 'ab-initio');
  assert.equal(q.LMSGetValue('cmi.suspend_data'), '');
  assert.equal(q.LMSGetValue('cmi.core.lesson_status'), 'passed');
  assert.equal(q.LMSGetValue('cmi.core.score.raw'), '95');
});

test('review: SetValue answers true, nothing reaches the store, every write counted', () => {
  const store = { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.exit': 'normal',
                  _attempt: { exit: 'normal', completed: true } };
  const before = JSON.stringify(store);
  const q = session(2004, store);
  set(q, 'cmi.completion_status', 'incomplete');
  set(q, 'cmi.suspend_data', 'fresh');
  assert.equal(q.Commit(''), 'true');
  assert.equal(q.Terminate(''), 'true');
  assert.equal(q.reviewWrites, 2);
  assert.deepEqual(q.requests, []);
  assert.equal(JSON.stringify(store), before);
});

// [SECTION] 2004 objectives and arrays
test('objective 0 is the manifest primary objective; its id is write-once', () => {
  const p = session(2004);
  assert.equal(p.GetValue('cmi.objectives._count'), '1');
  assert.equal(p.GetValue('cmi.objectives.0.id'), 'granice_passed');
  refused(p, 'cmi.objectives.0.id', 'boundaries', '351');
  set(p, 'cmi.objectives.0.id', 'granice_passed');
  set(p, 'cmi.objectives.1.id', 'boundaries');
  refused(p, 'cmi.objectives.2.id', 'boundaries', '351');   // ids are unique
  assert.deepEqual(p.refused.map((r) => [r.call, r.element, r.code]),
                   [['SetValue', 'cmi.objectives.0.id', '351'], ['SetValue', 'cmi.objectives.2.id', '351']]);
  const q = new MoodleLike({ version: 2004, options: { primaryObjective: 'course_result' } });
  q.Initialize('');
  assert.equal(q.GetValue('cmi.objectives.0.id'), 'course_result');
});

test('stored objectives follow the primary one in their stored order', () => {
  const launch = { ...MoodleLike.nextLaunch({}, 2004, LEARNER),
                   'cmi.objectives.0.id': 'boundaries', 'cmi.objectives.0.success_status': 'passed',
                   'cmi.objectives.1.id': 'granice_passed', 'cmi.objectives.1.success_status': 'failed',
                   'cmi.objectives.2.id': 'feedback' };
  const p = new MoodleLike({ version: 2004, launch });
  p.Initialize('');
  assert.equal(p.GetValue('cmi.objectives._count'), '3');
  assert.deepEqual([0, 1, 2].map((i) => p.GetValue(`cmi.objectives.${i}.id`)), ['granice_passed', 'boundaries', 'feedback']);
  assert.equal(p.GetValue('cmi.objectives.0.success_status'), 'failed');
  assert.equal(p.GetValue('cmi.objectives.1.success_status'), 'passed');
  assert.deepEqual(Object.keys(p.clientValues()).filter((k) => k.startsWith('cmi.objectives.')),
                   ['cmi.objectives.0.id', 'cmi.objectives.1.id', 'cmi.objectives.1.success_status',
                    'cmi.objectives.0.success_status', 'cmi.objectives.2.id']);
});

test('indices past _count are refused (351); a new entry starts with its id (408)', () => {
  const p = session(2004);
  refused(p, 'cmi.objectives.2.id', 'x', '351');
  refused(p, 'cmi.objectives.5.score.raw', '10', '351');
  refused(p, 'cmi.interactions.1.id', 'q1', '351');
  refused(p, 'cmi.objectives.1.score.raw', '10', '408');
  refused(p, 'cmi.interactions.0.type', 'choice', '408');
  interaction(p, 0);
  interaction(p, 1);
  assert.equal(p.GetValue('cmi.interactions._count'), '2');
  assert.equal(p.GetValue('cmi.interactions.1.id'), 'q1');
  set(p, 'cmi.interactions.1.correct_responses.0.pattern', 'a');
  refused(p, 'cmi.interactions.1.correct_responses.2.pattern', 'b', '351');
  assert.equal(p.GetValue('cmi.interactions.1.correct_responses._count'), '1');
  assert.equal(p.GetValue('cmi.interactions.7.id'), '');
  assert.equal(p.GetLastError(), '301');
});

// [SECTION] 2004 formats
test('short identifiers must match ^[\\w.]{1,250}$ (406)', () => {
  const p = session(2004);
  interaction(p, 0, 'choice');
  refused(p, 'cmi.interactions.0.learner_response', 'a[,]b-c', '406');
  set(p, 'cmi.interactions.0.learner_response', 'a[,]b_c.2');
  refused(p, 'cmi.interactions.0.correct_responses.0.pattern', 'x-y', '406');
  interaction(p, 1, 'matching');
  set(p, 'cmi.interactions.1.learner_response', 'a[.]1[,]b[.]2');
  refused(p, 'cmi.interactions.1.learner_response', 'a[.]one-two', '406');
  interaction(p, 2, 'sequencing');
  set(p, 'cmi.interactions.2.correct_responses.0.pattern', 's1[,]s2[,]s3');
  interaction(p, 3, 'true-false');
  refused(p, 'cmi.interactions.3.learner_response', 'yes', '406');
  interaction(p, 4, 'fill-in');
  set(p, 'cmi.interactions.4.learner_response', 'free text - with a hyphen');
});

test('interaction timestamps: at most 2 decimals of seconds', () => {
  const p = session(2004);
  interaction(p, 0);
  refused(p, 'cmi.interactions.0.timestamp', '2024-05-01T10:00:00.123Z', '406');
  set(p, 'cmi.interactions.0.timestamp', '2024-05-01T10:00:00.0Z');
  set(p, 'cmi.interactions.0.timestamp', '2024-05-01T10:00:00.12Z');
});

test('vocabularies and ranges as the spec checker; read-only and unknown elements', () => {
  const p = session(2004);
  refused(p, 'cmi.completion_status', 'done', '406');
  refused(p, 'cmi.score.scaled', '1.5', '406');
  refused(p, 'cmi.entry', 'resume', '404');
  refused(p, 'cmi.interactions._count', '3', '404');
  refused(p, 'cmi.nonsense', 'x', '401');
  set(p, 'cmi.learner_preference.language', 'pl');
  set(p, 'cmi.comments_from_learner.0.comment', 'ok');
});

// [SECTION] GetValue
test('unset elements read as "" with no error; write-only ones are refused', () => {
  const p = session(2004);
  for (const n of ['cmi.location', 'cmi.suspend_data', 'cmi.score.raw', 'cmi.launch_data']) {
    assert.equal(p.GetValue(n), '');
    assert.equal(p.GetLastError(), '0', n);
  }
  assert.equal(p.GetValue('cmi.completion_status'), 'unknown');
  assert.equal(p.GetValue('cmi.learner_name'), 'Kowalska, Anna');
  assert.equal(p.GetValue('cmi.exit'), '');
  assert.equal(p.GetLastError(), '405');
  assert.equal(p.GetErrorString('405'), 'Data Model Element Is Write Only');
  assert.equal(p.GetDiagnostic(''), 'write-only');
  const q = session(12);
  assert.equal(q.LMSGetValue('cmi.core.lesson_location'), '');
  assert.equal(q.LMSGetLastError(), '0');
  assert.equal(q.LMSGetValue('cmi.core.lesson_status'), 'not attempted');
  assert.equal(q.LMSSetValue('cmi.interactions.0.id', 'q0'), 'true');
  assert.equal(q.LMSGetValue('cmi.interactions.0.id'), '');
  assert.equal(q.LMSGetLastError(), '404');
  assert.equal(q.LMSGetValue('cmi.interactions._count'), '1');
  assert.equal(q.LMSGetLastError(), '0');
  assert.equal(q.LMSSetValue('cmi.core._children', 'x'), 'false');
  assert.equal(q.LMSGetLastError(), '402');
});

test('session states: calls before Initialize and after Terminate', () => {
  const p = new MoodleLike({ version: 2004 });
  assert.equal(p.GetValue('cmi.location'), '');
  assert.equal(p.GetLastError(), '122');
  assert.equal(p.Commit(''), 'false');
  assert.equal(p.GetLastError(), '142');
  assert.equal(p.Initialize(''), 'true');
  assert.equal(p.Initialize(''), 'false');
  assert.equal(p.GetLastError(), '103');
  assert.equal(p.Commit('x'), 'false');
  assert.equal(p.GetLastError(), '201');
  assert.equal(p.Terminate(''), 'true');
  assert.equal(p.SetValue('cmi.location', 'x'), 'false');
  assert.equal(p.GetLastError(), '133');
  const q = new MoodleLike({ version: 12 });
  assert.equal(q.LMSGetValue('cmi.suspend_data'), '');
  assert.equal(q.LMSGetLastError(), '301');
});

// [SECTION] Commits: re-posting, max_input_vars, beacons
test('each Commit re-posts every value held; read-only ones are not sent', () => {
  const store = {};
  const p = session(2004, store);
  set(p, 'cmi.location', 'a b');
  set(p, 'cmi.completion_status', 'incomplete');
  assert.equal(p.Commit(''), 'true');
  set(p, 'cmi.suspend_data', 'x&y=z');
  assert.equal(p.Commit(''), 'true');
  // The fields: objectives.0.id, the language from launch, location, completion_status (+ suspend_data).
  assert.deepEqual(p.requests.map((r) => r.fields), [4, 5]);
  const body = ['cmi.objectives.0.id=granice_passed', 'cmi.learner_preference.language=en-GB', 'cmi.location=a%20b',
                'cmi.completion_status=incomplete', 'cmi.suspend_data=x%26y%3Dz'].join('&');
  assert.equal(p.requests[1].bytes, body.length);
  assert.deepEqual(p.requests[1], { fields: 5, bytes: body.length, via: 'xhr', delivered: true });
  assert.equal(p.maxFields, 5);
  assert.equal(p.maxBytes, body.length);
  assert.equal(store['cmi.suspend_data'], 'x&y=z');
  assert.equal(store['cmi.learner_id'], undefined);
  assert.equal(p.history.length, 2);
  assert.deepEqual(p.history[1], { completion: 'incomplete', success: null, lesson_status: null, score: null });
});

test('the server applies the first 1,000 fields of a request and drops the rest', () => {
  const store = {};
  const p = session(2004, store);
  for (let i = 0; i < 500; i++) interaction(p, i);
  set(p, 'cmi.completion_status', 'completed');
  set(p, 'cmi.score.raw', '88');
  assert.equal(p.Commit(''), 'true');
  // objectives.0.id, language, 1,000 interaction fields, completion_status, score.raw: the last 4 are dropped
  assert.equal(p.requests[0].fields, 1004);
  assert.equal(p.droppedFields, 4);
  assert.equal(store['cmi.interactions.498.type'], 'choice');
  assert.equal(store['cmi.interactions.499.id'], undefined);
  assert.equal(store['cmi.completion_status'], undefined);
  assert.equal(store['cmi.score.raw'], undefined);
});

test('while the page is dismissed: beacons, refused over 65,536 bytes, still "true" to the course', () => {
  const store = {};
  const p = session(2004, store);
  set(p, 'cmi.suspend_data', 'small');
  p.dismissing = true;
  assert.equal(p.Commit(''), 'true');
  assert.deepEqual([p.requests[0].via, p.requests[0].delivered], ['beacon', true]);
  assert.equal(store['cmi.suspend_data'], 'small');
  set(p, 'cmi.suspend_data', '%'.repeat(30000));   // 90,000 bytes form-encoded
  set(p, 'cmi.exit', 'normal');
  assert.equal(p.Commit(''), 'true');
  assert.equal(p.Terminate(''), 'true');
  assert.deepEqual(p.requests.slice(1).map((r) => [r.via, r.delivered]), [['beacon', false], ['beacon', false]]);
  assert.ok(p.requests[1].bytes > 65536);
  assert.equal(store['cmi.suspend_data'], 'small');
  assert.equal(store['cmi.exit'], undefined);
  assert.deepEqual(p.refused, []);
  const q = session(2004);
  set(q, 'cmi.suspend_data', '%'.repeat(30000));
  assert.equal(q.Commit(''), 'true');
  assert.deepEqual([q.requests[0].via, q.requests[0].delivered], ['xhr', true]);
});

test('total_time: added by the final request of each session', () => {
  const store = {};
  const p = session(2004, store);
  set(p, 'cmi.session_time', 'PT1M0S');
  set(p, 'cmi.exit', 'suspend');
  p.Commit('');
  assert.equal(store['cmi.total_time'], undefined);
  p.Terminate('');
  assert.equal(store['cmi.total_time'], 'PT0H1M0.00S');
  const q = session(2004, store);
  assert.equal(q.GetValue('cmi.total_time'), 'PT0H1M0.00S');
  set(q, 'cmi.session_time', 'PT1H30.5S');
  q.Terminate('');
  assert.equal(store['cmi.total_time'], 'PT1H1M30.50S');
  const s12 = {};
  const r = session(12, s12);
  assert.equal(r.LMSSetValue('cmi.core.session_time', '0001:02:03.5'), 'true');
  r.LMSFinish('');
  assert.equal(s12['cmi.core.total_time'], '0001:02:03.50');
});

// [SECTION] SCORM 1.2 specifics
test('1.2 mastery override on LMSFinish: incomplete or no status + raw score → passed / failed', () => {
  const cases = [[undefined, '60', 'failed'], ['incomplete', '60', 'failed'], ['incomplete', '80', 'passed'],
                 ['completed', '60', 'completed'], ['incomplete', undefined, 'incomplete']];
  for (const [status, raw, expect] of cases) {
    const store = {};
    const p = session(12, store);
    if (status) assert.equal(p.LMSSetValue('cmi.core.lesson_status', status), 'true');
    if (raw) assert.equal(p.LMSSetValue('cmi.core.score.raw', raw), 'true');
    assert.equal(p.LMSFinish(''), 'true');
    assert.equal(store['cmi.core.lesson_status'], expect, `${status} + ${raw}`);
  }
  const store = {};
  const off = session(12, store, { masteryOverride: false });
  off.LMSSetValue('cmi.core.lesson_status', 'incomplete');
  off.LMSSetValue('cmi.core.score.raw', '60');
  off.LMSFinish('');
  assert.equal(store['cmi.core.lesson_status'], 'incomplete');
});

test('1.2 limits: default accepts 64,000 characters; strict mode 4,096 / 255 (405)', () => {
  const p = session(12);
  assert.equal(p.LMSSetValue('cmi.suspend_data', 'x'.repeat(64000)), 'true');
  assert.equal(p.LMSSetValue('cmi.suspend_data', 'x'.repeat(64001)), 'false');
  assert.equal(p.LMSSetValue('cmi.core.lesson_location', 'x'.repeat(1000)), 'true');
  const s = session(12, {}, { strict12: true });
  assert.equal(s.LMSSetValue('cmi.suspend_data', 'x'.repeat(4096)), 'true');
  assert.equal(s.LMSSetValue('cmi.suspend_data', 'x'.repeat(4097)), 'false');
  assert.equal(s.LMSGetLastError(), '405');
  assert.equal(s.LMSSetValue('cmi.core.lesson_location', 'x'.repeat(255)), 'true');
  assert.equal(s.LMSSetValue('cmi.core.lesson_location', 'x'.repeat(256)), 'false');
  assert.equal(s.LMSGetLastError(), '405');
  assert.deepEqual(s.refused.map((r) => [r.call, r.element, r.code, r.value.length]),
                   [['LMSSetValue', 'cmi.suspend_data', '405', 80], ['LMSSetValue', 'cmi.core.lesson_location', '405', 80]]);
});

test('1.2 values: vocabularies, interactions in order, no objective pre-filled', () => {
  const p = session(12);
  assert.equal(p.LMSGetValue('cmi.objectives._count'), '0');
  assert.equal(p.LMSSetValue('cmi.core.lesson_status', 'done'), 'false');
  assert.equal(p.LMSGetLastError(), '405');
  assert.equal(p.LMSSetValue('cmi.interactions.1.id', 'q1'), 'false');
  assert.equal(p.LMSGetLastError(), '201');
  assert.equal(p.LMSSetValue('cmi.interactions.0.id', 'q0'), 'true');
  assert.equal(p.LMSSetValue('cmi.interactions.0.type', 'choice'), 'true');
  assert.equal(p.LMSSetValue('cmi.interactions.0.student_response', 'a,b'), 'true');
  assert.equal(p.LMSSetValue('cmi.core.student_name', 'x'), 'false');
  assert.equal(p.LMSGetLastError(), '403');
});

// [SECTION] Permissive and the spec checker
test('permissive: true to everything, "" to every read, error 0, nothing kept', () => {
  for (const version of [12, 2004]) {
    const p = new Permissive({ version });
    const m = ['init', 'set', 'get', 'commit', 'finish', 'err', 'str', 'diag'].map((role) => METHODS[version][role]);
    assert.equal(p[m[0]](''), 'true');
    assert.equal(p[m[1]]('cmi.nonsense', 'x'), 'true');
    assert.equal(p[m[2]]('cmi.nonsense'), '');
    assert.equal(p[m[2]]('cmi.interactions._count'), '');
    assert.equal(p[m[3]](''), 'true');
    assert.equal(p[m[4]](''), 'true');
    assert.equal(p[m[1]]('cmi.suspend_data', 'after the end'), 'true');
    assert.equal(p[m[5]](), '0');
    assert.equal(p[m[6]]('101'), '');
    assert.equal(p[m[7]]('101'), '');
  }
});

test('check(): the spec checker lms.js records problems with', () => {
  const types = {};
  assert.equal(check(12, 'cmi.interactions.0.type', 'choice', types), '');
  assert.equal(check(12, 'cmi.interactions.0.student_response', 'a,b', types), '');
  assert.match(check(12, 'cmi.interactions.1.student_response', 'a', types), /set before the interaction type/);
  assert.match(check(12, 'cmi.suspend_data', 'x'.repeat(4097), types), /over 4096/);
  assert.match(check(2004, 'cmi.completion_status', 'done', types), /vocabulary/);
  assert.match(check(2004, 'cmi.learner_preference.language', 'pl', types), /unexpected element/);
  assert.match(check(2004, 'cmi.interactions.0.timestamp', '2024-05-01T10:00:00.123Z', types), /time/);
});

report('profiles.unit');
