// A learner completes the whole course in the browser: every lesson, every module quiz, every
// role-play and the final assessment, with real mouse events (and once with the keyboard alone).
'use strict';
const assert = require('assert/strict');
const { semantics, screenshot, settle } = require('./harness.js');
const L = require('./learner.js');

async function completeCourse(page, lang, act, { shots = false, prefix = '' } = {}) {
  const ui = L.UI[lang];
  const mods = L.content.modules;
  await act.press(page, 'button', ui.start);
  for (let i = 0; i < mods.length; i++) {
    const m = mods[i];
    const first = i === 0 && shots;
    if (first) await screenshot(page, prefix + 'module');
    await L.completeModule(page, lang, act, m, first ? {
      lesson: prefix + 'lesson', quiz: prefix + 'quiz', quizResults: prefix + 'quiz-results',
      roleplay: prefix + 'roleplay', ending: prefix + 'roleplay-ending' } : {});
    if (i + 1 < mods.length) await act.press(page, 'button', `${ui.nextModule}: ${mods[i + 1].title[lang]}`);
    else await act.press(page, 'button', ui.backToCourse);
  }
  if (shots) await screenshot(page, prefix + 'home-done');
  await act.press(page, 'button', ui.assessment);
  await L.takeQuiz(page, lang, act, { shot: shots ? prefix + 'assessment' : null });
  if (shots) await screenshot(page, prefix + 'results');
  const nodes = await semantics(page);
  assert.ok(nodes.some((n) => n.role === 'heading' && /100%/.test(n.name)), 'all-correct assessment scores 100%');
  await act.press(page, 'button', ui.certificate);
  if (shots) await screenshot(page, prefix + 'certificate');
}

module.exports = {
  async 'complete the whole course in Polish with the mouse at 1920x1080'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'pl', viewport: { width: 1920, height: 1080 } });
    try {
      await screenshot(page, 'desktop-home');
      await L.mouse.press(page, 'button', 'Ustawienia');
      await screenshot(page, 'desktop-settings');
      await L.mouse.press(page, 'button', 'Gotowe');
      await completeCourse(page, 'pl', L.mouse, { shots: true, prefix: 'desktop-' });
      const nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.role === 'heading' && n.name === 'Anna Nowak'), 'certificate names the learner');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'complete the whole course in English with the keyboard alone at 360x740 (phone)'(env) {
    const { page, context, errors } = await L.startAsLearner(env, {
      lang: 'en', name: 'Kim Keyboard', act: L.keyboard, viewport: { width: 360, height: 740 } });
    try {
      await screenshot(page, 'phone-home');
      await completeCourse(page, 'en', L.keyboard, { shots: true, prefix: 'phone-' });
      const nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.role === 'heading' && n.name === 'Kim Keyboard'), 'certificate names the learner');
      // Nothing is wider than the phone screen (no horizontal scrolling needed).
      const wide = nodes.filter((n) => n.rect.x < 0 || n.rect.x + n.rect.width > 361);
      assert.deepEqual(wide.map((n) => n.name), [], 'every widget fits in 360 px');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },
};
