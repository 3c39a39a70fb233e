// The qps pseudo-locale in the browser (issue 18, docs/translation.md §5): module 1 with the
// language switched mid-quiz pl -> qps -> en, the progress kept, and no text outside the viewport's
// width or running into another widget, at 1280 and 360 px (screenshots build/screenshots/qps-*).
// Every screen of every module in qps, with the check for hard-coded text, is walked natively
// (tests/unit/test_pseudo_walk.cpp); here the browser's own part: packs, the switch, the page.
//
// The shipped site has pl and en only, and the wasm trusts only the packs it was built with. This
// test makes the qps content as an L&D team would (`granice xliff pseudo`), packs it as the web
// build does (scripts/embed_files.js) beside a copy of the test build (site-test), and tells the
// test build the packs' hashes (window.graniceTestPackHashes, read by tests/web/test_driver.cpp).
// What a learner downloads is unchanged; the other tests' site is untouched.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { graniceCli, run, openApp, semantics, settle, click, screenshot, packsFetched, SITE_TEST, needTestBuild } = require('./harness.js');
const { startServer } = require('../../scripts/serve.js');
const { packHashes } = require('../../scripts/embed_files.js');
const L = require('./learner.js');

const ROOT = path.resolve(__dirname, '../..');
const location = (page) => page.evaluate(() => Module.ccall('granice_location', 'string', [], []));

// site-test with the packs of the pseudo content (pl, en, qps) instead of its own.
async function pseudoSite() {
  needTestBuild();
  const CLI = graniceCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-qps-'));
  const content = path.join(dir, 'content');
  const site = path.join(dir, 'site');
  await run(CLI, ['xliff', 'pseudo', '--out', content, path.join(ROOT, 'quizzes')]);
  fs.cpSync(SITE_TEST, site, { recursive: true });
  for (const f of fs.readdirSync(site)) if (f.endsWith('.pack.lzma')) fs.rmSync(path.join(site, f));
  const packs = path.join(dir, 'packs');
  const embed = (...args) => run(process.execPath, [path.join(ROOT, 'scripts/embed_files.js'), ...args]);
  await embed('pack', packs, content);
  await embed('site', site, content, packs, path.join(site, 'lzma.wasm'), 'index.html', 'trainer.html');
  const hashes = packHashes(content, packs);   // of the packs just made, not made again
  const qps = JSON.parse(fs.readFileSync(path.join(content, 'course.json'), 'utf8')).languages.find((l) => l.code === 'qps');
  return { dir, site, hashes, qpsName: qps.name };
}

// What overflows on screen: a widget beyond the viewport's width, or two widgets whose rects
// overlap without one holding the other (a text running out of its card, bubble or button into
// another). The tree has no parent links: a text's container is the node whose rect holds it.
// On a phone, content scrolls under the bar pinned to the bottom: overlaps there are scrolling.
function layoutFaults(nodes, width, height) {
  const out = [];
  const shown = nodes.filter((n) => n.rect && n.rect.width > 0 && n.rect.height > 0);
  if (shown.some((n) => n.role === 'option')) return out;   // an open list lies over the screen by design
  const label = (n) => `${n.role} "${n.name.slice(0, 50)}" (${Math.round(n.rect.x)},${Math.round(n.rect.y)} ${Math.round(n.rect.width)}x${Math.round(n.rect.height)})`;
  for (const n of shown) if (n.rect.x < -1 || n.rect.x + n.rect.width > width + 1) out.push(`${label(n)} beyond ${width} px`);
  const bar = shown.filter((n) => n.rect.y > height / 2 && n.rect.y + n.rect.height > height - 24 && n.rect.y + n.rect.height <= height + 1);
  const barTop = width < 600 && bar.length ? Math.min(...bar.map((n) => n.rect.y)) - 16 : Infinity;
  const inside = (a, b) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
  const overlap = (a, b) => a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height;
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i].rect, b = shown[j].rect;
      if (overlap(a, b) && !inside(a, b) && !inside(b, a) && Math.max(a.y, b.y) < barTop) out.push(`${label(shown[i])} and ${label(shown[j])} overlap`);
    }
  }
  return out;
}

