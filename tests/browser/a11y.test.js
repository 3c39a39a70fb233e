// Accessibility of the whole course through the DOM layer (web/a11y.js): axe-core on every screen
// type, the course completed with accessibility-tree locators only, the live region, focus on
// navigation, keyboard-only use, 200% text at 320 CSS px (reflow), reduced motion.
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');
const { openApp, semantics, settle, screenshot } = require('./harness.js');
const L = require('./learner.js');

const AXE_SOURCE = fs.readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const screen = (page) => page.evaluate(() => window.granice.screen());

// The page's CSP (script-src 'self') blocks page.addScriptTag's inline script, so axe is
// evaluated through the DevTools protocol instead, which CSP does not govern.
async function runAxe(page) {
  await settle(page);
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
                                      html: v.nodes.slice(0, 2).map((n) => n.html.slice(0, 160)) }));
  });
}

// One kind of screen, from what is on it (module-specific titles collapse into one kind).
function screenKind(s) {
  const nodes = s.nodes;
  const prog = nodes.find((n) => n.role === 'progressbar');
  if (nodes.some((n) => n.role === 'textbox')) return 'name-prompt';
  if (nodes.some((n) => n.group === 'conversation')) {
    return nodes.some((n) => n.group === 'replies') ? 'roleplay' : 'roleplay-ending';
  }
  if (prog && /^(Pytanie|Question) /.test(prog.name)) {
    const locked = nodes.some((n) => (n.role === 'radio' || n.role === 'checkbox') && n.disabled) ||
                   !nodes.some((n) => n.role === 'button' && /^(Sprawdź|Check)/.test(n.name));
    const quizType = nodes.some((n) => n.role === 'checkbox') ? 'multi' :
                     nodes.some((n) => /^\d+\. /.test(n.name)) ? 'ordering' :
                     nodes.some((n) => n.role === 'button' && /: /.test(n.name) && !n.group) ? 'matching' : 'choice';
    return `quiz-${quizType}${locked ? '-answered' : ''}`;
  }
  if (prog && /^(Strona|Page) /.test(prog.name)) return 'lesson';
  const h1 = nodes.find((n) => n.role === 'heading' && n.level === 1);
  return 'title:' + (s.title || (h1 && h1.name) || '?');
}

// A matching question's drop-down is open. Screenshots are not taken then: the capture makes
// the page lose focus for a moment, and ImGui closes popups when the app loses focus.
const popupOpen = (s) => s.nodes.some((n) => n.role === 'radio' && n.group &&
  s.nodes.some((b) => b.role === 'button' && b.name.startsWith(n.group + ': ')));

// An `act` that acts through the DOM layer and, after each step, checks the screen it lands on.
function checkingAct(base, onScreen) {
  return {
    async press(page, role, name) {
      await base.press(page, role, name);
      await onScreen(page);
    },
    enterText: base.enterText,
  };
}

