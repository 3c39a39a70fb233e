// Every kind of screen in the three themes, on a desktop (Polish) and a phone (English): the
// screenshots docs/design.md shows (scripts/design-shots copies them there), and a check that
// the theme the learner chose is the one drawn (the page's background pixel).
'use strict';
const assert = require('assert/strict');
const zlib = require('zlib');
const { openApp, settle, screenshot } = require('./harness.js');
const L = require('./learner.js');

const DEVICES = { desktop: { lang: 'pl', viewport: { width: 1280, height: 800 } },
                  phone: { lang: 'en', viewport: { width: 360, height: 740 } } };

// The first pixel of a PNG (8-bit RGB or RGBA, not interlaced): whatever the row filter, the
// first pixel of the first row is stored as is (its left and upper neighbours count as 0).
function firstPixel(png) {
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
  const colorType = png[25];
  assert.ok(colorType === 2 || colorType === 6, `RGB or RGBA PNG (colour type ${colorType})`);
  const idat = [];
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  return [raw[1], raw[2], raw[3]];
}

// One learner on one device in one theme, through module 1, the course map, the assessment and
// the certificate, with the mouse (as most learners: no focus rings); a JPEG of every kind of
// screen on the way. Returns the background pixel.
async function walk(env, theme, device) {
  const { lang, viewport } = DEVICES[device];
  const ui = L.UI[lang];
  const name = (screen) => `design/${theme}/${device}-${screen}.jpg`;
  const { page, context, errors } = await openApp(env, {
    query: `lang=${lang}&granice-test-driver=1`, viewport,
    settings: { lang, text_scale: 1, theme, reduced_motion: true } });
  const shot = (screen) => screenshot(page, name(screen));
  try {
    await settle(page);
    await shot('name');
    await L.mouse.press(page, 'textbox', ui.name);
    await page.keyboard.type(device === 'phone' ? 'Kim Keyboard' : 'Anna Nowak');
    await L.mouse.press(page, 'button', ui.nameContinue);
    const background = firstPixel(await page.screenshot());
    await shot('home');
    await L.mouse.press(page, 'button', lang === 'pl' ? 'Ustawienia' : 'Settings');
    await shot('settings');
    await L.mouse.press(page, 'button', lang === 'pl' ? 'Gotowe' : 'Done');
    await L.mouse.press(page, 'button', ui.start);
    await shot('module');
    await L.completeModule(page, lang, L.mouse, L.content.modules[0], {
      lesson: name('lesson'), quiz: name('quiz'), quizResults: name('quiz-results'), roleplay: name('roleplay'),
      ending: name('roleplay-ending') });
    await L.mouse.press(page, 'button', ui.backToCourse);   // completeModule ends on the module's screen
    await shot('home-progress');
    await L.finishModulesByDriver(page);
    await shot('home-done');
    await L.mouse.press(page, 'button', ui.assessment);
    await L.takeQuiz(page, lang, L.mouse, {});
    await shot('results');
    await L.mouse.press(page, 'button', ui.certificate);
    await shot('certificate');
    assert.deepEqual(errors, []);
    return background;
  } finally {
    await context.close();
  }
}

const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
const tests = {};
for (const [theme, check] of [['light', (l) => l > 0.85], ['dark', (l) => l < 0.15], ['high-contrast', (l) => l === 0]]) {
  tests[`every kind of screen in the ${theme} theme, desktop and phone (docs/design.md screenshots)`] = async (env) => {
    for (const device of Object.keys(DEVICES)) {
      const bg = await walk(env, theme, device);
      assert.ok(check(luminance(bg)), `${device}: the ${theme} theme is drawn (background ${bg})`);
    }
  };
}
// Issue 17 gave the canvas's focus rings :focus-visible semantics; the heading that receives
// focus on a new screen (for screen readers) is an element of the page, outlined by style.css:
// no outline after a click (granice.js marks pointer input), one after a key.
tests['the heading a new screen focuses shows no ring to a mouse user, and one to a keyboard user'] = async (env) => {
  const { page, context, errors } = await L.startAsLearner(env, { lang: 'en', name: 'Mo Mouse', act: L.mouse });
  try {
    const focus = () => page.evaluate(() => {
      const a = document.activeElement;
      return { tag: a.tagName, ring: getComputedStyle(a).outlineStyle !== 'none', canvasRing: window.granice.screen().ring };
    });
    await L.mouse.press(page, 'button', L.UI.en.start);
    assert.deepEqual(await focus(), { tag: 'H1', ring: false, canvasRing: false }, 'after a click: focus on the h1, no ring');
    await L.keyboard.press(page, 'button', L.UI.en.readLesson);
    assert.deepEqual(await focus(), { tag: 'H1', ring: true, canvasRing: false }, 'after Enter: the h1 shows its ring');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
};
module.exports = tests;
