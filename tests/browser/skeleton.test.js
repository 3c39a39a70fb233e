// The walking skeleton: the page loads, draws Polish text, reacts to a real click, idles.
'use strict';
const assert = require('assert/strict');
const { openApp, semantics, frames, framesBuilt, settle, click, screenshot } = require('./harness.js');
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

      // Idle: at most 2 frames built (drawn or not) during 2 s without input.
      await settle(page);
      const f0 = await framesBuilt(page);
      await page.waitForTimeout(2000);
      const f1 = await framesBuilt(page);
      assert.ok(f1 - f0 <= 2, `idle page built ${f1 - f0} frames in 2 s`);

      // A frame that would look the same as the one on screen is built but not drawn
      // (src/platform/web_runner.cpp, DrawnLook): the mouse moving over empty background draws
      // nothing; onto a button (its hover colour), it draws.
      const shown = await semantics(page);
      const box = await page.locator('#canvas').boundingBox();
      const near = (x, y) => shown.some((n) => x > n.rect.x - 12 && x < n.rect.x + n.rect.width + 12 &&
                                              y > n.rect.y - 12 && y < n.rect.y + n.rect.height + 12);
      const empty = [];
      for (let y = 20; y < box.height - 20 && empty.length < 2; y += 37) {
        for (let x = 20; x < box.width - 20 && empty.length < 2; x += 53) if (!near(x, y)) empty.push([x, y]);
      }
      assert.equal(empty.length, 2, 'two points of empty background on the home screen');
      await page.mouse.move(box.x + empty[0][0], box.y + empty[0][1]);
      await settle(page);
      const m0 = await frames(page);
      await page.mouse.move(box.x + empty[1][0], box.y + empty[1][1]);
      await settle(page);
      assert.equal(await frames(page) - m0, 0, 'the mouse crossing empty background drew no frame');
      const polski = shown.find((n) => n.role === 'button' && n.name === 'Polski');
      await page.mouse.move(box.x + polski.rect.x + polski.rect.width / 2, box.y + polski.rect.y + polski.rect.height / 2);
      await settle(page);
      assert.ok(await frames(page) - m0 >= 1, 'the mouse onto a button drew its hover');
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
