// A test LMS for the browser tests: hosts the unpacked package in an iframe with scorm-again's
// Scorm12API / Scorm2004API (or an LMS profile from profiles.js), records every call, checks
// every SetValue against the spec's formats and limits (scorm-again is lenient), and can inject faults.
//   window.lms.start({ version: 12|2004, pkg: '/pkg12/', cmi: {...}, faults: {...}, query: '...',
//                      profile, profileOptions, store })
//   window.lms.close()   unloads the SCO, as an LMS does when the learner closes the course
// faults: { initFalse, setFail: 'regexp of element names', commitFail: n (first n commits fail),
//           commitAlwaysFail, throwOn: 'method' }
// profile: 'scorm-again' (default) | 'moodle' | 'permissive' (profiles.js); profileOptions: the
// profile's options (moodle: learner_id, learner_name, language, mastery_score, strict12, ...);
// store: the moodle profile's server store from the previous session (lms.store()).
//   lms.profile   the profile object (null for scorm-again); lms.store()   a copy of the moodle store
'use strict';
(function () {
  const { check, METHODS, MoodleLike, Permissive } = window.LmsProfiles;

  // The API behind the recording wrapper: scorm-again, or a profile from profiles.js.
  function backend({ version, profile, cmi, profileOptions, store }) {
    if (profile === 'moodle') return new MoodleLike({ version, store, options: profileOptions });
    if (profile === 'permissive') return new Permissive({ version });
    if (profile !== 'scorm-again') throw new Error('unknown LMS profile: ' + profile);
    const real = version === 12 ? new window.Scorm12API({ logLevel: 5, lmsCommitUrl: false })
                                : new window.Scorm2004API({ logLevel: 5, lmsCommitUrl: false });
    if (Object.keys(cmi).length) real.loadFromJSON(cmi);
    return real;
  }

  window.lms = {
    calls: [], problems: [], errors: [], api: null, version: 0, profileName: 'scorm-again', profile: null,
    start({ version, pkg, cmi = {}, faults = {}, query = 'granice-test-driver=1',
            profile = 'scorm-again', profileOptions = {}, store = {} }) {
      const self = window.lms;
      const M = METHODS[version];
      const real = backend({ version, profile, cmi, profileOptions, store });
      self.real = real;
      self.version = version;
      self.profileName = profile;
      self.profile = profile === 'scorm-again' ? null : real;
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
    close() {
      // The course's pagehide handler runs during the unload: requests made then go by beacon.
      if (window.lms.profile) window.lms.profile.dismissing = true;
      document.getElementById('sco').src = 'about:blank';
    },
    sets() { return window.lms.calls.filter((c) => c.m === 'LMSSetValue' || c.m === 'SetValue'); },
    lastSet(name) {
      const s = window.lms.sets().filter((c) => c.args[0] === name);
      return s.length ? String(s[s.length - 1].args[1]) : undefined;
    },
    // What the LMS holds: scorm-again's CMI object; the Moodle-like server store; nothing when permissive.
    cmi() {
      const self = window.lms;
      if (self.profileName === 'scorm-again') return JSON.parse(self.real.renderCMIToJSONString());
      return self.store() || {};
    },
    store() {
      const p = window.lms.profile;
      return p && p.store ? JSON.parse(JSON.stringify(p.store)) : null;
    },
  };
})();
