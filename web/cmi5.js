// The network side of a cmi5 launch (../shared/cmi5/cmi5_spec.md §8), loaded by granice.js after
// scorm.js and before app.js (no inline script: CSP). When the page URL carries a cmi5 launch it
// does the asynchronous part first: one POST to `fetch` for the auth token (§8.2), then the State
// document LMS.LaunchData (§10), the agent profile cmi5LearnerPreferences (§11) and the course's
// own state document. C++ (src/platform/persistence_cmi5.cpp) reads the results synchronously
// from window.graniceCmi5 and hands over statements the core planned (src/core/lms/cmi5.h); this
// file only sends them, in order, with retries. Nothing here plans or changes a statement.
'use strict';

(function () {
  const params = new URLSearchParams(window.location.search);
  const XAPI_VERSION = '1.0.3';
  const log = (level, text) => (window.graniceScorm ? window.graniceScorm.logLine(level, 'granice: cmi5: ' + text)
                                                    : console.warn('granice: cmi5: ' + text));
  const storage = {
    get(k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set(k, v) { try { window.localStorage.setItem(k, v); return true; } catch (e) { return false; } },
    remove(k) { try { window.localStorage.removeItem(k); } catch (e) { /* nothing to do */ } },
  };

  // §8.1: all five parameters or no cmi5 launch at all.
  const names = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];
  const present = names.filter((n) => params.get(n) !== null);
  const cmi5 = {
    launch: null,        // {endpoint, fetch, actor (JSON text), registration, activityId}
    token: '',           // the auth-token (§8.2.2), '' when the fetch failed
    launchData: null,    // LMS.LaunchData as text; null: not read
    preferences: '',     // cmi5LearnerPreferences as text; '' when the LMS has none (404)
    state: '',           // the course's state document as text; '' when there is none yet
    error: '',           // why the launch could not reach the LMS ('' when it could)
    requests: [],        // every request made: [method, path] (tests read it)
    failures: 0,         // consecutive failed sends (the retry backoff)
    lastError: '',       // the last LRS / network error, for the learner's indicator
    ended: false,        // exit() was called: terminated is queued (the page may go to returnURL)
    sessionEnded: false, // this launch's session was terminated before a reload of the page
    ready: Promise.resolve(),
    // The learner's languagePreference (§11.1) as the LMS gave it, '' when none: settled as soon
    // as the agent profile is read (before `ready`), so the page fetches that language's pack first.
    languagePreference: Promise.resolve(''),
  };
  window.graniceCmi5 = cmi5;
  if (present.length === 0) return;
  if (present.length < names.length) {
    cmi5.error = 'the launch URL has ' + present.join(', ') + ' but not ' +
                 names.filter((n) => !present.includes(n)).join(', ') + ' (cmi5 §8.1)';
    log(2, cmi5.error);
    return;
  }
  let settlePreference;
  cmi5.languagePreference = new Promise((resolve) => { settlePreference = resolve; });
  const languagePreferenceOf = (text) => {
    try { const p = JSON.parse(text); return p && typeof p.languagePreference === 'string' ? p.languagePreference : ''; } catch (e) { return ''; }
  };
  const launch = {};
  for (const n of names) launch[n] = params.get(n);
  cmi5.launch = launch;
  const endpoint = launch.endpoint.endsWith('/') ? launch.endpoint : launch.endpoint + '/';
  const queueKey = 'granice:cmi5:queue:' + launch.registration;  // statements not yet accepted
  const tokenKey = 'granice:cmi5:token:' + launch.fetch;            // a reload must not fetch again
  const endedKey = 'granice:cmi5:ended:' + launch.fetch;            // ... nor send after terminated (§9.3.8)
  try { cmi5.sessionEnded = window.sessionStorage.getItem(endedKey) === '1'; } catch (e) { cmi5.sessionEnded = false; }

  function xapiUrl(path, query) {
    const q = new URLSearchParams(query).toString();
    return endpoint + path + (q ? '?' + q : '');
  }
  function headers(extra) {
    return Object.assign({ 'X-Experience-API-Version': XAPI_VERSION, Authorization: 'Basic ' + cmi5.token }, extra || {});
  }
  async function request(method, path, query, body, keepalive) {
    cmi5.requests.push([method, path]);
    const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
                   credentials: 'omit', keepalive: !!keepalive };
    if (body !== undefined) init.body = body;
    return fetch(xapiUrl(path, query), init);
  }
  // A document read: its text, '' for 404 (none yet), an Error otherwise.
  async function readDocument(path, query) {
    const r = await request('GET', path, query);
    if (r.status === 404) return '';
    if (!r.ok) throw new Error(`GET ${path} ${query.stateId || query.profileId}: HTTP ${r.status} ${(await r.text()).slice(0, 200)}`);
    return r.text();
  }
  const stateQuery = (stateId) => ({ activityId: launch.activityId, agent: launch.actor,
                                     registration: launch.registration, stateId });

  // [SECTION] The launch: the token, then the three documents
  async function start() {
    let token = null;
    try { token = window.sessionStorage.getItem(tokenKey); } catch (e) { token = null; }
    if (!token) {
      cmi5.requests.push(['POST', 'fetch']);
      let r;
      try { r = await fetch(launch.fetch, { method: 'POST', credentials: 'omit' }); } catch (e) {
        throw new Error('the fetch URL could not be reached (' + (e && e.message || e) + ')');
      }
      const text = await r.text();
      let body = null;
      try { body = JSON.parse(text); } catch (e) { body = null; }
      if (!r.ok || !body || typeof body['auth-token'] !== 'string' || !body['auth-token']) {
        const why = body && body['error-text'] ? `error ${body['error-code']}: ${body['error-text']}` : `HTTP ${r.status} ${text.slice(0, 200)}`;
        throw new Error('the fetch URL gave no auth-token (' + why + ')');   // §8.2.3
      }
      token = body['auth-token'];
      try { window.sessionStorage.setItem(tokenKey, token); } catch (e) { /* a reload will then fail plainly */ }
    }
    cmi5.token = token;
    const profile = readDocument('agents/profile', { agent: launch.actor, profileId: 'cmi5LearnerPreferences' });
    profile.then((text) => settlePreference(languagePreferenceOf(text)), () => settlePreference(''));
    const [launchData, preferences, state] = await Promise.all([
      readDocument('activities/state', stateQuery('LMS.LaunchData')),
      profile,
      readDocument('activities/state', stateQuery(cmi5.stateId)),
    ]);
    cmi5.launchData = launchData;
    cmi5.preferences = preferences;
    cmi5.state = state;
  }
  cmi5.stateId = 'granice.progress';   // cmi5::kStateId (src/core/lms/cmi5.h)
  cmi5.ready = start().then(() => log(0, 'launch read (token, LMS.LaunchData, preferences, state)'), (e) => {
    cmi5.error = String(e && e.message || e);
    cmi5.token = cmi5.token || '';
    log(2, 'launch failed: ' + cmi5.error);
    settlePreference('');   // (no token: no profile read)
  }).then(() => { queue = loadQueue(); if (queue.length) pump(); });

  // [SECTION] The send queue: statements in order, one request at a time; the state document last
  let queue = [];            // [{id, body}] not yet accepted, oldest first (kept in local storage)
  let pendingState = null;   // the newest state document to PUT, or null
  let busy = false;
  let timer = null;
  function loadQueue() {
    try { const q = JSON.parse(storage.get(queueKey) || '[]'); return Array.isArray(q) ? q : []; } catch (e) { return []; }
  }
  function keepQueue() {
    if (queue.length) storage.set(queueKey, JSON.stringify(queue)); else storage.remove(queueKey);
  }
  // statements: a JSON array of statements, each with its id (the core fixes ids: resends are idempotent).
  cmi5.send = function (statementsJson) {
    for (const s of JSON.parse(statementsJson)) queue.push({ id: s.id, body: JSON.stringify(s) });
    keepQueue();
    pump();
  };
  cmi5.putState = function (documentText) {
    pendingState = documentText;
    pump();
  };
  cmi5.pending = () => queue.length + (pendingState === null ? 0 : 1);

  // Statements go out in order, as POST batches of at most KEEPALIVE_BYTES (so every request
  // may carry keepalive: a batch in flight when the page goes still arrives; browsers allow 64 KB
  // of keepalive bodies at a time). An LRS that has a statement already answers 409 to the batch:
  // then each goes alone as PUT statements?statementId= (204 or 409: it is there), so resends
  // are idempotent.
  const KEEPALIVE_BYTES = 60000;
  function nextBatch() {
    let bytes = 0;
    let n = 0;
    while (n < queue.length && (n === 0 || bytes + queue[n].body.length < KEEPALIVE_BYTES)) bytes += queue[n++].body.length;
    return queue.slice(0, n);
  }
  const batchBody = (items) => '[' + items.map((i) => i.body).join(',') + ']';
  function refused(item, status, text) {
    log(2, `the LRS refused statement ${item.id}: HTTP ${status} ${text}`);
    let list = [];
    try { list = JSON.parse(storage.get(queueKey + ':refused') || '[]'); } catch (e) { list = []; }
    list.push(item);   // kept, never resent blindly
    storage.set(queueKey + ':refused', JSON.stringify(list));
    cmi5.lastError = `the LRS refused a statement (HTTP ${status})`;
  }
  const retryable = (status) => status >= 500 || status === 401 || status === 408 || status === 429;
  async function sendOne(item) {
    const r = await request('PUT', 'statements', { statementId: item.id }, item.body, item.body.length < KEEPALIVE_BYTES);
    if (r.ok || r.status === 409) return;
    const text = (await r.text()).slice(0, 300);
    if (retryable(r.status)) throw new Error(`HTTP ${r.status} ${text}`);
    refused(item, r.status, text);
  }
  async function sendBatch(items) {
    const body = batchBody(items);
    const r = await request('POST', 'statements', {}, body, body.length < KEEPALIVE_BYTES);
    if (r.ok) return;
    const text = (await r.text()).slice(0, 300);
    if (retryable(r.status)) throw new Error(`HTTP ${r.status} ${text}`);
    if (items.length === 1 && r.status !== 409) return refused(items[0], r.status, text);
    for (const item of items) await sendOne(item);   // 409 or one bad statement: one by one
  }
  async function pump() {
    if (busy || !cmi5.token || timer) return;
    busy = true;
    try {
      while (queue.length) {
        const batch = nextBatch();
        inFlight = batch.length;
        await sendBatch(batch);
        inFlight = 0;
        queue.splice(0, batch.length);
        keepQueue();
      }
      if (pendingState !== null) {
        const doc = pendingState;
        pendingState = null;
        const r = await request('PUT', 'activities/state', stateQuery(cmi5.stateId), doc, doc.length < KEEPALIVE_BYTES);
        if (!r.ok) { if (pendingState === null) pendingState = doc; throw new Error(`state PUT: HTTP ${r.status}`); }
      }
      if (cmi5.failures) log(0, `sent again after ${cmi5.failures} failure(s)`);
      cmi5.failures = 0;
      cmi5.lastError = '';
    } catch (e) {
      inFlight = 0;
      cmi5.failures++;
      cmi5.lastError = 'the LRS could not be reached: ' + (e && e.message || e);
      log(1, cmi5.lastError + `; ${queue.length} statement(s) kept, retrying`);
      const delay = Math.min(30000, 1000 * 2 ** Math.min(cmi5.failures - 1, 5));
      timer = setTimeout(() => { timer = null; pump(); }, delay);
    } finally {
      busy = false;
    }
    if (!busy && !timer && (queue.length || pendingState !== null)) pump();
    if (!queue.length && pendingState === null) for (const f of idle.splice(0)) f();
  }
  let inFlight = 0;   // statements at the queue's head in the batch being sent (keepalive already)
  const idle = [];
  const drained = () => (cmi5.pending() === 0 && !busy ? Promise.resolve() : new Promise((r) => idle.push(r)));

  // The page is going away: what is still queued goes out with keepalive (the browser finishes
  // the requests after the page is gone); the queue stays in local storage until accepted, so the
  // next launch resends whatever did not arrive.
  cmi5.flush = function () {
    if (!cmi5.token) return;
    const rest = queue.slice(inFlight);
    if (rest.length) {
      const body = batchBody(rest);
      // Beyond the keepalive allowance the browser refuses the request: what is left stays in
      // local storage and goes out at the next launch in this browser.
      if (body.length < KEEPALIVE_BYTES) request('POST', 'statements', {}, body, true).catch(() => {});
      else log(1, `${rest.length} statement(s) too large to send as the page closes; kept for the next launch`);
    }
    if (pendingState !== null) {
      request('PUT', 'activities/state', stateQuery(cmi5.stateId), pendingState, true).catch(() => {});
    }
  };

  // The session ended (terminated is queued): a reload of this page sends nothing more, and once
  // everything is sent (at most a few seconds) this window goes to returnURL when there is one
  // (§10.2.6: the AU navigates; inside a frame, the frame does).
  cmi5.exit = function (returnUrl) {
    if (cmi5.ended) return;
    cmi5.ended = true;
    try { window.sessionStorage.setItem(endedKey, '1'); } catch (e) { /* a reload then sends after terminated */ }
    if (!returnUrl) return;
    const go = () => { window.location.assign(returnUrl); };
    Promise.race([drained(), new Promise((r) => setTimeout(r, 5000))]).then(() => {
      if (cmi5.pending()) cmi5.flush();
      go();
    });
  };
})();
