// The small JavaScript side of LMS integration, loaded by granice.js before app.js (no inline
// script: CSP). It finds the SCORM API object, makes each call safe (try/catch, String results),
// wraps local storage, and forwards page lifecycle events to C++ (src/platform/persistence_*.cpp),
// which holds all the SCORM logic. Nothing here talks to the network: no sync XHR, no beacons.
'use strict';

(function () {
  const params = new URLSearchParams(window.location.search);
  const log = [];        // every line the runtime logged: [level, text] (tests read it)
  let api = null;        // the LMS API object
  let version = 0;       // 12, 2004 or 0
  let started = false;   // start() ran
  let early = null;      // {method, result}: start()'s Initialize, until the app makes its own call
  let preference = '';   // the learner's language preference as the LMS gave it (start())

  // [SECTION] API discovery (ADL's algorithm: up to 500 parents, then the opener's chain)
  function scan(win, name) {
    let tries = 0;
    let w = win;
    while (w && tries <= 500) {
      try {
        if (w[name]) return { api: w[name], where: tries === 0 ? 'this window' : tries + ' parent(s) up' };
      } catch (e) { /* another origin: not readable, keep climbing */ }
      let parent = null;
      try { parent = w.parent; } catch (e) { parent = null; }
      if (!parent || parent === w) break;
      w = parent;
      tries++;
    }
    return null;
  }

  function discover(name) {
    let found = scan(window, name);
    if (found) return found;
    try {
      if (window.opener && !window.opener.closed) {
        found = scan(window.opener, name);
        if (found) return { api: found.api, where: 'opener, ' + found.where };
      }
    } catch (e) { /* opener from another origin */ }
    return null;
  }

  const scorm = {
    where: '',
    log,
    // 2004 is preferred when an LMS offers both. ?scorm=off forces standalone mode.
    find() {
      if (api) return version;
      if (params.get('scorm') === 'off') return 0;
      const f2004 = discover('API_1484_11');
      if (f2004) { api = f2004.api; version = 2004; scorm.where = 'API_1484_11, ' + f2004.where; return version; }
      const f12 = discover('API');
      if (f12) { api = f12.api; version = 12; scorm.where = 'API, ' + f12.where; return version; }
      return 0;
    },
    version() { return version; },
    // Called by granice.js before the first language pack: the session starts now, once
    // (LMSInitialize / Initialize may be called once per session), and the learner's language
    // preference is read, so that the first pack fetched is the LMS's language. The app's own
    // Initialize (src/platform/persistence_scorm.cpp) then gets this call's result instead of
    // calling the LMS again; a failed or throwing Initialize is reported there as before. No API
    // yet (or ?scorm=off): the app looks again when it starts, as it always did.
    start() {
      if (started) return preference;
      started = true;
      if (!scorm.find()) return '';
      const v12 = version === 12;
      const init = v12 ? 'LMSInitialize' : 'Initialize';
      const result = scorm.call(init, '');
      early = { method: init, result };
      if (!result.threw && result.value === 'true') {
        preference = scorm.call(v12 ? 'LMSGetValue' : 'GetValue', v12 ? 'cmi.student_preference.language'
                                                                    : 'cmi.learner_preference.language').value;
      }
      scorm.logLine(0, 'granice: SCORM ' + init + ' at page start: ' + (result.threw ? 'threw' : result.value) +
                       (preference ? '; the learner prefers "' + preference + '"' : ''));
      return preference;
    },
    call(method, a, b) {
      if (early && method === early.method) {   // the app's Initialize: the one made at page start
        const r = early.result;
        early = null;
        return r;
      }
      if (!api || typeof api[method] !== 'function') return { value: '', threw: true };
      try {
        const r = b === undefined ? (a === undefined ? api[method]() : api[method](a)) : api[method](a, b);
        return { value: r === undefined || r === null ? '' : String(r), threw: false };
      } catch (e) {
        log.push([2, 'SCORM ' + method + ' threw: ' + (e && e.message || e)]);
        return { value: '', threw: true };
      }
    },

    // [SECTION] Local storage (absent, disabled or full storage never throws into C++)
    storageAvailable() {
      try {
        const k = 'granice:probe';
        window.localStorage.setItem(k, '1');
        window.localStorage.removeItem(k);
        return true;
      } catch (e) { return false; }
    },
    storageGet(key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    storageSet(key, value) {
      try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
    },
    storageRemove(key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing to do */ }
    },

    logLine(level, text) {
      log.push([level, text]);
      if (log.length > 500) log.splice(0, log.length - 500);
      if (level >= 2) console.error(text);
      else if (level === 1) console.warn(text);
      else console.info(text);
    },
  };
  window.graniceScorm = scorm;

  // [SECTION] Page lifecycle: save when hidden, last commit + terminate when the page goes away.
  // visibilitychange is the last event mobile browsers reliably fire; pagehide covers bfcache
  // and closing; beforeunload is a fallback for old browsers. C++ makes Terminate happen once.
  // The page-start Initialize that the app never took (it did not start: damaged or missing
  // files, no WebGL2, the page closed while loading): the session it began still ends, with
  // nothing recorded, instead of staying open in the LMS.
  function endUnclaimedSession() {
    if (!early) return;
    const { method, result } = early;
    early = null;
    if (result.threw || result.value !== 'true') return;
    const end = method === 'LMSInitialize' ? 'LMSFinish' : 'Terminate';
    const r = scorm.call(end, '');
    scorm.logLine(1, 'granice: the course did not start; SCORM ' + end + ' with nothing recorded: ' + (r.threw ? 'threw' : r.value));
  }
  function pageEvent(final) {
    if (final) endUnclaimedSession();
    if (window.Module && typeof window.Module._granice_persist_page_event === 'function') {
      try { window.Module._granice_persist_page_event(final ? 1 : 0); } catch (e) { /* the app is gone */ }
    }
  }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') pageEvent(false); });
  window.addEventListener('pagehide', () => pageEvent(true));
  window.addEventListener('beforeunload', () => pageEvent(true));
})();
