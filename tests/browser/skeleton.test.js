// The walking skeleton: the page loads, draws Polish text, reacts to a real click, idles.
'use strict';
const assert = require('assert/strict');
const { openApp, semantics, frames, settle, click, screenshot } = require('./harness.js');

const HOME_TITLE_PL = 'Granice';

module.exports = {
  async 'home screen draws, names its heading in Polish, reacts to a click and idles'(env) {
    const { page, context, errors } = await openApp(env);
    try {
      await settle(page);
      // The canvas is not blank: some pixels differ from the clear colour.
      const shot = await page.locator('#canvas').screenshot();
      const distinct = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + b64;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width; c.height = img.height;
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        const bg = [d[0], d[1], d[2]];
        let differ = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] !== bg[0] || d[i + 1] !== bg[1] || d[i + 2] !== bg[2]) differ++;
        return differ;
      }, shot.toString('base64'));
      assert.ok(distinct > 1000, `canvas looks blank: only ${distinct} pixels differ from the background`);

      const nodes = await semantics(page);
      const heading = nodes.find((n) => n.role === 'heading' && n.level === 1);
      assert.ok(heading, 'a level-1 heading is on the home screen');
      assert.equal(heading.name, HOME_TITLE_PL);
      assert.ok(nodes.some((n) => n.name.includes('Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.')),
                'the Polish diacritics sentence is drawn');
      await screenshot(page, 'skeleton-home');

      // A real mouse click on the language switch changes what is on screen.
      await click(page, 'button', 'English');
      const after = await semantics(page);
      assert.ok(after.some((n) => n.role === 'button' && n.name === 'Polski'), 'switch now offers Polish');
      assert.ok(after.some((n) => n.role === 'button' && n.name === 'Start the course'), 'buttons are in English');
      assert.equal(await page.evaluate(() => document.title), 'Granice');

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
};
