// Every kind of screen in the three themes, on a desktop (Polish) and a phone (English): a check
// that each theme is the one drawn (the page's background pixel), and with GRANICE_DESIGN_SHOTS=1
// the screenshots docs/design.md shows (scripts/design_shots.js copies them there). One walk per
// device: the test driver switches the theme in place at every screen.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { openApp, settle, screenshot, SHOTS } = require('./harness.js');
const L = require('./learner.js');

// Each walk starts in a theme the learner chose before (saved settings): the first shot of each
// screen checks that it is the one drawn.
const DEVICES = { desktop: { lang: 'pl', viewport: { width: 1280, height: 800 }, theme: 'light' },
                  phone: { lang: 'en', viewport: { width: 360, height: 740 }, theme: 'dark' } };

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

// The three themes and how the page's background must look in each.
const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
const THEMES = { light: (l) => l > 0.85, dark: (l) => l < 0.15, 'high-contrast': (l) => l === 0 };
const WEBP_QUALITY = 40;   // docs/design/ keeps 2 x 78 of them: keep the repository light

// The test driver (tests/web/test_driver.cpp) draws the running app in another theme, as the
// Settings screen would, without saving it or leaving the screen.
async function switchTheme(page, theme) {
  assert.deepEqual(await L.drive(page, 'theme:' + theme), { theme }, 'the test driver switches the theme');
  await settle(page);
}

// The WebPs docs/design.md shows are made when asked (GRANICE_DESIGN_SHOTS=1, then
// scripts/design_shots.js): encoding 78 of them is a quarter of these walks. Otherwise each check
// shoots the one pixel it reads.
const KEEP_SHOTS = process.env.GRANICE_DESIGN_SHOTS === '1';
// No shot of an older run stays beside this run's for scripts/design_shots.js to copy.
if (KEEP_SHOTS) fs.rmSync(path.join(SHOTS, 'design'), { recursive: true, force: true });

// The screen on show in every theme: checks that the theme is the one drawn (the page's
// background pixel) and, when asked, saves a WebP of it; then back to the walk's theme.
async function shootInEveryTheme(page, device, screen) {
  const walkTheme = DEVICES[device].theme;
  const others = Object.keys(THEMES).filter((t) => t !== walkTheme);
  for (const theme of [walkTheme, ...others]) {
    if (theme !== walkTheme) await switchTheme(page, theme);
    // One shot: its first pixel checked, then kept as WebP.
    const png = await page.screenshot(KEEP_SHOTS ? {} : { clip: { x: 0, y: 0, width: 1, height: 1 } });
    const background = firstPixel(png);
    assert.ok(THEMES[theme](luminance(background)), `${device}, ${screen}: the ${theme} theme is drawn (background ${background})`);
    if (KEEP_SHOTS) await screenshot(page, `design/${theme}/${device}-${screen}.webp`, { quality: WEBP_QUALITY, png });
  }
  await switchTheme(page, walkTheme);
}

// One learner on one device through module 1, the course map, the assessment and the
// certificate, with the mouse (as most learners: no focus rings); every kind of screen on the
// way in all three themes. Module 1's lesson after its first page, its quiz after its first
// answer, the other modules and the assessment's answers are the test driver's.
async function walkShootingEveryTheme(env, device) {
  const { lang, viewport, theme } = DEVICES[device];
  const ui = L.UI[lang];
  const { page, context, errors } = await openApp(env, {
    query: `lang=${lang}&granice-test-driver=1`, viewport,
    settings: { lang, text_scale: 1, theme, reduced_motion: true } });
  const shoot = (screen) => () => shootInEveryTheme(page, device, screen);
  try {
    await settle(page);
    await shoot('name')();
    await L.mouse.press(page, 'textbox', ui.name);
    await page.keyboard.type(device === 'phone' ? 'Kim Keyboard' : 'Anna Nowak');
    await L.mouse.press(page, 'button', ui.nameContinue);
    await shoot('home')();
    await L.mouse.press(page, 'button', lang === 'pl' ? 'Ustawienia' : 'Settings');
    await shoot('settings')();
    await L.mouse.press(page, 'button', lang === 'pl' ? 'Gotowe' : 'Done');
    await L.mouse.press(page, 'button', ui.start);
    await shoot('module')();
    const m1 = L.content.modules[0];
    await L.mouse.press(page, 'button', ui.readLesson);
    await shoot('lesson')();
    // The quiz from the module's page (it does not wait for the lesson; the lesson's other pages
    // are the same kind of screen, and the driver reads them with the other modules below).
    await L.mouse.press(page, 'button', ui.back);
    await L.mouse.press(page, 'button', ui.takeQuiz);
    // The quiz's first question answered with the mouse (the shot shows its feedback), the rest of
    // the attempt by the test driver in the app's session: every question screen is one of these
    // kinds, and clicking through them was half of this walk.
    await L.takeQuizThenDriver(page, lang, L.mouse, `session-quiz:${m1.id}:right`, 1, { shot: shoot('quiz') });
    await shoot('quiz-results')();
    await L.mouse.press(page, 'button', ui.toRolePlay);
    await L.playRolePlay(page, lang, L.mouse, m1.id, { shot: shoot('roleplay') });
    await shoot('roleplay-ending')();
    await L.mouse.press(page, 'button', ui.backToCourse);
    await L.mouse.press(page, 'button', ui.backToCourse);   // from the module's screen
    await shoot('home-progress')();
    await L.finishModulesByDriver(page);
    await shoot('home-done')();
    await L.finishCourseByDriver(page);   // the assessment's questions look as the module quiz's
    await shoot('results')();
    await L.mouse.press(page, 'button', ui.certificate);
    await shoot('certificate')();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

const tests = {};
for (const device of Object.keys(DEVICES)) {
  tests[`${device}: every kind of screen is drawn in the light, dark and high-contrast theme, from the saved ${DEVICES[device].theme} one on (docs/design.md screenshots)`] =
    (env) => walkShootingEveryTheme(env, device);
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
