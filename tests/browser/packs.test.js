// Languages as packs (docs/performance.md "Language packs"): a learner downloads only their
// language; a switch fetches the other pack, keeps every bit of progress and is quick; a pack that
// is missing, cut or altered is told plainly and the learner carries on in a language that loaded.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const { semantics, settle, click, packsFetched } = require('./harness.js');
const L = require('./learner.js');

const SITE = process.env.GRANICE_SITE || path.resolve(__dirname, '../../build/web/site');   // as harness.js
const TITLE = L.content.course.title;
const location = (page) => page.evaluate(() => Module.ccall('granice_location', 'string', [], []));
const texts = async (page) => (await semantics(page)).map((n) => n.name).join('\n');

// The page opened with the named packs answered by `respond(buffer) -> route.fulfill options`.
async function openWithPacks(env, query, broken) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(20000);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  for (const [lang, respond] of Object.entries(broken)) {
    const bytes = fs.readFileSync(path.join(SITE, `content-${lang}.pack.lzma`));
    await page.route(`**/content-${lang}.pack.lzma`, (route) => route.fulfill({ contentType: 'application/octet-stream', ...respond(bytes) }));
  }
  await page.goto(env.url + '?' + query);
  return { page, context, pageErrors };
}

const BROKEN = {
  'cut in half': (b) => ({ body: b.subarray(0, b.length >> 1) }),
  'one byte changed': (b) => ({ body: Buffer.concat([b.subarray(0, 999), Buffer.from([b[999] ^ 0x20]), b.subarray(1000)]) }),
  'not on the server': () => ({ status: 404, body: 'not found' }),
};

module.exports = {
  async 'a learner downloads only their language; a switch fetches the other and keeps the progress (its time: scripts/bench)'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'pl', name: 'Ola Pakiet' });
    try {
      assert.deepEqual(await packsFetched(page), ['content-pl.pack.lzma'], 'only the Polish pack on a Polish first load');
      assert.equal(await page.evaluate(() => window.granice.fontLanguage), 'pl', 'the text drawn with the Polish pack\'s fonts');
      await L.mouse.press(page, 'button', L.UI.pl.start);
      await L.mouse.press(page, 'button', L.UI.pl.readLesson);
      await L.mouse.press(page, 'button', L.UI.pl.next);
      const where = await location(page);

      await click(page, 'button', 'English');
      await L.waitForNode(page, 'button', 'Polski');
      const loads = await page.evaluate(() => window.granice.packLoads);
      const sw = loads[loads.length - 1];
      assert.equal(sw.lang, 'en');
      assert.equal(sw.taken, true);
      console.log(`    switch pl -> en: ${sw.bytes} bytes, fetch ${sw.fetchMs.toFixed(0)} ms, fetched and applied ${sw.totalMs.toFixed(0)} ms`);
      assert.deepEqual(await packsFetched(page), ['content-pl.pack.lzma', 'content-en.pack.lzma']);
      assert.equal(await location(page), where, 'the same lesson page, now in English');
      assert.ok((await texts(page)).includes(L.UI.en.next), 'the interface in English');
      await settle(page);
      assert.equal(await page.evaluate(() => window.granice.fontLanguage), 'en', 'the atlas rebuilt from the English pack\'s fonts');

      // Back to Polish: its texts are still there, nothing is fetched again.
      await click(page, 'button', 'Polski');
      await L.waitForNode(page, 'button', 'English');
      assert.equal((await page.evaluate(() => window.granice.packLoads)).length, loads.length, 'no second fetch');
      await settle(page);
      assert.equal(await page.evaluate(() => window.granice.fontLanguage), 'pl', 'the Polish fonts again, kept from the first load');
      assert.equal(await location(page), where);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'a missing, cut or altered pack is told plainly; the learner carries on in a language that loaded'(env) {
    for (const [what, respond] of Object.entries(BROKEN)) {
      // At the start: English asked for, its pack broken: the course opens in Polish and says so.
      const { page, context, pageErrors } = await openWithPacks(env, 'lang=en', { en: respond });
      try {
        await page.evaluate(() => window.granice.ready);
        await settle(page);
        const nodes = await semantics(page);
        assert.ok(nodes.some((n) => n.role === 'heading' && n.name === TITLE.pl), `${what}: the course in Polish`);
        assert.match(await texts(page), /Nie udało się wczytać plików języka: English/, `${what}: told plainly`);
        assert.deepEqual(pageErrors, [], `${what}: no uncaught error`);
      } finally {
        await context.close();
      }
    }
    // During a switch: the Polish course keeps going, in Polish, with the progress it had.
    const { page, context, pageErrors } = await openWithPacks(env, 'lang=pl', { en: BROKEN['one byte changed'] });
    try {
      await page.evaluate(() => window.granice.ready);
      await settle(page);
      await L.mouse.press(page, 'textbox', L.UI.pl.name);
      await page.keyboard.type('Ewa Zmiana', { delay: 10 });
      await L.mouse.press(page, 'button', L.UI.pl.nameContinue);
      const where = await location(page);
      await click(page, 'button', 'English');
      await settle(page, 200);
      assert.ok((await semantics(page)).some((n) => n.role === 'heading' && n.name === TITLE.pl), 'still in Polish');
      assert.match(await texts(page), /Nie udało się wczytać plików języka: English/);
      assert.match(await texts(page), /Ewa Zmiana/, 'the learner is still there');
      assert.equal(await location(page), where);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  },

  async 'no pack loads at all: the page says the course files are damaged instead of a blank page'(env) {
    const broken = Object.fromEntries(L.content.course.languages.map((l) => [typeof l === 'string' ? l : l.code, BROKEN['not on the server']]));
    const { page, context, pageErrors } = await openWithPacks(env, 'lang=pl', broken);
    try {
      await page.waitForFunction(() => document.getElementById('status').classList.contains('error'), null, { timeout: 20000 });
      assert.match(await page.textContent('#status-text'), /The course files are damaged/);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  },
};
