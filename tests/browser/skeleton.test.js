// The walking skeleton: the page loads, draws Polish text, reacts to a real click, idles.
'use strict';
const assert = require('assert/strict');
const { openApp, semantics, frames, settle, click, screenshot } = require('./harness.js');
const L = require('./learner.js');

const TITLE_PL = L.content.course.title.pl;
const PANGRAM = 'Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.';

async function distinctPixels(page) {
  const shot = await page.locator('#canvas').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let differ = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) differ++;
    return differ;
  }, shot.toString('base64'));
}

module.exports = {
  async 'home screen draws Polish text, reacts to a real click and idles'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'pl', name: 'Jan Kowalski' });
    try {
      await settle(page);
      const pixels = await distinctPixels(page);
      assert.ok(pixels > 1000, `canvas looks blank: only ${pixels} pixels differ from the background`);

      const nodes = await semantics(page);
      const heading = nodes.find((n) => n.role === 'heading' && n.level === 1);
      assert.ok(heading, 'a level-1 heading is on the home screen');
      assert.equal(heading.name, TITLE_PL);
      assert.ok(nodes.some((n) => n.name === PANGRAM), 'the sentence with every Polish diacritic is drawn');
      assert.equal(await page.evaluate(() => document.title), TITLE_PL, 'the page title follows the screen');
      await screenshot(page, 'skeleton-home');

      // The start's order (web/granice.js, docs/performance.md): app.js is requested with the LMS
      // scripts, not after them; main() waits for them and for the compiled wasm; the first frame
      // comes after the course was loaded from its pack.
      const start = await page.evaluate(() => ({ at: window.granice.startAt,
        appJs: performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith('/app.js')).startTime }));
      const at = start.at;
      for (const step of ['LMS ready', 'wasm compiled', 'app.js', 'main', 'course loaded', 'first frame']) assert.ok(at[step] > 0, `start step "${step}" reached`);
      assert.ok(start.appJs < at['LMS ready'], `app.js requested at ${start.appJs} ms, before the LMS scripts were ready (${at['LMS ready']} ms)`);
      assert.ok(at.main >= at['LMS ready'] && at.main >= at['wasm compiled'], 'main() waits for the LMS scripts and the compiled wasm');
      assert.ok(at['course loaded'] >= at.main && at['first frame'] >= at['course loaded'], 'the first frame follows the course loaded');

      // A real mouse click on the language switch changes what is on screen.
      await click(page, 'button', 'English');
      const after = await semantics(page);
      assert.ok(after.some((n) => n.role === 'heading' && n.name === L.content.course.title.en), 'English title');
      assert.ok(after.some((n) => n.role === 'button' && n.name === 'Polski'), 'the switch now offers Polish');

      // Idle: at most 2 frames during 2 s without input.
      await settle(page);
      const f0 = await frames(page);
      await page.waitForTimeout(2000);
      const f1 = await frames(page);
      assert.ok(f1 - f0 <= 2, `idle page drew ${f1 - f0} frames in 2 s`);
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await context.close();
    }
  },

  async 'a page with no WebGL2 says so instead of showing a blank canvas'(env) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    try {
      await page.addInitScript(() => {
        const orig = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return type === 'webgl2' ? null : orig.call(this, type, ...rest);
        };
      });
      await page.goto(env.url);
      const text = await page.locator('#status-text').textContent();
      assert.match(text, /WebGL2/);
      assert.match(text, /Ta przeglądarka/);
    } finally {
      await context.close();
    }
  },

  async 'crisp on high-DPI screens and follows window resizes'(env) {
    const { page, context, errors } = await openApp(env, {
      query: 'lang=pl', viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
    try {
      await settle(page);
      const size = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
      });
      assert.equal(size.w, size.cw * 2, 'canvas backing store is device pixels wide');
      assert.equal(size.h, size.ch * 2);
      const before = (await semantics(page)).find((n) => n.role === 'heading' && n.level === 1);
      await page.setViewportSize({ width: 420, height: 700 });
      await settle(page, 200);
      const after = (await semantics(page)).find((n) => n.role === 'heading' && n.level === 1);
      assert.ok(after.rect.width < before.rect.width, 'the heading rewraps in a narrower window');
      const c2 = await page.evaluate(() => document.getElementById('canvas').width);
      assert.equal(c2, 840, 'the canvas follows the new size');
      await screenshot(page, 'skeleton-dpr2-narrow');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },
};
