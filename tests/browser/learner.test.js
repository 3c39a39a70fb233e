// A learner completes the whole course in the browser: every lesson, every module quiz, every
// role-play and the final assessment, with real mouse events (and once with the keyboard alone).
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
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

      // The certificate downloads as a PNG.
      const [cert] = await Promise.all([page.waitForEvent('download'),
        L.mouse.press(page, 'button', 'Pobierz zaświadczenie (PNG)')]);
      const png = fs.readFileSync(await cert.path());
      assert.equal(cert.suggestedFilename(), 'granice-certificate.png');
      assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
      assert.ok(png.length > 20000, `certificate PNG has content (${png.length} bytes)`);

      // "Download my record" saves the JSON progress record of the finished course.
      await L.mouse.press(page, 'button', 'Strona główna');
      const [rec] = await Promise.all([page.waitForEvent('download'),
        L.mouse.press(page, 'button', 'Pobierz zapis postępu')]);
      const record = JSON.parse(fs.readFileSync(await rec.path(), 'utf8'));
      assert.equal(record.format, 'granice-record');
      assert.equal(record.completion_status, 'completed');
      assert.equal(record.success_status, 'passed');
      assert.equal(record.learner.name, 'Anna Nowak');
      assert.equal(record.score.raw, 100);
      const quizQuestions = L.content.modules.reduce((n, m) => n + m.quiz.questions.length, 0);
      const answered = record.interactions.filter((i) => i.type !== 'other').length;
      assert.equal(answered, quizQuestions + L.content.assessment.draw, 'one interaction per answered question');

      // "Start over" asks first; cancelling keeps everything, confirming resets progress.
      await L.mouse.press(page, 'button', 'Zacznij od nowa');
      assert.ok(await L.has(page, 'button', 'Tak, zacznij od nowa'), 'asks for confirmation');
      await L.mouse.press(page, 'button', 'Anuluj');
      assert.ok(await L.has(page, 'progressbar', `Ukończone moduły: ${L.content.modules.length} z ${L.content.modules.length}`));
      await L.mouse.press(page, 'button', 'Zacznij od nowa');
      await L.mouse.press(page, 'button', 'Tak, zacznij od nowa');
      assert.ok(await L.has(page, 'progressbar', `Ukończone moduły: 0 z ${L.content.modules.length}`), 'progress reset');
      assert.ok(await L.has(page, 'text', 'Uczestnik: Anna Nowak'), 'the learner stays');
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
      const wide = nodes.filter((n) => n.rect.x < 0 || n.rect.x + n.rect.width > 360);
      assert.deepEqual(wide.map((n) => n.name), [], 'every widget fits in 360 px');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },
};
