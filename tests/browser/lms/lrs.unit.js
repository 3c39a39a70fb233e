// The test LMS (lms/lrs.js) in front of the real LRS (lms/real_lrs.js, Learning Locker's
// statements service): a launch records the LMS's `launched` statement (cmi5 §9.3.1) in the real
// LRS; statements reach the real LRS and are read back as it stored them, a
// resend is idempotent, what the real LRS refuses goes back to the course with its message and is
// a problem for the tests, queries are the real LRS's answers, and stop() ends it.
// Plain Node, run by ctest:   node tests/browser/lms/lrs.unit.js
'use strict';
const assert = require('node:assert/strict');
const crypto = require('crypto');
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createLrs, SESSIONID, LAUNCHED } = require('./lrs.js');
const { startRealLrs } = require('./real_lrs.js');

(async () => {
  const lrs = await createLrs();
  const server = http.createServer((req, res) => { if (!lrs.handle(req, res)) { res.writeHead(404); res.end(); } });
  try {
    assert.match(lrs.real.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/xAPI\/$/, 'bound to 127.0.0.1');
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}/`;
    const actor = { objectType: 'Agent', name: 'Unit', account: { homePage: 'https://lms.example.com', name: 'u-unit' } };
    const { launch, query } = await lrs.newLaunch({ base, launchUrl: base + 'au/index.html', activityId: 'urn:granice:test:au',
                                                    auIri: 'urn:granice:test:au', actor, launchParameters: 'level=2' });
    // Before the AU runs, the LMS's launched statement is in the real LRS, in the AU's session (§9.3.1).
    assert.equal(lrs.statements.length, 1, 'the launched statement is stored before the launch');
    const launched = lrs.statements[0];
    assert.equal(launched.id, launch.launchedId);
    assert.equal(launched.verb.id, LAUNCHED);
    assert.deepEqual(launched.actor, actor);
    assert.equal(launched.object.id, 'urn:granice:test:au');
    assert.equal(launched.context.registration, launch.registration);
    assert.deepEqual(launched.context.contextActivities, { grouping: [{ id: 'urn:granice:test:au', objectType: 'Activity' }],
                                                            category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5', objectType: 'Activity' }] });
    const ext = 'https://w3id.org/xapi/cmi5/context/extensions/';
    assert.deepEqual(launched.context.extensions, { [SESSIONID]: launch.sessionid, [ext + 'launchmode']: 'Normal',
                                                    [ext + 'launchurl']: base + 'au/index.html', [ext + 'moveon']: 'CompletedAndPassed',
                                                    [ext + 'masteryscore']: 0.8, [ext + 'launchparameters']: 'level=2' });
    const launchData = JSON.parse(lrs.stateDocument('urn:granice:test:au', actor, launch.registration, 'LMS.LaunchData'));
    assert.equal(launchData.contextTemplate.extensions[SESSIONID], launch.sessionid, 'the session of LMS.LaunchData');
    assert.equal(launchData.launchParameters, 'level=2');
    const fetched = await (await fetch(new URLSearchParams(query).get('fetch'), { method: 'POST' })).json();
    const headers = { Authorization: 'Basic ' + fetched['auth-token'], 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
    const statement = (verb) => ({
      id: crypto.randomUUID(), actor, timestamp: new Date().toISOString(),
      verb: { id: 'http://adlnet.gov/expapi/verbs/' + verb, display: { 'en-US': verb } },
      object: { id: 'urn:granice:test:au', objectType: 'Activity' },
      context: { registration: launch.registration, extensions: { [SESSIONID]: launch.sessionid } } });
    const post = (list) => fetch(base + 'xapi/statements', { method: 'POST', headers, body: JSON.stringify(list) });

    // Stored by the real LRS and read back from it (its `stored` and `authority` are on them).
    const two = [statement('initialized'), statement('experienced')];
    let r = await post(two);
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), two.map((s) => s.id), 'the real LRS\'s answer: the ids');
    assert.deepEqual(lrs.statements.map((s) => s.id), [launched.id, ...two.map((s) => s.id)], 'in arrival order');
    assert.ok(lrs.statements.every((s) => s.stored && s.authority), 'as the real LRS stored them: ' + JSON.stringify(lrs.statements[0]));
    assert.deepEqual(lrs.session(launch.sessionid).map((s) => s.verb.id.split('/').pop()), ['launched', 'initialized', 'experienced']);

    // A resend of the same statements (a retry after a lost answer) is idempotent.
    r = await post(two);
    assert.equal(r.status, 200);
    assert.equal(lrs.statements.length, 3, 'nothing doubled');
    assert.deepEqual(lrs.puts.map((p) => p.status), ['stored', 'stored', 'stored', 'again', 'again']);
    assert.deepEqual(lrs.problems, []);

    // The same id with other content: valid xAPI, but the real LRS refuses it (409) with its message.
    const changed = { ...two[0], verb: { id: 'http://adlnet.gov/expapi/verbs/terminated' } };
    r = await fetch(base + 'xapi/statements?statementId=' + changed.id, { method: 'PUT', headers, body: JSON.stringify(changed) });
    assert.equal(r.status, 409, 'the real LRS\'s status reaches the course');
    assert.match(await r.text(), new RegExp(`${changed.id} is conflicting`), 'with its message');
    assert.equal(lrs.problems.length, 1);
    assert.match(lrs.problems[0], new RegExp(`launch ${launch.id}\\): the real LRS answered 409: .*is conflicting`), lrs.problems[0]);
    lrs.problems.length = 0;

    // Not xAPI: refused before the real LRS, naming the field.
    r = await post([{ ...statement('answered'), verb: { display: { 'en-US': 'no id' } } }]);
    assert.equal(r.status, 400);
    assert.match(await r.text(), /not valid xAPI: statement\.verb\.id/);
    assert.equal(lrs.problems.length, 1);
    assert.equal(lrs.statements.length, 3);

    // Queries are the real LRS's: the registration's statements, newest first.
    r = await fetch(base + 'xapi/statements?registration=' + launch.registration, { headers });
    assert.equal(r.status, 200);
    assert.deepEqual((await r.json()).statements.map((s) => s.id), [launched.id, ...two.map((s) => s.id)].reverse());

    // stop(): the real LRS no longer answers.
    lrs.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await assert.rejects(fetch(lrs.real.endpoint + 'about'), 'stopped');
    // When it cannot start, the tests fail and say why (no fallback).
    await assert.rejects(startRealLrs({ service: '/nonexistent/server.js' }),
                         /the real LRS is not installed \(\/nonexistent\/server\.js is missing\): run scripts\/setup/);
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'granice-lrs-unit-')), 'server.js');
    fs.writeFileSync(broken, 'console.error("cannot open its storage"); process.exit(3);');
    await assert.rejects(startRealLrs({ service: broken }), /did not start: it exited \(3\)\ncannot open its storage/);
    fs.rmSync(path.dirname(broken), { recursive: true, force: true });
    console.log(`ok: the real LRS answered ${lrs.real.startupMs.toFixed(0)} ms after its start; the LMS's launched stored; stored, read back, ` +
                'idempotent resend, its 409 passed on as a problem, invalid xAPI refused first, queried, stopped, a failed start told');
  } finally {
    server.close();
    lrs.stop();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
