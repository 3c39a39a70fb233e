// A small test LMS in front of a real LRS for the cmi5 browser tests and `granice report --lrs`
// (Node only; never served to the page). Statements (PUT/POST/GET) go to Learning Locker's
// statements service (lms/real_lrs.js), which stores, validates (xAPI 1.0.3) and queries them; each
// is also checked by npm xapi-validation first, and what the real LRS stored is read back into
// `statements` in arrival order. This LMS adds what that service lacks: the one-time `fetch` URL
// (cmi5 §8.2), the State API, the agent profile, the `launched` statement it records before each
// launch (§9.3.1), and the faults a test asks for (LRS down, a 400, a trainer's wrong password...). Anything the real LRS refuses is a `problem` (the tests fail on
// it) and its answer goes back to the course unchanged. It answers on the same 127.0.0.1 server as
// the unpacked package (scripts/serve.js `handle`), so the page's CSP (connect-src 'self' https:)
// lets it through, as an LRS on https would be.
'use strict';
const crypto = require('crypto');
const path = require('path');
const { startRealLrs } = require('./real_lrs');

const ROOT = path.resolve(__dirname, '../../..');
const validate = require(path.join(ROOT, 'node_modules/xapi-validation')).default;

const SESSIONID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const LAUNCHED = 'http://adlnet.gov/expapi/verbs/launched';

