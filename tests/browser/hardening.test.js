// Hardening: the page runs under its Content-Security-Policy and asks for nothing but its own
// files; records opened in the trainer view are data, never code; damaged saved progress is
// told to the learner plainly, and so is a damaged or missing app.wasm.lzma; the single-file
// build runs from file:// with the course's features (the trainer page is not in it).
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { openApp, semantics, settle, run } = require('./harness.js');
const L = require('./learner.js');

const ROOT = path.resolve(__dirname, '../..');
const SITE = process.env.GRANICE_SITE || path.join(ROOT, 'build/web/site');
const KEY = 'granice:' + L.content.course.id;

// Every request the page makes, and every CSP violation it reports.
function watch(page) {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return requests;
}
async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}
async function trackCsp(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

module.exports = {
  async 'the app runs under its CSP and requests only its own files'(env) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await trackCsp(context);
    const page = await context.newPage();
    const requests = watch(page);
    try {
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const response = await page.goto(env.url + '?lang=en');
      await page.evaluate(() => window.granice.ready);
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, 'no unsafe-inline / unsafe-eval for scripts');
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, 'nothing inline is allowed');
      assert.match(csp, /connect-src 'self' https:;/, 'requests: this origin, and an LRS over HTTPS only (cmi5)');
      assert.ok(response.ok());
      await settle(page, 300);
      // Use it a little: name, start, a lesson page.
      await L.mouse.press(page, 'textbox', L.UI.en.name);
      await page.keyboard.type('Csp Tester');
      await L.mouse.press(page, 'button', L.UI.en.nameContinue);
      await L.mouse.press(page, 'button', L.UI.en.start);
      await L.mouse.press(page, 'button', L.UI.en.readLesson);
      const origin = new URL(env.url).origin;
      const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
      assert.deepEqual(foreign, [], 'no request leaves the page\'s origin');
      const files = [...new Set(requests.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname))].sort();
      const allowed = ['/', '/index.html', '/style.css', '/granice.js', '/scorm.js', '/cmi5.js', '/a11y.js', '/lzma.js', '/lzma.wasm', '/app.js', '/app.wasm.lzma',
                       '/content-en.pack.lzma'];   // the learner's language only: no other language's pack
      for (const f of files) assert.ok(allowed.includes(f), `unexpected request ${f}`);
      assert.ok(files.includes('/content-en.pack.lzma'), files.join(' '));
      assert.deepEqual(await cspViolations(page), [], 'no CSP violations');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'records opened in the trainer view are shown as text and cannot run anything'(env) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await trackCsp(context);
    const page = await context.newPage();
    const requests = watch(page);
    try {
      await page.goto(env.url + 'trainer.html?lang=en');
      await page.evaluate(() => window.granice.ready);
      await settle(page, 200);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-evil-'));
      const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
      const record = {
        format: 'granice-record', format_version: 1,
        course: { id: L.content.course.id, version: L.content.course.version },
        learner: { id: 'javascript:window.__pwned=3', name: payload },
        modules: [{ id: payload }],
        snapshot: 'G1.' + 'A'.repeat(50),
      };
      const files = {
        'evil-record.json': JSON.stringify(record),
        'evil.html': `<html><body>${payload}</body></html>`,
        'evil.js.json': 'alert(1); fetch("http://example.invalid/")',
        'deep.json': '['.repeat(100000),
        'nul.json': '{"a":"\u0000\ud800"}',
      };
      const paths = Object.entries(files).map(([n, t]) => { const p = path.join(dir, n); fs.writeFileSync(p, t); return p; });
      await page.setInputFiles('#granice-trainer-files', paths);
      await settle(page, 500);
      const pwned = await page.evaluate(() => window.__pwned);
      assert.equal(pwned, undefined, 'nothing from a record ran');
      assert.equal(await page.evaluate(() => document.querySelectorAll('img, iframe, object, embed').length), 0,
                   'no element from a record was inserted into the page');
      assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0, 'no inline script appeared');
      const origin = new URL(env.url).origin;
      assert.deepEqual(requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:')), [], 'no request left the origin');
      assert.deepEqual(await cspViolations(page), [], 'no CSP violations (nothing even tried to load)');
      const nodes = await semantics(page);
      assert.ok(nodes.length > 0, 'the trainer view still draws');
      assert.equal(await page.evaluate(() => typeof window.granice.frames()), 'number', 'the app is still running');
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      await context.close();
    }
  },

  async 'damaged saved progress is kept aside and the learner is told plainly'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'en', name: 'Tamper Tester' });
    try {
      await L.mouse.press(page, 'button', L.UI.en.start);
      await L.mouse.press(page, 'button', L.UI.en.readLesson);
      await L.mouse.press(page, 'button', L.UI.en.next);
      const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);
      assert.ok(saved && saved.length > 100, 'progress was saved in local storage');
      // The shipped content is minified, but the record names it as `granice stats quizzes/` does.
      const { originalHash } = require('../../scripts/embed_files.js');
      assert.equal(JSON.parse(saved).course.content_hash, originalHash(path.join(ROOT, 'quizzes')).hex, 'content hash of the originals');
      for (const [what, damaged] of [
        ['a record cut short', saved.slice(0, saved.length >> 1)],
        ['a snapshot with one character changed', (() => {
          const snap = JSON.parse(saved).snapshot;
          const i = snap.length - 10;
          return snap.slice(0, i) + (snap[i] === 'A' ? 'B' : 'A') + snap.slice(i + 1);
        })()],
        ['binary garbage', '\u0000\u00ff\ufffd'.repeat(300)],
      ]) {
        // Leave the app first (it saves on pagehide), then damage the copy from a same-origin page.
        await page.goto('about:blank');
        const other = await context.newPage();
        await other.goto(env.url + 'style.css');
        await other.evaluate(([k, v]) => {
          for (const key of Object.keys(localStorage)) if (key.includes('.damaged.')) localStorage.removeItem(key);
          localStorage.setItem(k, v);
        }, [KEY, damaged]);
        await other.close();
        await page.goto(env.url + '?lang=en');
        await page.evaluate(() => window.granice.ready);
        await settle(page, 200);
        const nodes = await semantics(page);
        const text = nodes.map((n) => n.name).join('\n');
        assert.match(text, /The progress saved in this browser was (partly )?damaged/, `${what}: the learner is told`);
        const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.damaged.')));
        assert.equal(backups.length, 1, `${what}: the damaged copy is kept`);
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), backups[0]), damaged, `${what}: unchanged`);
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'a damaged or missing app.wasm.lzma is told plainly instead of a blank page'(env) {
    const packed = fs.readFileSync(path.join(SITE, 'app.wasm.lzma'));
    const cases = [
      ['cut in half (an interrupted download)', { body: packed.subarray(0, packed.length >> 1) }, /The course files are damaged/],
      ['one byte changed', { body: Buffer.concat([packed.subarray(0, 5000), Buffer.from([packed[5000] ^ 0x5a]), packed.subarray(5001)]) }, /The course files are damaged/],
      ['not on the server', { status: 404, body: 'not found' }, /The course files could not be loaded/],
    ];
    for (const [what, response, message] of cases) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      try {
        await page.route('**/app.wasm.lzma', (route) => route.fulfill({ contentType: 'application/octet-stream', ...response }));
        await page.goto(env.url + '?lang=en');
        await page.waitForFunction(() => document.getElementById('status').classList.contains('error'), null, { timeout: 20000 });
        const text = await page.textContent('#status-text');
        assert.match(text, message, `${what}: ${text}`);
        assert.match(text, /Pliki kursu|Nie udało się/, `${what}: said in Polish too`);
        assert.equal(await page.getAttribute('#status', 'role'), 'status', `${what}: announced`);
        const errors = await page.evaluate(() => window.granice.errors);
        assert.ok(errors.length >= 1, `${what}: the cause is kept in granice.errors`);
        const started = await page.evaluate(() => Promise.race([window.granice.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 300))]));
        assert.equal(started, false, `${what}: the app did not start on broken code`);
        assert.deepEqual(pageErrors, [], `${what}: no uncaught error`);
      } finally {
        await context.close();
      }
    }
  },

  async 'the single-file build runs from file:// offline, standalone, and keeps progress'(env) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-single-'));
    const file = path.join(dir, 'granice.html');
    await run('node', [path.join(ROOT, 'scripts/single_file.js'), SITE, file]);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await trackCsp(context);
    const page = await context.newPage();
    const requests = watch(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto('file://' + file + '?lang=pl');
      await page.evaluate(() => window.granice.ready);
      await settle(page, 200);
      let nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.role === 'heading' && n.name === L.content.course.title.pl), 'Polish title');
      // Same features: name, a lesson, progress kept across a reload (standalone, local storage).
      await L.mouse.press(page, 'textbox', L.UI.pl.name);
      await page.keyboard.type('Jan Plik');
      await L.mouse.press(page, 'button', L.UI.pl.nameContinue);
      nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.name === 'Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.'), 'Polish text');
      // The trainer page is not in the single file: Home offers no button that would lead nowhere.
      assert.ok(!nodes.some((n) => n.role === 'button' && n.name === 'Widok trenera'), 'no trainer button');
      await L.mouse.press(page, 'button', L.UI.pl.start);
      await L.mouse.press(page, 'button', L.UI.pl.readLesson);
      await L.mouse.press(page, 'button', L.UI.pl.next);
      const before = (await semantics(page)).filter((n) => n.role === 'heading').map((n) => n.name);
      await page.reload();
      await page.evaluate(() => window.granice.ready);
      await settle(page, 200);
      nodes = await semantics(page);
      const after = nodes.filter((n) => n.role === 'heading').map((n) => n.name);
      assert.deepEqual(after, before, 'resumed on the same lesson page after a reload');
      const foreign = requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:') && !u.startsWith('data:'));
      assert.deepEqual(foreign, [], 'nothing but the file itself (and its blob: scripts) is loaded');
      assert.equal(new Set(requests.filter((u) => u.startsWith('file://')).map((u) => u.split('?')[0])).size, 1, 'one file');
      assert.deepEqual(await cspViolations(page), [], 'no CSP violations');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
