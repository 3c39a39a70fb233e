// Accessibility through the DOM layer (web/a11y.js): 200% text at 320 CSS px (reflow), reduced
// motion and high contrast, aria-current on the lesson pager, the matching drop-down as a native
// combobox, the caret the canvas draws for the DOM layer's text field. The DOM-layer walk with
// axe on every kind of screen, focus, title, the live region and aria-current on the course map
// runs in the LMS frame (scorm.test.js, SCORM 2004 through the screens: a11y_checks.js).
'use strict';
const fs = require('fs');
const assert = require('assert/strict');
const { openApp, semantics, settle, screenshot, frames } = require('./harness.js');
const L = require('./learner.js');

const { runAxe, serious, screen, screenKind, popupOpen, checkingAct } = require('./a11y_checks.js');

// RGB of screenshot pixels at CSS px points (deviceScaleFactor 1), decoded by Chromium itself in a
// blank page (no CSP there).
async function pixelsAt(env, png, points) {
  const ctx = await env.browser.newContext();
  try {
    const p = await ctx.newPage();
    return await p.evaluate(async ({ b64, pts }) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return pts.map(([x, y]) => Array.from(g.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3)));
    }, { b64: png.toString('base64'), pts: points });
  } finally {
    await ctx.close();
  }
}
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => { const x = v / 255; return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Module 1 on the screens, the others through the test driver (the page must be opened with
// granice-test-driver=1; their screens are walked natively, at 320 px and 200 % text too:
// tests/unit/test_screens_walk.cpp), then the assessment: started and its first question answered
// on the screens, the rest by the driver (its question screens are module 1's kinds), its results
// and the certificate on the screens.
async function completeCourse(page, lang, act) {
  const ui = L.UI[lang];
  await act.press(page, 'button', ui.start);
  await L.completeModule(page, lang, act, L.content.modules[0]);
  await L.finishModulesByDriver(page);
  await act.press(page, 'button', ui.assessment);
  await L.takeQuizThenDriver(page, lang, act, 'session-assessment:right', 1);
  await act.onScreen(page);   // the results
  const nodes = await semantics(page);
  assert.ok(nodes.some((n) => n.role === 'heading' && /100%/.test(n.name)), 'all-correct assessment scores 100%');
  await act.press(page, 'button', ui.certificate);
}

async function openSettingsAndSet(page, lang, radioNames, act = L.dom) {
  const ui = { pl: { settings: 'Ustawienia', done: 'Gotowe' }, en: { settings: 'Settings', done: 'Done' } }[lang];
  await act.press(page, 'button', ui.settings);
  for (const r of radioNames) await act.press(page, 'radio', r);
  await act.press(page, 'button', ui.done);
}

module.exports = {
  async '200% text at 320 CSS px: module 1, the assessment\'s first question and its results reflow (no content wider than the viewport)'(env) {
    const width = 320;
    const { page, context, errors } = await openApp(env, { query: 'lang=pl&granice-test-driver=1', viewport: { width, height: 640 } });
    const seen = new Set();
    const problems = [];
    const onScreen = async (p) => {
      const s = await screen(p);
      for (const n of s.nodes) {
        if (n.rect.x < -0.5 || n.rect.x + n.rect.width > width + 0.5) {
          problems.push(`${screenKind(s)}: ${n.role} "${n.name.slice(0, 40)}" x=${n.rect.x} w=${n.rect.width}`);
        }
      }
      const scroll = await p.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
      if (scroll.doc > width || scroll.body > width) problems.push(`page scrolls horizontally: ${JSON.stringify(scroll)}`);
      const kind = screenKind(s);
      if (!seen.has(kind) && !popupOpen(s)) {
        seen.add(kind);
        await screenshot(p, 'a11y-320-200-' + kind.replace(/[^a-z0-9-]+/gi, '_').slice(0, 60));
      }
    };
    try {
      await settle(page);
      const act = checkingAct(L.dom, onScreen);
      await act.enterText(page, L.UI.pl.name, 'Anna Nowak');
      await act.press(page, 'button', L.UI.pl.nameContinue);
      await openSettingsAndSet(page, 'pl', ['200%'], act);
      const s = await screen(page);
      assert.ok(s.nodes.some((n) => n.role === 'heading' && n.level === 1), 'home after settings');
      await completeCourse(page, 'pl', act);
      const distinct = [...new Set(problems)];
      assert.deepEqual(distinct.slice(0, 20), [], 'nothing is cut off or needs horizontal scrolling');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'aria-current: the lesson pager marks the page shown and moves with it; unread pages are locked'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'en', act: L.dom, name: 'Pat Pager' });
    const m = L.content.modules[0];
    const titles = m.lesson.pages.map((pg) => pg.title.en);
    const pager = async () => page.getByRole('group', { name: 'Lesson pages', exact: true }).getByRole('button')
      .evaluateAll((bs) => bs.map((b) => ({ name: b.textContent, current: b.getAttribute('aria-current'), disabled: b.disabled })));
    const expect = (current, reachable) => titles.map((t, i) => ({
      name: `Page ${i + 1}: ${t}`, current: i === current ? 'page' : null, disabled: i > reachable }));
    try {
      await L.dom.press(page, 'button', L.UI.en.start);
      await L.dom.press(page, 'button', L.UI.en.readLesson);
      assert.deepEqual(await pager(), expect(0, 1), 'page 1 current; only page 2 ahead can be opened');
      await L.dom.press(page, 'button', L.UI.en.next);
      assert.deepEqual(await pager(), expect(1, 2), 'the current page moved to page 2');
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
      // Back to page 1 from the pager: the page changes like a navigation (title, h1 focus).
      await L.dom.press(page, 'button', `Page 1: ${titles[0]}`);
      const s = await screen(page);
      assert.ok(s.title.startsWith(titles[0] + ' — '), s.title);
      assert.deepEqual(await pager(), expect(0, 2), 'page 1 current again; pages read stay open');
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
      // The tree says the same as the DOM.
      const cur = (await semantics(page)).filter((n) => n.current);
      assert.deepEqual(cur.map((n) => [n.name, n.current]), [[`Page 1: ${titles[0]}`, 'page']]);
      // Keyboard: Tab from the top reaches the pager before the page's content (Enter opens a page).
      await L.keyboard.press(page, 'button', `Page 2: ${titles[1]}`);
      assert.equal((await semantics(page)).find((n) => n.current).name, `Page 2: ${titles[1]}`);
      const axe = await runAxe(page);
      assert.deepEqual(serious(axe), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'matching: one native combobox per item, chosen by keyboard and by role; the answer is recorded'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'en', act: L.dom, name: 'Mia Match',
                                                                    query: 'granice-test-driver=1' });
    try {
      // Quizzes draw their questions: go through the modules' quizzes until one asks its matching
      // item. The questions before it are answered by the test driver in the app's session (every
      // kind is answered through the DOM layer in the SCORM 2004 walk); it leaves the attempt open
      // at the matching item, or finishes it when this draw has none.
      let q = null;
      for (const m of L.content.modules.filter((mod) => mod.quiz.questions.some((x) => x.type === 'matching'))) {
        await L.dom.press(page, 'button', `Module ${m.number}: ${m.title.en}`);
        await L.dom.press(page, 'button', L.UI.en.takeQuiz);
        const walked = await L.drive(page, `session-quiz:${m.id}:right-until-matching`);
        assert.ok(!walked.error, JSON.stringify(walked).slice(0, 200));
        await settle(page);
        if (!walked.stopped) {
          await L.dom.press(page, 'button', 'Home');
          continue;
        }
        // On the last question answered, if any: on to the next, the matching item.
        if (walked.did.length) await L.dom.press(page, 'button', L.UI.en.nextQ);
        q = L.currentQuestion(await semantics(page), 'en');
        break;
      }
      assert.equal(q.type, 'matching');
      const targets = q.pairs.map((p) => p.target.en);
      const box = (p) => page.getByRole('combobox', { name: p.source.en, exact: true });
      // Each item is one <select> named by the item, with a placeholder and every target; no
      // radios or extra buttons stand in for the list.
      for (const p of q.pairs) {
        assert.equal(await box(p).count(), 1, `one combobox for "${p.source.en}"`);
        const named = (await semantics(page)).filter((n) => n.name === p.source.en);
        assert.deepEqual(named.map((n) => n.role), ['combobox'], `"${p.source.en}" is said once, as the drop-down's name`);
        assert.equal(await box(p).evaluate((e) => e.tagName), 'SELECT');
        const opts = await box(p).locator('option').evaluateAll((os) => os.map((o) => ({ text: o.textContent, disabled: o.disabled })));
        assert.deepEqual(opts[0], { text: 'Choose a match', disabled: true }, 'placeholder first, not choosable');
        assert.deepEqual(opts.slice(1).map((o) => o.text).sort(), [...targets].sort());
        assert.equal(await box(p).inputValue(), '-1');
      }
      assert.equal(await page.getByRole('radio').count(), 0, 'no radios on a matching question');
      assert.equal(await page.getByRole('button', { name: L.UI.en.submit }).isDisabled(), true);

      // The mouse opens the app's own list on the canvas; Esc closes it and stays on the question.
      const title = (await screen(page)).title;
      await L.mouse.press(page, 'combobox', q.pairs[1].source.en);
      assert.ok((await semantics(page)).some((n) => n.role === 'combobox' && n.expanded), 'the list is open');
      await page.keyboard.press('Escape');
      await settle(page);
      const afterEsc = await screen(page);
      assert.equal(afterEsc.title, title, 'Esc closed the list, not the question');
      assert.ok(!afterEsc.nodes.some((n) => n.expanded || n.role === 'option'), 'the list is closed');

      // Keyboard on the first: focus it (DOM focus = app focus), ArrowDown chooses the first option.
      const first = q.pairs[0];
      await box(first).focus();
      await settle(page);
      let node = (await semantics(page)).find((n) => n.role === 'combobox' && n.name === first.source.en);
      assert.equal(node.focused, true, 'the app focus follows the DOM focus onto the combobox');
      await page.keyboard.press('ArrowDown');
      await settle(page);
      node = (await semantics(page)).find((n) => n.role === 'combobox' && n.name === first.source.en);
      assert.equal(node.selected, 0);
      assert.equal(node.value, node.options[0], 'the app shows what the <select> chose');
      assert.equal(await box(first).inputValue(), '0');
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SELECT', 'focus stays on the combobox');
      // The rest of the way with the keyboard (arrows), then the others by role and label.
      await L.keyboard.choose(page, first.source.en, first.target.en);
      assert.equal(await box(first).evaluate((e) => e.selectedOptions[0].textContent), first.target.en);
      let report = await runAxe(page);
      assert.deepEqual(serious(report), [], 'axe, a combobox focused');
      for (const p of q.pairs.slice(1)) await L.dom.choose(page, p.source.en, p.target.en);
      for (const p of q.pairs) {
        node = (await semantics(page)).find((n) => n.role === 'combobox' && n.name === p.source.en);
        assert.equal(node.value, p.target.en, `the app has "${p.target.en}" for "${p.source.en}"`);
      }
      await L.dom.press(page, 'button', L.UI.en.submit);
      const s = await screen(page);
      assert.ok(s.nodes.some((n) => n.role === 'text' && n.name.startsWith('Correct!')), 'marked correct');
      for (const p of q.pairs) assert.equal(await box(p).isDisabled(), true, 'locked after the answer');
      report = await runAxe(page);
      assert.deepEqual(serious(report), [], 'axe, answered');

      // The progress record has the answer, right.
      await L.dom.press(page, 'button', 'Home');
      const [rec] = await Promise.all([page.waitForEvent('download'), L.dom.press(page, 'button', 'Download my record')]);
      const record = JSON.parse(fs.readFileSync(await rec.path(), 'utf8'));
      const it = record.interactions.find((x) => x.id === q.id);
      assert.ok(it, `interaction ${q.id} recorded`);
      assert.equal(it.type, 'matching');
      assert.equal(it.result, 'correct', it.learner_response);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'the name field: the canvas shows a steady caret and the selection where the DOM input has them'(env) {
    const { page, context, errors } = await openApp(env, { query: 'lang=en' });
    const field = async () => (await semantics(page)).find((n) => n.role === 'textbox');
    // Caret (and selection) pixels against the field's own background, from a screenshot.
    const measure = async (f) => {
      const c = f.caret;
      const mid = c.y + c.height / 2;
      const caretAt = [c.x + c.width / 2, mid];
      const bgAt = f.selectionStart === f.selectionEnd && f.selectionEnd > 0 ? [c.x + c.width + 24, mid] : [c.x - 5, mid];
      const [caret, bg] = await pixelsAt(env, await page.screenshot(), [caretAt, bgAt]);
      return { caret, bg, ratio: contrast(caret, bg) };
    };
    try {
      await settle(page);
      // The name prompt as a new learner first sees it (no LMS: the LMS walks never show it).
      assert.deepEqual(serious(await runAxe(page)), [], 'axe, the name prompt');
      const input = page.getByRole('textbox', { name: L.UI.en.name, exact: true });
      assert.equal(await input.getAttribute('autocomplete'), 'name', 'the name field says its purpose (WCAG 1.3.5)');
      await input.focus();
      await page.keyboard.type('Ann Lee', { delay: 15 });
      await settle(page);
      let f = await field();
      assert.equal(f.value, 'Ann Lee');
      assert.equal(f.focused, true);
      assert.deepEqual([f.selectionStart, f.selectionEnd], [7, 7], 'the caret is after the last letter');
      assert.ok(f.caret && f.caret.height > 10 && f.caret.width >= 2, JSON.stringify(f.caret));
      assert.ok(f.caret.x > f.rect.x + 40 && f.caret.x < f.rect.x + f.rect.width, 'the caret is inside the field, after the text');
      const atEnd = f.caret;
      let px = await measure(f);
      assert.ok(px.ratio >= 3, `caret contrast ${px.ratio.toFixed(2)} (${px.caret} on ${px.bg})`);
      await screenshot(page, 'a11y-caret-end');

      // Steady: an idle page with the caret shown draws no frames.
      const before = await frames(page);
      await page.waitForTimeout(1200);
      assert.equal(await frames(page), before, 'no frames while idle (the caret does not blink)');

      // Home moves it to the start; the old place is plain background again.
      await page.keyboard.press('Home');
      await settle(page);
      f = await field();
      assert.deepEqual([f.selectionStart, f.selectionEnd], [0, 0]);
      assert.ok(f.caret.x < atEnd.x - 40, 'the caret moved to the start');
      px = await measure(f);
      assert.ok(px.ratio >= 3, `caret at the start: contrast ${px.ratio.toFixed(2)}`);
      const [old, oldBg] = await pixelsAt(env, await page.screenshot(),
        [[atEnd.x + atEnd.width / 2, atEnd.y + atEnd.height / 2], [atEnd.x + atEnd.width + 24, atEnd.y + atEnd.height / 2]]);
      assert.ok(contrast(old, oldBg) < 1.2, `no caret left behind: ${old} vs ${oldBg}`);

      // Shift+End selects the whole name: an accent band behind it, the caret at its end.
      await page.keyboard.press('Shift+End');
      await settle(page);
      f = await field();
      assert.deepEqual([f.selectionStart, f.selectionEnd], [0, 7]);
      const band = [f.rect.x + 16, f.caret.y + 1];   // the band's top row, above the letters
      const [sel, fieldBg] = await pixelsAt(env, await page.screenshot(), [band, [f.caret.x + f.caret.width + 24, band[1]]]);
      assert.ok(contrast(sel, fieldBg) >= 3, `selection band ${sel} on ${fieldBg}`);
      // The app's band (the light theme's accent, #0B5E63), not the browser's own highlight.
      assert.ok(Math.hypot(sel[0] - 0x0B, sel[1] - 0x5E, sel[2] - 0x63) < 24, `the band is the accent colour: ${sel}`);
      await screenshot(page, 'a11y-caret-selection');
      let report = await runAxe(page);
      assert.deepEqual(serious(report), [], 'axe, text selected');

      // Focus leaves the field: no caret drawn or reported.
      await page.keyboard.press('End');
      await page.keyboard.press('Tab');
      await settle(page);
      f = await field();
      assert.equal(f.caret, undefined, 'no caret without focus');
      const [gone, goneBg] = await pixelsAt(env, await page.screenshot(),
        [[atEnd.x + atEnd.width / 2, atEnd.y + atEnd.height / 2], [atEnd.x + atEnd.width + 24, atEnd.y + atEnd.height / 2]]);
      assert.ok(contrast(gone, goneBg) < 1.2, 'the caret is gone');

      // Every theme: the caret keeps >= 3:1 against the field.
      for (const theme of ['Dark', 'High contrast']) {
        await openSettingsAndSet(page, 'en', [theme]);
        await input.focus();
        await page.keyboard.press('End');
        await settle(page);
        f = await field();
        assert.equal(f.value, 'Ann Lee');
        px = await measure(f);
        assert.ok(px.ratio >= 3, `${theme}: caret contrast ${px.ratio.toFixed(2)} (${px.caret} on ${px.bg})`);
        await screenshot(page, 'a11y-caret-' + theme.replace(' ', '-').toLowerCase());
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'forced colours or prefers-contrast: more start in the high-contrast theme'(env) {
    for (const media of [{ forcedColors: 'active' }, { contrast: 'more' }]) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...media });
      context.setDefaultTimeout(20000);
      try {
        const page = await context.newPage();
        await page.goto(env.url + '?lang=en');
        await page.evaluate(() => window.granice.ready);
        await settle(page);
        // The layer stays transparent: forced colours must not paint its text over the canvas.
        const color = await page.evaluate(() => getComputedStyle(document.querySelector('#a11y .a11y-node')).color);
        assert.equal(color, 'rgba(0, 0, 0, 0)', `${JSON.stringify(media)}: layer text stays transparent`);
        await L.dom.enterText(page, L.UI.en.name, 'Hana Contrast');
        await L.dom.press(page, 'button', L.UI.en.nameContinue);
        await L.dom.press(page, 'button', 'Settings');
        assert.equal(await page.getByRole('radio', { name: 'High contrast', exact: true }).isChecked(), true,
          `${JSON.stringify(media)}: the high-contrast theme is on`);
        const [bg] = await pixelsAt(env, await page.screenshot(), [[4, 400]]);
        assert.deepEqual(bg, [0, 0, 0], 'the canvas is drawn in the high-contrast theme');
      } finally {
        await context.close();
      }
    }
  },

  async 'prefers-reduced-motion turns on the app setting'(env) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    context.setDefaultTimeout(20000);
    try {
      const page = await context.newPage();
      await page.goto(env.url + '?lang=en');
      await page.evaluate(() => window.granice.ready);
      await settle(page);
      await L.dom.enterText(page, L.UI.en.name, 'Rita Still');
      await L.dom.press(page, 'button', L.UI.en.nameContinue);
      await L.dom.press(page, 'button', 'Settings');
      const box = page.getByRole('checkbox', { name: 'Reduce motion', exact: true });
      assert.equal(await box.isChecked(), true, 'Reduce motion is ticked');
      // And the text size radios are one radio group with its name.
      const group = page.getByRole('radiogroup', { name: 'Text size' });
      assert.equal(await group.getByRole('radio').count(), 5);
      assert.deepEqual(serious(await runAxe(page)), [], 'axe, the Settings screen');
    } finally {
      await context.close();
    }
  },
};
