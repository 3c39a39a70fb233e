// Checks on the accessible DOM layer (web/a11y.js) that a walk through the screens runs after
// each step: axe-core once per kind of screen, title / lang / h1 focus after each navigation, the
// polite live region after an answer, the lesson pager's aria-current. Used by the DOM-layer walk
// in the LMS frame (scorm.test.js, SCORM 2004) and by a11y.test.js. `page` may be a Page or the
// course's Frame.
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');
const { settle, screenshot } = require('./harness.js');

const AXE_SOURCE = fs.readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const screen = (page) => page.evaluate(() => window.granice.screen());
const pageOf = (target) => (typeof target.page === 'function' ? target.page() : target);

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
const serious = (violations) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

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
                     nodes.some((n) => n.role === 'combobox') ? 'matching' : 'choice';
    return `quiz-${quizType}${locked ? '-answered' : ''}`;
  }
  if (prog && /^(Strona|Page) /.test(prog.name)) return 'lesson';
  const h1 = nodes.find((n) => n.role === 'heading' && n.level === 1);
  return 'title:' + (s.title || (h1 && h1.name) || '?');
}

// A drop-down's own list is open on the canvas. Screenshots are not taken then: the capture makes
// the page lose focus for a moment, and ImGui closes popups when the app loses focus.
const popupOpen = (s) => s.nodes.some((n) => n.role === 'combobox' && n.expanded);

// What the DOM layer says is current (aria-current), as [{value, tag, name}].
const currentItems = (page) => page.evaluate(() => Array.from(document.querySelectorAll('#a11y [aria-current]'))
  .map((e) => ({ value: e.getAttribute('aria-current'), tag: e.tagName, name: e.getAttribute('aria-label') || e.textContent })));

// An `act` that acts through `base` and, after each step, checks the screen it lands on.
function checkingAct(base, onScreen) {
  return {
    async press(page, role, name) {
      await base.press(page, role, name);
      await onScreen(page);
    },
    async choose(page, name, option) {
      await base.choose(page, name, option);
      await onScreen(page);
    },
    enterText: base.enterText,
    onScreen,   // for a screen reached without a press (the test driver's walks)
  };
}

// The checks a DOM-layer walk runs on every screen it lands on (`onScreen`), with axe once per
// kind of screen into `report`; `axe(page, kind)` runs it on a screen of a kind named by the walk
// (e.g. the home screen with the assessment current). `shots`: a file-name prefix for one
// screenshot of the first answer's feedback.
function domChecks({ shots = 'a11y-dom' } = {}) {
  const report = {};
  const seen = { feedback: false, lessonPages: 0 };
  let lastTitle = null;
  const axe = async (page, kind) => { report[kind] = await runAxe(page); };
  // `launched`: the first screen of a launch, which no navigation led to (focus stays where the
  // page put it).
  const onScreen = async (p, { launched = false } = {}) => {
    // One round trip per step: the screen as the app describes it and as the DOM layer shows it.
    const { s, dom } = await p.evaluate(() => ({ s: window.granice.screen(), dom: {
      title: document.title, lang: document.documentElement.lang, active: document.activeElement && document.activeElement.tagName,
      h1: (document.querySelector('#a11y h1') || {}).textContent,
      current: Array.from(document.querySelectorAll('#a11y [aria-current]')).map((e) => ({ value: e.getAttribute('aria-current'),
        tag: e.tagName, name: e.getAttribute('aria-label') || e.textContent })) } }));
    // Title and focus follow the screen; the page language is the content's.
    if (s.title !== lastTitle) {
      lastTitle = s.title;
      assert.equal(dom.title, s.title, 'document.title follows the screen');
      assert.equal(dom.lang, s.lang);
      const h1 = s.nodes.find((n) => n.role === 'heading' && n.level === 1);
      if (h1 && !launched) {
        assert.equal(dom.h1, h1.name, 'the DOM h1 is the screen heading');
        assert.equal(dom.active, 'H1', `focus moves to the new screen's h1 (${s.title})`);
      }
    }
    const kind = screenKind(s);
    if (kind === 'lesson') {
      // The lesson's pager marks the page shown, and only it, as aria-current="page".
      const [, word, k] = s.nodes.find((n) => n.role === 'progressbar').name.match(/^(Page|Strona) (\d+) /);
      const current = dom.current;
      assert.equal(current.length, 1, `one current item on a lesson page: ${JSON.stringify(current)}`);
      assert.equal(current[0].value, 'page');
      assert.ok(current[0].name.startsWith(`${word} ${k}: `), `the pager's current page is page ${k}: ${current[0].name}`);
      seen.lessonPages++;
    }
    if (!seen.feedback && kind === 'quiz-choice-answered' && s.announce) {
      // The feedback after an answer reaches the polite live region.
      await p.waitForFunction((t) => document.getElementById('a11y-live').textContent === t, s.announce, { timeout: 3000 });
      const live = await p.evaluate(() => {
        const el = document.getElementById('a11y-live');
        return { polite: el.getAttribute('aria-live'), role: el.getAttribute('role') };
      });
      assert.equal(live.polite, 'polite');
      seen.feedback = true;
      await screenshot(pageOf(p), shots + '-quiz-feedback');
    }
    if (!report[kind] && !popupOpen(s)) await axe(p, kind);
  };
  // After the walk: the report saved (build/screenshots/a11y-axe.json), printed, and no serious
  // or critical violation on any kind of screen.
  const finish = (SHOTS) => {
    const summary = Object.fromEntries(Object.entries(report).map(([k, v]) =>
      [k, v.map((x) => `${x.impact}:${x.id}(${x.nodes})`).join(', ') || 'none']));
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(path.join(SHOTS, 'a11y-axe.json'), JSON.stringify(report, null, 1));
    console.log('       axe per screen: ' + JSON.stringify(summary));
    const bad = Object.entries(report).flatMap(([k, v]) => serious(v).map((x) => `${k}: ${x.id} ${x.html[0]}`));
    assert.deepEqual(bad, [], 'no serious or critical axe violations');
  };
  return { report, seen, onScreen, axe, finish };
}

module.exports = { runAxe, serious, screen, screenKind, popupOpen, currentItems, checkingAct, domChecks };
