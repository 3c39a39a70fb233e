// A test LMS for the browser tests: hosts the unpacked package in an iframe with scorm-again's
// Scorm12API / Scorm2004API, records every call, checks every SetValue against the spec's
// formats and limits (scorm-again is lenient), and can inject faults.
//   window.lms.start({ version: 12|2004, pkg: '/pkg12/', cmi: {...}, faults: {...}, query: '...' })
//   window.lms.close()   unloads the SCO, as an LMS does when the learner closes the course
// faults: { initFalse, setFail: 'regexp of element names', commitFail: n (first n commits fail),
//           commitAlwaysFail, throwOn: 'method' }
'use strict';
(function () {
  const VOCAB12 = { status: ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'],
    exit: ['', 'time-out', 'suspend', 'logout'],
    types: ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'likert', 'sequencing', 'numeric'],
    result: ['correct', 'wrong', 'unanticipated', 'neutral'] };
  const VOCAB04 = { completion: ['completed', 'incomplete', 'not attempted', 'unknown'], success: ['passed', 'failed', 'unknown'],
    exit: ['', 'time-out', 'suspend', 'logout', 'normal'],
    types: ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'],
    result: ['correct', 'incorrect', 'unanticipated', 'neutral'] };
  const DEC = /^-?\d+(\.\d+)?$/;
  const SPAN12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  const TIME12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  const DUR = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
  const STAMP = /^(19[7-9]\d|20[0-2]\d|203[0-8])-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?(Z|[+-]\d{2}(:\d{2})?)?$/;
  const ID12 = /^[A-Za-z0-9_.-]{1,255}$/;
  const chars = (s) => Array.from(s).length;
  const num = (s, lo, hi) => DEC.test(s) && Number(s) >= lo && Number(s) <= hi;
  const shortIds = (s, pairs) => {
    const parts = s.split('[,]');
    if (new Set(parts).size !== parts.length) return false;
    return parts.every((p) => pairs ? /^[^\s[\]]{1,250}\[\.\][^\s[\]]{1,250}$/.test(p) : /^[^\s[\]]{1,250}$/.test(p));
  };

  // Returns '' when the value is what the spec allows for the element, else why not.
  function check(v, n, x, types) {
    const ok = (c, why) => (c ? '' : `${n} = "${String(x).slice(0, 80)}": ${why}`);
    if (v === 12) {
      if (n === 'cmi.core.lesson_status') return ok(VOCAB12.status.includes(x), 'vocabulary');
      if (/^cmi\.core\.score\.(raw|min|max)$/.test(n)) return ok(num(x, 0, 100), 'CMIDecimal 0..100');
      if (n === 'cmi.core.lesson_location') return ok(x.length <= 255, 'over 255');
      if (n === 'cmi.suspend_data') return ok(x.length <= 4096, 'over 4096');
      if (n === 'cmi.core.exit') return ok(VOCAB12.exit.includes(x), 'vocabulary');
      if (n === 'cmi.core.session_time') return ok(SPAN12.test(x), 'CMITimespan');
    } else {
      if (n === 'cmi.completion_status') return ok(VOCAB04.completion.includes(x), 'vocabulary');
      if (n === 'cmi.success_status') return ok(VOCAB04.success.includes(x), 'vocabulary');
      if (n === 'cmi.score.scaled') return ok(num(x, -1, 1), '-1..1');
      if (/^cmi\.score\.(raw|min|max)$/.test(n)) return ok(num(x, 0, 100), '0..100');
      if (n === 'cmi.progress_measure') return ok(num(x, 0, 1), '0..1');
      if (n === 'cmi.location') return ok(chars(x) <= 1000, 'over 1000');
      if (n === 'cmi.suspend_data') return ok(chars(x) <= 64000, 'over 64000');
      if (n === 'cmi.exit') return ok(VOCAB04.exit.includes(x), 'vocabulary');
      if (n === 'cmi.session_time') return ok(DUR.test(x) && x !== 'P' && !x.endsWith('T'), 'timeinterval');
    }
    const m = /^cmi\.(objectives|interactions)\.(\d+)\.(.+)$/.exec(n);
    if (!m) return ok(false, 'unexpected element');
    const [, kind, idx, f] = m;
    if (kind === 'objectives') {
      if (f === 'id') return ok(v === 12 ? ID12.test(x) : /^\S{1,4000}$/.test(x), 'identifier');
      if (/^score\.(raw|min|max)$/.test(f)) return ok(num(x, 0, 100), '0..100');
      if (v === 12 && f === 'status') return ok(VOCAB12.status.includes(x), 'vocabulary');
      if (v === 2004 && f === 'score.scaled') return ok(num(x, -1, 1), '-1..1');
      if (v === 2004 && f === 'success_status') return ok(VOCAB04.success.includes(x), 'vocabulary');
      if (v === 2004 && f === 'completion_status') return ok(VOCAB04.completion.includes(x), 'vocabulary');
      return ok(false, 'unexpected objective element');
    }
    if (f === 'id') return ok(v === 12 ? ID12.test(x) : /^\S{1,4000}$/.test(x), 'identifier');
    if (f === 'type') { types[idx] = x; return ok((v === 12 ? VOCAB12 : VOCAB04).types.includes(x), 'vocabulary'); }
    if (f === 'objectives.0.id') return ok(ID12.test(x), 'identifier');
    if (f === 'time') return ok(v === 12 && TIME12.test(x), 'CMITime');
    if (f === 'timestamp') return ok(v === 2004 && STAMP.test(x), 'time(second,10,0)');
    if (f === 'weighting') return ok(DEC.test(x), 'decimal');
    if (f === 'latency') return ok(v === 12 ? SPAN12.test(x) : DUR.test(x), 'latency');
    if (f === 'result') return ok((v === 12 ? VOCAB12 : VOCAB04).result.includes(x), 'vocabulary');
    if (f === 'description') return ok(v === 2004 && /^\{lang=[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\}/.test(x) &&
                                       chars(x.slice(x.indexOf('}') + 1)) <= 250, 'localized_string_type');
    if (f === 'student_response' || f === 'learner_response' || /^correct_responses\.\d+\.pattern$/.test(f)) {
      const t = types[idx];
      if (!t) return ok(false, 'set before the interaction type');
      if (v === 12) {
        if (t === 'true-false') return ok(['0', '1', 't', 'f'].includes(x), 'true-false');
        if (t === 'choice' || t === 'sequencing') return ok(/^[0-9a-z](,[0-9a-z])*$/.test(x), '1.2 choice/sequencing');
        if (t === 'matching') return ok(/^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/.test(x), '1.2 matching');
        if (t === 'performance') return ok(x.length <= 255, 'CMIString255');
      } else {
        if (t === 'true-false') return ok(x === 'true' || x === 'false', 'true-false');
        if (t === 'choice' || t === 'sequencing') return ok(shortIds(x, false), '2004 choice/sequencing');
        if (t === 'matching') return ok(shortIds(x, true), '2004 matching');
        if (t === 'other') return ok(chars(x) <= 4000, 'characterstring');
      }
      return ok(false, 'unexpected type');
    }
    return ok(false, 'unexpected interaction element');
  }

  const M12 = { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
    err: 'LMSGetLastError', str: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' };
  const M04 = { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit',
    err: 'GetLastError', str: 'GetErrorString', diag: 'GetDiagnostic' };

  window.lms = {
    calls: [], problems: [], errors: [], api: null, version: 0,
    start({ version, pkg, cmi = {}, faults = {}, query = 'granice-test-driver=1' }) {
      const self = window.lms;
      const M = version === 12 ? M12 : M04;
      const real = version === 12 ? new window.Scorm12API({ logLevel: 5, lmsCommitUrl: false })
                                  : new window.Scorm2004API({ logLevel: 5, lmsCommitUrl: false });
      if (Object.keys(cmi).length) real.loadFromJSON(cmi);
      self.real = real;
      self.version = version;
      const types = {};
      let fakeError = '';
      let commits = 0;
      const api = {};
      for (const [role, name] of Object.entries(M)) {
        api[name] = (...args) => {
          const entry = { m: name, args };
          self.calls.push(entry);
          if (faults.throwOn === name) throw new Error('injected exception in ' + name);
          if (role === 'err' && fakeError) return fakeError;
          if (role === 'str' && fakeError) return 'Injected failure';
          if (role === 'diag' && fakeError) return 'injected by the test LMS';
          if (role !== 'err' && role !== 'str' && role !== 'diag') fakeError = '';
          if (role === 'init' && faults.initFalse) { fakeError = '101'; return entry.r = 'false'; }
          if (role === 'set' && faults.setFail && new RegExp(faults.setFail).test(args[0])) {
            fakeError = version === 12 ? '405' : '406'; return entry.r = 'false';
          }
          if (role === 'commit') {
            commits++;
            if (faults.commitAlwaysFail || commits <= (faults.commitFail || 0)) { fakeError = version === 12 ? '101' : '391'; return entry.r = 'false'; }
          }
          if (role === 'set') {
            const p = check(version, String(args[0]), String(args[1]), types);
            if (p) self.problems.push(p);
          }
          const r = real[name](...args);
          entry.r = r;
          if (role !== 'err' && role !== 'str' && role !== 'diag') {
            const code = String(real[M.err]());
            // 2004 GetValue of an unset element (403) is how an LMS says "nothing yet", not a failure.
            if (code !== '0' && code !== '' && !(role === 'get' && code === '403')) self.errors.push(`${name}(${args.join(', ')}) -> ${code}`);
          }
          return r;
        };
      }
      self.api = api;
      if (!faults.missing) window[version === 12 ? 'API' : 'API_1484_11'] = api;
      document.getElementById('sco').src = pkg + 'index.html' + (query ? '?' + query : '');
    },
    close() { document.getElementById('sco').src = 'about:blank'; },
    sets() { return window.lms.calls.filter((c) => c.m === 'LMSSetValue' || c.m === 'SetValue'); },
    lastSet(name) {
      const s = window.lms.sets().filter((c) => c.args[0] === name);
      return s.length ? String(s[s.length - 1].args[1]) : undefined;
    },
    cmi() { return JSON.parse(window.lms.real.renderCMIToJSONString()); },
  };
})();