async function checkLayout(page, width, height, shot) {
  await page.setViewportSize({ width, height });
  await settle(page, 100);
  const nodes = await semantics(page);
  assert.deepEqual(layoutFaults(nodes, width, height), [], `qps at ${width} px: every text inside its widget and the viewport`);
  await screenshot(page, shot);
  return nodes;
}

module.exports = {
  async 'qps: module 1 switching language mid-quiz pl -> qps -> en keeps the progress; nothing overflows at 1280 and 360 px'(env) {
    const t0 = Date.now();
    const made = await pseudoSite();
    const { server, url } = await startServer({ root: made.site, port: 0 });
    const own = { ...env, url, driverUrl: url };
    const { page, context, errors } = await openApp(own, { query: 'granice-test-driver=1&lang=pl', globals: { graniceTestPackHashes: made.hashes } });
    try {
      console.log(`    pseudo content and its packs made in ${Date.now() - t0} ms`);
      const pl = L.UI.pl;
      await settle(page);
      await L.mouse.press(page, 'textbox', pl.name);
      await page.keyboard.type('Zoë Qps', { delay: 10 });
      await L.mouse.press(page, 'button', pl.nameContinue);
      await L.mouse.press(page, 'button', pl.start);
      await L.mouse.press(page, 'button', pl.takeQuiz);   // the quiz does not wait for the lesson
      await L.answerQuestion(page, 'pl', L.mouse);
      await L.mouse.press(page, 'button', pl.nextQ);
      const where = await location(page);

      // pl -> qps: the pseudo-locale's pack is fetched and the same question is shown in it.
      await click(page, 'button', made.qpsName);
      await L.waitForNode(page, 'button', 'English', 10000);
      const loads = await page.evaluate(() => window.granice.packLoads);
      const sw = loads[loads.length - 1];
      assert.equal(sw.lang, 'qps');
      assert.equal(sw.taken, true, 'the test build took the qps pack');
      console.log(`    switch pl -> qps: ${sw.bytes} bytes, fetched and applied in ${sw.totalMs.toFixed(0)} ms`);
      assert.equal(await location(page), where, 'the same question, now in qps');
      const inQps = await checkLayout(page, 1280, 800, 'qps-quiz-1280');
      assert.ok(inQps.some((n) => n.role === 'heading' && n.level === 1 && /^\[.*\]$/s.test(n.name)), 'the question in qps');
      await checkLayout(page, 360, 740, 'qps-quiz-360');
      await checkLayout(page, 1280, 800, 'qps-quiz-1280');

      // qps -> en: the quiz goes on from the same question, answered in English; the test driver
      // answers the rest of the attempt and plays the role-play in the app's session (those
      // screens in every language: tests/unit/test_pseudo_walk.cpp, test_screens_walk.cpp).
      await click(page, 'button', 'English');
      await L.waitForNode(page, 'button', 'Polski', 10000);
      assert.equal(await location(page), where, 'still the same question, now in English');
      const m1 = L.content.modules[0];
      await L.takeQuizThenDriver(page, 'en', L.mouse, `session-quiz:${m1.id}:right`, 1, { before: 1 });
      const results = (await semantics(page)).map((n) => n.name).join('\n');
      assert.match(results, /100\s?%/, 'every answer counted, the one given in Polish too');
      const played = await L.walkInSession(page, 'session-module:' + m1.id);
      assert.ok(played.did.length > 0 && played.did.every((d) => d.reply), 'the role-play played: ' + JSON.stringify(played).slice(0, 200));
      await L.mouse.press(page, 'button', L.UI.en.home);
      const n = L.content.modules.length;
      assert.ok(await L.has(page, 'progressbar', `Modules completed: 1 of ${n}`), 'module 1 done, in English');
      assert.deepEqual(await packsFetched(page), ['content-pl.pack.lzma', 'content-qps.pack.lzma', 'content-en.pack.lzma']);
      assert.deepEqual(errors, []);
      console.log(`    module 1 in pl, qps and en: ${Date.now() - t0} ms`);
    } finally {
      await context.close();
      server.close();
      fs.rmSync(made.dir, { recursive: true, force: true });
    }
  },
};