// Starts the real LRS (a clear error when it cannot start: the tests need it); lrs.stop() ends it.
async function createLrs() {
  const real = await startRealLrs();
  const lrs = {
    real,                  // the real LRS: {endpoint, auth, startupMs, stop}
    launches: new Map(),   // launch id -> {token, fetched, registration, ...}
    fetches: [],           // every POST /fetch: {launch, ok}
    statements: [],        // the statements as the real LRS stored them, in arrival order
    puts: [],              // every statement request: {method, id, status}
    problems: [],          // what the course did wrong (xAPI invalid, refused by the real LRS, no auth, a second fetch, ...)
    requests: [],          // [method, path, launch id] of every /xapi request
    documents: new Map(),  // state / profile documents: key -> text
    downFor: null,         // a launch's token: answer 503 to its /xapi requests (the LRS is down for it)
    refuse: null,          // statement -> true: answer 400 (a statement the LRS will not take)
    refused: [],           // the ids answered 400, once per request
    // A trainer reading the course's statements back (granice report --lrs): GET /statements with
    // the xAPI query parameters, newest first, `limit` per page and `more` links (xAPI 1.0.3 §2.1.3).
    trainer: null,         // {user, pass}: the basic credentials that may read statements
    pageSize: 100,         // statements per page at most (the limit passed on to the real LRS)
    queries: [],           // every trainer GET: {url, version}
    trainerFault: null,    // 'loop' (more leads back), 'garbage' (not JSON), 'hang' (no answer) or an HTTP status
    stop: () => real.stop(),
  };
  let forwarding = Promise.resolve();   // statement writes pass to the real LRS one at a time, in arrival order
  const stateKey = (q) => ['state', q.get('activityId'), canonicalAgent(q.get('agent')), q.get('registration') || '', q.get('stateId')].join('|');
  const profileKey = (q) => ['profile', canonicalAgent(q.get('agent')), q.get('profileId')].join('|');

  // A launch (a new registration unless one is given), as the LMS does it before the AU runs:
  // LMS.LaunchData written (§10), then the `launched` statement recorded in the real LRS (§9.3.1)
  // in the session the AU will use. Resolves to the launch and the AU's query (§8.1); throws when
  // the real LRS refuses the LMS's own statement. launchUrl: the AU's URL without the query.
  lrs.newLaunch = async function ({ base, launchUrl, activityId, registration = crypto.randomUUID(), actor, mode = 'Normal',
                                    moveOn = 'CompletedAndPassed', masteryScore = 0.8, returnURL = '', launchParameters = '',
                                    preferences = null, auIri, refuseFetch = false }) {
    const id = crypto.randomUUID();
    const token = Buffer.from('granice-test:' + id).toString('base64');
    const sessionid = crypto.randomUUID();
    // refuseFetch: the fetch URL answers an error for this launch (§8.2.3)
    const launch = { id, token, fetched: 0, registration, actor, activityId, sessionid, refuseFetch };
    lrs.launches.set(id, launch);
    const q = new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId: 'LMS.LaunchData' });
    const data = { contextTemplate: { contextActivities: { grouping: [{ id: auIri }] }, extensions: { [SESSIONID]: sessionid } },
                   launchMode: mode, launchMethod: 'AnyWindow', moveOn };
    if (masteryScore !== null) data.masteryScore = masteryScore;
    if (returnURL) data.returnURL = returnURL;
    if (launchParameters) data.launchParameters = launchParameters;
    lrs.documents.set(stateKey(q), JSON.stringify(data));
    if (preferences) lrs.documents.set(profileKey(new URLSearchParams({ agent: JSON.stringify(actor), profileId: 'cmi5LearnerPreferences' })),
                                       JSON.stringify(preferences));
    const launched = launchedStatement({ actor, activityId, registration, data, launchUrl: launchUrl || base });
    launch.launchedId = launched.id;
    checkXapi(launched);
    const answer = await storeInRealLrs('POST', new URLSearchParams(), JSON.stringify([launched]), [launched], `the LMS, launch ${id}`);
    if (answer.status >= 300) throw new Error(`the real LRS refused the LMS's launched statement (${answer.status}): ${answer.text}`);
    const query = new URLSearchParams({ endpoint: base + 'xapi/', fetch: base + 'fetch?launch=' + id, actor: JSON.stringify(actor),
                                        registration, activityId });
    return { launch, query: query.toString() };
  };
  lrs.setStateDocument = (activityId, actor, registration, stateId, text) =>
    lrs.documents.set(stateKey(new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId })), text);
  lrs.stateDocument = (activityId, actor, registration, stateId) =>
    lrs.documents.get(stateKey(new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId })));
  lrs.session = (sessionid) => lrs.statements.filter((s) => s.context.extensions[SESSIONID] === sessionid);

  // [SECTION] The HTTP side (scripts/serve.js calls it first; false: a static file)
  lrs.handle = function (req, res) {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/fetch') { body(req, () => fetchToken(url, res)); return true; }
    if (!url.pathname.startsWith('/xapi/')) return false;
    body(req, (text) => {
      const what = url.pathname.slice('/xapi/'.length);
      const auth = req.headers.authorization || '';
      if (lrs.trainer && what === 'statements' && req.method === 'GET' &&
          ![...lrs.launches.values()].some((l) => auth === 'Basic ' + l.token)) return trainerQuery(req, url, auth, res)
        .catch((e) => send(res, 502, 'the test LMS could not ask the real LRS: ' + e.message));
      if (lrs.downFor && auth === 'Basic ' + lrs.downFor) return send(res, 503, 'the test LRS is down');
      const launch = [...lrs.launches.values()].find((l) => auth === 'Basic ' + l.token);
      lrs.requests.push([req.method, what, launch ? launch.id : null]);
      if (!launch) { lrs.problems.push(`${req.method} ${what} without a valid token (${auth})`); return send(res, 401, 'no valid token'); }
      if (req.headers['x-experience-api-version'] !== '1.0.3') lrs.problems.push(`${req.method} ${what} without X-Experience-API-Version 1.0.3`);
      const wrong = (e) => {
        lrs.problems.push(`${req.method} ${what} (launch ${launch.id}): ${e.message}`);
        return send(res, 400, e.message);
      };
      try {
        if (what === 'statements') return statements(req, launch, url, text, res).catch(wrong);
        if (what === 'activities/state') return documents(req, stateKey(url.searchParams), text, res);
        if (what === 'agents/profile') {
          if (req.method !== 'GET') return send(res, 405, 'read only here');
          return documents(req, profileKey(url.searchParams), text, res);
        }
        return send(res, 404, 'no such resource');
      } catch (e) {
        return wrong(e);
      }
    });
    return true;
  };

  function fetchToken(url, res) {
    const launch = lrs.launches.get(url.searchParams.get('launch'));
    if (!launch || launch.refuseFetch) { lrs.fetches.push({ launch: url.searchParams.get('launch'), ok: false }); return json(res, 200, { 'error-code': '3', 'error-text': 'refused by the test' }); }
    launch.fetched++;
    if (launch.fetched > 1) {   // §8.2.3.1
      lrs.problems.push(`fetch called ${launch.fetched} times for launch ${launch.id}`);
      lrs.fetches.push({ launch: launch.id, ok: false });
      return json(res, 200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
    }
    lrs.fetches.push({ launch: launch.id, ok: true });
    return json(res, 200, { 'auth-token': launch.token });
  }

  // Any GET of statements without a launch's token, when a trainer is set: a wrong password gets
  // 401 with the LRS's message, as real LRSs answer (the real LRS here takes any credentials); the
  // faults a test asks for are answered here; any other query is the real LRS's answer.
  async function trainerQuery(req, url, auth, res) {
    const q = url.searchParams;
    lrs.queries.push({ url: req.url, version: req.headers['x-experience-api-version'] || '' });
    if (auth !== 'Basic ' + Buffer.from(lrs.trainer.user + ':' + lrs.trainer.pass).toString('base64'))
      return json(res, 401, { message: 'Unauthorized: unknown credentials for this LRS' });
    if (req.headers['x-experience-api-version'] !== '1.0.3') return json(res, 400, { message: 'X-Experience-API-Version 1.0.3 expected' });
    const fault = lrs.trainerFault;
    if (fault === 'hang') return;  // never answers
    if (typeof fault === 'number') return json(res, fault, { message: 'the test LRS fails on purpose' });
    if (fault === 'garbage') return send(res, 200, '{"statements": [{"id": "x"', 'application/json');
    const asked = Number(q.get('limit')) || lrs.pageSize;
    q.set('limit', String(Math.min(asked, lrs.pageSize)));   // this LRS's page size below the limit asked for
    const answer = await forward('GET', q, '');
    if (answer.status !== 200) return send(res, answer.status, answer.text, 'application/json');
    const page = JSON.parse(answer.text);
    if (fault === 'loop' && q.has('cursor')) page.more = req.url;   // the second page's more leads back to itself
    return json(res, 200, page);
  }
  // Statements a test puts in directly (as the course would have sent them): validated here, then
  // stored by the real LRS (its `stored` is the time they arrive). Resolves when all are stored.
  lrs.store = async function (list) {
    list.forEach(checkXapi);
    for (let at = 0; at < list.length; at += 500) {
      const answer = await forward('POST', new URLSearchParams(), JSON.stringify(list.slice(at, at + 500)));
      if (answer.status !== 200) throw new Error(`the real LRS refused statements (${answer.status}): ${answer.text}`);
    }
  };

  // One request to the real LRS's statements resource; its `more` links are rewritten to this LMS's /xapi/.
  async function forward(method, query, text) {
    const search = query.toString();
    const r = await fetch(real.endpoint + 'statements' + (search ? '?' + search : ''), {
      method, body: method === 'GET' ? undefined : text,
      headers: { Authorization: real.auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' } });
    let answer = await r.text();
    if (r.status === 200 && method === 'GET') answer = answer.replace(/"more":"\/xAPI\/statements/, '"more":"/xapi/statements');
    return { status: r.status, text: answer };
  }

  async function statements(req, launch, url, text, res) {
    if (req.method === 'GET') {
      const answer = await forward('GET', url.searchParams, '');
      return send(res, answer.status, answer.text, 'application/json');
    }
    if (req.method !== 'PUT' && req.method !== 'POST') return send(res, 405, 'method not allowed');
    const q = url.searchParams;
    const list = req.method === 'PUT' ? [JSON.parse(text)] : [].concat(JSON.parse(text));
    if (req.method === 'PUT' && list[0].id !== q.get('statementId')) throw new Error('statementId differs from the statement id');
    for (const s of list) {
      if (lrs.refuse && lrs.refuse(s)) {
        lrs.refused.push(s.id);
        return send(res, 400, `statement ${s.id} refused by the test`);
      }
      checkXapi(s);
    }
    const answer = await storeInRealLrs(req.method, q, text, list, `launch ${launch.id}`);
    return send(res, answer.status, answer.text, answer.text ? 'application/json' : 'text/plain');
  }

  // One statement write passed to the real LRS (in arrival order, one at a time); each statement
  // it stored is read back into `statements`. A refusal is a problem naming `who` (the LMS or a launch).
  function storeInRealLrs(method, query, text, list, who) {
    const turn = forwarding.then(async () => {
      const answer = await forward(method, query, text);
      if (answer.status >= 300) {
        lrs.problems.push(`${method} statements (${who}): the real LRS answered ${answer.status}: ${answer.text}`);
        return answer;
      }
      for (const s of list) {
        const had = lrs.statements.some((o) => o.id === s.id);
        lrs.puts.push({ method, id: s.id, status: had ? 'again' : 'stored' });
        if (had) continue;
        const back = await forward('GET', new URLSearchParams({ statementId: s.id }), '');
        if (back.status !== 200) {
          lrs.problems.push(`statement ${s.id} (${who}) stored but not read back from the real LRS: ${back.status} ${back.text}`);
          continue;
        }
        lrs.statements.push(JSON.parse(back.text));
      }
      return answer;
    });
    forwarding = turn.catch(() => {});
    return turn;
  }

  function documents(req, key, text, res) {
    if (req.method === 'GET') {
      if (!lrs.documents.has(key)) return send(res, 404, 'no document');
      return send(res, 200, lrs.documents.get(key), 'application/json');
    }
    if (req.method === 'PUT') { JSON.parse(text); lrs.documents.set(key, text); return send(res, 204, ''); }
    if (req.method === 'POST') {   // xAPI: a JSON object merged into the one there
      const merged = Object.assign(JSON.parse(lrs.documents.get(key) || '{}'), JSON.parse(text));
      lrs.documents.set(key, JSON.stringify(merged));
      return send(res, 204, '');
    }
    if (req.method === 'DELETE') { lrs.documents.delete(key); return send(res, 204, ''); }
    return send(res, 405, 'method not allowed');
  }
  return lrs;
}

// [SECTION] The LMS's own statement
// The `launched` statement an LMS records before it launches an AU (cmi5 §9.3.1): the AU as its
// object, the LaunchData's context template (the publisher id grouping and the sessionid, §9.6.2.3,
// §9.6.3.1) with the registration and the cmi5 category, and the extensions the LMS must add to it:
// launchmode, launchurl (without the launch parameters), moveon, and masteryscore and
// launchparameters when the LaunchData has them (§9.6.3.2-§9.6.3.7). `data` is that LaunchData.
const CMI5_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/';
function launchedStatement({ actor, activityId, registration, data, launchUrl, at = new Date() }) {
  const context = JSON.parse(JSON.stringify(data.contextTemplate));
  context.registration = registration;
  context.contextActivities.category = [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }];
  Object.assign(context.extensions, { [CMI5_EXT + 'launchmode']: data.launchMode, [CMI5_EXT + 'launchurl']: launchUrl,
                                      [CMI5_EXT + 'moveon']: data.moveOn });
  if (data.masteryScore !== undefined) context.extensions[CMI5_EXT + 'masteryscore'] = data.masteryScore;
  if (data.launchParameters) context.extensions[CMI5_EXT + 'launchparameters'] = data.launchParameters;
  return { id: crypto.randomUUID(), actor, verb: { id: LAUNCHED, display: { 'en-US': 'launched' } },
           object: { objectType: 'Activity', id: activityId }, context, timestamp: at.toISOString() };
}

// npm xapi-validation's verdict on one statement (xAPI 1.0.3), as an error naming each field.
function checkXapi(s) {
  const warnings = validate(s);
  if (warnings.length) throw new Error(`statement ${s.id} is not valid xAPI: ` + warnings.map((w) => `${w.path.join('.')} ${w.name}`).join('; '));
}
function canonicalAgent(text) {
  const a = JSON.parse(text);
  if (!a.account) throw new Error('agent without an account: ' + text);
  return a.account.homePage + '|' + a.account.name;
}
function body(req, then) {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => then(Buffer.concat(chunks).toString('utf8')));
}
function send(res, status, text, type = 'text/plain') {
  res.writeHead(status, { 'Content-Type': type, 'X-Experience-API-Version': '1.0.3' });
  res.end(text);
}
const json = (res, status, value) => send(res, status, JSON.stringify(value), 'application/json');

module.exports = { createLrs, launchedStatement, SESSIONID, LAUNCHED };
