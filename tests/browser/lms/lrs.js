// A small test LMS + LRS for the cmi5 browser tests (Node only; never served to the page): the
// one-time `fetch` URL (cmi5 §8.2), xAPI statements (PUT/POST/GET, each checked by npm
// xapi-validation and kept in arrival order), the State API and the agent profile. It answers on
// the same 127.0.0.1 server as the unpacked package (scripts/serve.js `handle`), so the page's
// CSP (connect-src 'self' https:) lets it through, as an LRS on https would be.
'use strict';
const crypto = require('crypto');
const path = require('path');

const ROOT = path.resolve(__dirname, '../../..');
const validate = require(path.join(ROOT, 'node_modules/xapi-validation')).default;

const SESSIONID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

function createLrs() {
  const lrs = {
    launches: new Map(),   // launch id -> {token, fetched, registration, ...}
    fetches: [],           // every POST /fetch: {launch, ok}
    statements: [],        // accepted statements in arrival order
    puts: [],              // every statement request: {method, id, status}
    problems: [],          // what the course did wrong (xAPI invalid, no auth, a second fetch, ...)
    requests: [],          // [method, path, launch id] of every /xapi request
    documents: new Map(),  // state / profile documents: key -> text
    downFor: null,         // a launch's token: answer 503 to its /xapi requests (the LRS is down for it)
    refuse: null,          // statement -> true: answer 400 (a statement the LRS will not take)
    refused: [],           // the ids answered 400, once per request
    // A trainer reading the course's statements back (granice report --lrs): GET /statements with
    // the xAPI query parameters, newest first, `limit` per page and `more` links (xAPI 1.0.3 §2.1.3).
    trainer: null,         // {user, pass}: the basic credentials that may read statements
    pageSize: 100,         // statements per page when the query gives no (smaller) limit
    queries: [],           // every trainer GET: {url, version}
    trainerFault: null,    // 'loop' (more leads back), 'garbage' (not JSON), 'hang' (no answer) or an HTTP status
  };
  const cursors = new Map();  // more token -> {list, at, limit}
  const stateKey = (q) => ['state', q.get('activityId'), canonicalAgent(q.get('agent')), q.get('registration') || '', q.get('stateId')].join('|');
  const profileKey = (q) => ['profile', canonicalAgent(q.get('agent')), q.get('profileId')].join('|');

  // A new registration's launch: the LMS writes LMS.LaunchData (§10) and returns the AU's query.
  lrs.newLaunch = function ({ base, activityId, registration = crypto.randomUUID(), actor, mode = 'Normal', moveOn = 'CompletedAndPassed',
                              masteryScore = 0.8, returnURL = '', preferences = null, auIri, refuseFetch = false }) {
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
    lrs.documents.set(stateKey(q), JSON.stringify(data));
    if (preferences) lrs.documents.set(profileKey(new URLSearchParams({ agent: JSON.stringify(actor), profileId: 'cmi5LearnerPreferences' })),
                                       JSON.stringify(preferences));
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
          ![...lrs.launches.values()].some((l) => auth === 'Basic ' + l.token)) return trainerQuery(req, url, auth, res);
      if (lrs.downFor && auth === 'Basic ' + lrs.downFor) return send(res, 503, 'the test LRS is down');
      const launch = [...lrs.launches.values()].find((l) => auth === 'Basic ' + l.token);
      lrs.requests.push([req.method, what, launch ? launch.id : null]);
      if (!launch) { lrs.problems.push(`${req.method} ${what} without a valid token (${auth})`); return send(res, 401, 'no valid token'); }
      if (req.headers['x-experience-api-version'] !== '1.0.3') lrs.problems.push(`${req.method} ${what} without X-Experience-API-Version 1.0.3`);
      try {
        if (what === 'statements') return statements(req, url.searchParams, text, res);
        if (what === 'activities/state') return documents(req, stateKey(url.searchParams), text, res);
        if (what === 'agents/profile') {
          if (req.method !== 'GET') return send(res, 405, 'read only here');
          return documents(req, profileKey(url.searchParams), text, res);
        }
        return send(res, 404, 'no such resource');
      } catch (e) {
        lrs.problems.push(`${req.method} ${what}: ${e.message}`);
        return send(res, 400, e.message);
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
  // 401 with the LRS's message, as real LRSs answer.
  function trainerQuery(req, url, auth, res) {
    const q = url.searchParams;
    lrs.queries.push({ url: req.url, version: req.headers['x-experience-api-version'] || '' });
    if (auth !== 'Basic ' + Buffer.from(lrs.trainer.user + ':' + lrs.trainer.pass).toString('base64'))
      return json(res, 401, { message: 'Unauthorized: unknown credentials for this LRS' });
    if (req.headers['x-experience-api-version'] !== '1.0.3') return json(res, 400, { message: 'X-Experience-API-Version 1.0.3 expected' });
    const fault = lrs.trainerFault;
    if (fault === 'hang') return;  // never answers
    if (typeof fault === 'number') return json(res, fault, { message: 'the test LRS fails on purpose' });
    if (fault === 'garbage') return send(res, 200, '{"statements": [{"id": "x"', 'application/json');
    let cursor;
    if (q.has('more')) {
      cursor = cursors.get(q.get('more'));
      if (!cursor) return json(res, 400, { message: 'unknown more token' });
    } else {
      const activity = q.get('activity');
      const related = q.get('related_activities') === 'true';
      const since = q.get('since');
      const voided = new Set(lrs.statements.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/voided').map((s) => s.object.id));
      const about = (s) => {
        if (!activity) return true;
        if (s.object.id === activity) return true;
        if (!related) return false;
        const ca = (s.context && s.context.contextActivities) || {};
        return ['parent', 'grouping', 'category', 'other'].some((k) => [].concat(ca[k] || []).some((a) => a.id === activity));
      };
      // Newest stored first; voided statements are not returned (xAPI 1.0.3 §2.2.4).
      const list = lrs.statements.filter((s) => !voided.has(s.id) && about(s) && (!since || s.stored > since)).reverse();
      const limit = Math.min(Number(q.get('limit')) || lrs.pageSize, lrs.pageSize);
      cursor = { list, at: 0, limit };
    }
    const page = cursor.list.slice(cursor.at, cursor.at + cursor.limit);
    let more = '';
    if (cursor.at + cursor.limit < cursor.list.length || fault === 'loop') {
      const token = crypto.randomUUID();
      cursors.set(token, fault === 'loop' ? cursor : { ...cursor, at: cursor.at + cursor.limit });
      more = fault === 'loop' && q.has('more') ? req.url : '/xapi/statements?more=' + token;
    }
    return json(res, 200, { statements: page, more });
  }
  // Statements a test puts in directly (as the course would have sent them): validated, stored, timed.
  lrs.store = function (list, stored = new Date().toISOString()) {
    for (const s of list) {
      const warnings = validate(s);
      if (warnings.length) throw new Error(`statement ${s.id} is not valid xAPI: ` + warnings.map((w) => `${w.path.join('.')} ${w.name}`).join('; '));
      lrs.statements.push({ ...s, stored });
    }
  };

  function statements(req, q, text, res) {
    if (req.method === 'GET') return json(res, 200, { statements: lrs.statements.slice().reverse(), more: '' });
    const list = req.method === 'PUT' ? [JSON.parse(text)] : [].concat(JSON.parse(text));
    if (req.method === 'PUT' && list[0].id !== q.get('statementId')) throw new Error('statementId differs from the statement id');
    const ids = [];
    for (const s of list) {
      if (lrs.refuse && lrs.refuse(s)) {
        lrs.refused.push(s.id);
        return send(res, 400, `statement ${s.id} refused by the test`);
      }
      const warnings = validate(s);
      if (warnings.length) throw new Error(`statement ${s.id} is not valid xAPI: ` + warnings.map((w) => `${w.path.join('.')} ${w.name}`).join('; '));
      const had = lrs.statements.find((o) => o.id === s.id);
      if (had) {
        lrs.puts.push({ method: req.method, id: s.id, status: 'again' });
        if (JSON.stringify(had) !== JSON.stringify(s)) return send(res, 409, `statement ${s.id} exists with other content`);
        ids.push(s.id);
        continue;
      }
      lrs.puts.push({ method: req.method, id: s.id, status: 'stored' });
      lrs.statements.push(s);
      ids.push(s.id);
    }
    return req.method === 'PUT' ? send(res, 204, '') : json(res, 200, ids);
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

module.exports = { createLrs, SESSIONID };