async function completeCourse(page, lang, act) {
  const ui = L.UI[lang];
  const mods = L.content.modules;
  await act.press(page, 'button', ui.start);
  for (let i = 0; i < mods.length; i++) {
    await L.completeModule(page, lang, act, mods[i]);
    if (i + 1 < mods.length) await act.press(page, 'button', `${ui.nextModule}: ${mods[i + 1].title[lang]}`);
    else await act.press(page, 'button', ui.backToCourse);
  }
  await act.press(page, 'button', ui.assessment);
  await L.takeQuiz(page, lang, act);
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
  async 'the whole course through the DOM layer: axe on every screen, focus, title, live region'(env) {
    const { page, context, errors } = await openApp(env, { query: 'lang=en' });
    const report = {};
    let lastTitle = null;
    let feedbackChecked = false;
    const onScreen = async (p) => {
      const s = await screen(p);
      // Title and focus follow the screen; the page language is the content's.
      if (s.title !== lastTitle) {
        lastTitle = s.title;
        const dom = await p.evaluate(() => ({ title: document.title, lang: document.documentElement.lang,
          active: document.activeElement && document.activeElement.tagName,
          activeText: document.activeElement && document.activeElement.textContent,
          h1: (document.querySelector('#a11y h1') || {}).textContent }));
        assert.equal(dom.title, s.title, 'document.title follows the screen');
        assert.equal(dom.lang, s.lang);
        const h1 = s.nodes.find((n) => n.role === 'heading' && n.level === 1);
        if (h1) {
          assert.equal(dom.h1, h1.name, 'the DOM h1 is the screen heading');
          assert.equal(dom.active, 'H1', `focus moves to the new screen's h1 (${s.title})`);
        }
      }
      const kind = screenKind(s);
      if (!feedbackChecked && kind === 'quiz-choice-answered' && s.announce) {
        // The feedback after an answer reaches the polite live region.
        await p.waitForFunction((t) => document.getElementById('a11y-live').textContent === t, s.announce,
                                { timeout: 3000 });
        const live = await p.evaluate(() => {
          const el = document.getElementById('a11y-live');
          return { polite: el.getAttribute('aria-live'), role: el.getAttribute('role') };
        });
        assert.equal(live.polite, 'polite');
        feedbackChecked = true;
        await screenshot(p, 'a11y-dom-quiz-feedback');
      }
      if (!report[kind] && !popupOpen(s)) {
        report[kind] = await runAxe(p);
        await screenshot(p, 'a11y-dom-' + kind.replace(/[^a-z0-9-]+/gi, '_').slice(0, 60));
      }
    };
    try {
      await settle(page);
      report['name-prompt'] = await runAxe(page);
      const act = checkingAct(L.dom, onScreen);
      await act.enterText(page, L.UI.en.name, 'Ann Lee');
      await act.press(page, 'button', L.UI.en.nameContinue);
      // Settings, then back home.
      await L.dom.press(page, 'button', 'Settings');
      report['settings'] = await runAxe(page);
      await L.dom.press(page, 'button', 'Done');
      await completeCourse(page, 'en', act);
      assert.ok(feedbackChecked, 'a module quiz answer was announced in the live region');
      const summary = Object.fromEntries(Object.entries(report).map(([k, v]) =>
        [k, v.map((x) => `${x.impact}:${x.id}(${x.nodes})`).join(', ') || 'none']));
      fs.mkdirSync(path.resolve(__dirname, '../../build/screenshots'), { recursive: true });
      fs.writeFileSync(path.resolve(__dirname, '../../build/screenshots/a11y-axe.json'), JSON.stringify(report, null, 1));
      console.log('       axe per screen: ' + JSON.stringify(summary));
      const serious = Object.entries(report).flatMap(([k, v]) =>
        v.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${k}: ${x.id} ${x.html[0]}`));
      assert.deepEqual(serious, [], 'no serious or critical axe violations');
      assert.ok(Object.keys(report).length >= 10, `screen kinds checked: ${Object.keys(report).join(', ')}`);
      assert.deepEqual(errors, [], 'no console errors (a CSP violation would be one)');
    } finally {
      await context.close();
    }
  },

  async '200% text at 320 CSS px: the course reflows (no content wider than the viewport)'(env) {
    const width = 320;
    const { page, context, errors } = await openApp(env, { query: 'lang=pl', viewport: { width, height: 640 } });
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

  async 'keyboard only: Tab order, Enter, Esc, skip link, focus follows (first module)'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'en', act: L.keyboard, name: 'Kim Keys' });
    try {
      await settle(page);
      // DOM focus and the app's focus are the same widget after every Tab.
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        await settle(page);
        const state = await page.evaluate(() => ({ id: document.activeElement.dataset.id || '',
                                                   tag: document.activeElement.tagName }));
        const focused = (await semantics(page)).filter((n) => n.focused);
        if (state.id) assert.deepEqual(focused.map((n) => n.id), [state.id], 'ImGui focus = DOM focus');
      }
      // The skip link is the first Tab stop of the page and leads to the screen's h1.
      await page.evaluate(() => document.querySelector('#a11y button').focus());
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
      const skip = await page.locator('.skip-link').boundingBox();
      assert.ok(skip && skip.y >= 0, 'the skip link is visible when focused');
      await page.keyboard.press('Enter');
      await settle(page);
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
      await screenshot(page, 'a11y-keyboard-home');

      const m = L.content.modules[0];
      await L.keyboard.press(page, 'button', L.UI.en.start);
      await L.completeModule(page, 'en', L.keyboard, m, { quiz: 'a11y-keyboard-quiz', roleplay: 'a11y-keyboard-roleplay' });
      // Esc goes back one screen.
      const before = (await screen(page)).title;
      await L.keyboard.press(page, 'button', L.UI.en.readLesson);
      assert.notEqual((await screen(page)).title, before);
      await page.keyboard.press('Escape');
      await settle(page);
      assert.equal((await screen(page)).title, before, 'Esc goes back');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
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
    } finally {
      await context.close();
    }
  },
};
