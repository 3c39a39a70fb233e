// A learner completes the whole course in the browser: every lesson, every module quiz, every
// role-play and the final assessment, with real mouse events (and once with the keyboard alone).
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const { semantics, screenshot, settle } = require('./harness.js');
const L = require('./learner.js');

// Module 1 on the screens (with screenshots of each kind of screen), the other modules through
// the test driver (their screens are walked natively: tests/unit/test_screens_walk.cpp), then the
// final assessment and the certificate on the screens again.
// `module1` false: module 1 too goes through the driver (another walk presses it in this input mode).
// `assessmentByDriver`: so does the assessment (its question screens are module 1's kinds, and
// a11y's 200 % text walk reflows every one of them); the results and the certificate stay on screen.
// `quizOnScreen` n: module 1's quiz: n answers and every question not on radios on the screens,
// the other radio questions by the driver (completeModule).
async function completeCourse(page, lang, act, { shots = false, prefix = '', check = () => {}, afterModule1 = null, module1 = true,
                                                 assessmentByDriver = false, quizOnScreen = 0 } = {}) {
  const ui = L.UI[lang];
  const mods = L.content.modules;
  if (module1) {
    await act.press(page, 'button', ui.start);
    if (shots) await screenshot(page, prefix + 'module');
    await L.completeModule(page, lang, act, mods[0], shots ? {
      lesson: prefix + 'lesson', quiz: prefix + 'quiz', quizResults: prefix + 'quiz-results',
      roleplay: prefix + 'roleplay', ending: prefix + 'roleplay-ending' } : {}, { quizOnScreen });
    await check();
    if (afterModule1) await afterModule1();
  }
  await L.finishModulesByDriver(page);
  assert.ok(await L.has(page, 'progressbar', lang === 'pl' ? `Ukończone moduły: ${mods.length} z ${mods.length}`
                                                          : `Modules completed: ${mods.length} of ${mods.length}`));
  if (shots) await screenshot(page, prefix + 'home-done');
  if (assessmentByDriver) {
    await L.finishCourseByDriver(page);   // the app shows the assessment's results
  } else {
    await act.press(page, 'button', ui.assessment);
    await L.takeQuiz(page, lang, act, { shot: shots ? prefix + 'assessment' : null });
  }
  await check();
  if (shots) await screenshot(page, prefix + 'results');
  const nodes = await semantics(page);
  assert.ok(nodes.some((n) => n.role === 'heading' && /100%/.test(n.name)), 'all-correct assessment scores 100%');
  await act.press(page, 'button', ui.certificate);
  if (shots) await screenshot(page, prefix + 'certificate');
}

// A person's click: the button stays down while the app draws (here: until it has drawn all it
// owed, so the release surely comes frames after the press), then comes up.
async function personClick(page, role, name) {
  const node = await L.waitForNode(page, role, name);
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + node.rect.x + node.rect.width / 2, box.y + node.rect.y + Math.min(node.rect.height / 2, 20));
  await settle(page);
  await page.mouse.down();
  await settle(page, 50);
  await page.mouse.up();
  await settle(page);
}

module.exports = {
  async 'a click held down over several frames presses the widget, every time (buttons, radios, checkboxes)'(env) {
    // Regression: web/a11y.js echoed the focus a click gave a widget back to the app as a
    // keyboard focus request, which turned mouse hover off, so the release (frames later) missed.
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'en', name: 'Sam Slow', act: L.dom });
    try {
      const ui = L.UI.en;
      const asked = L.quizLength(L.content.modules[0]);
      const on = async (role, name, why) => assert.ok(await L.has(page, role, name), why);
      await personClick(page, 'button', ui.start);
      await on('button', ui.readLesson, 'Start the course opened module 1');
      await personClick(page, 'button', ui.readLesson);
      await on('progressbar', /^Page 1 of /, 'Read the lesson opened page 1');
      await personClick(page, 'button', ui.next);
      await on('progressbar', /^Page 2 of /, 'Next went to page 2');
      await personClick(page, 'button', 'Back');
      await on('button', ui.takeQuiz, 'Back returned to the module');
      await personClick(page, 'button', ui.takeQuiz);
      await on('progressbar', /^Question 1 of /, 'Take the quiz opened question 1');
      for (let i = 0; i < 4; i++) {
        const shown = L.currentQuestion(await semantics(page), 'en');
        if (shown.type === 'ordering' || shown.type === 'matching') {   // the quiz draws: any type may come
          await L.answerQuestion(page, 'en', L.dom);
          await personClick(page, 'button', ui.nextQ);
          await on('progressbar', `Question ${i + 2} of ${asked}`, `Next question went to question ${i + 2}`);
          continue;
        }
        const r = L.plannedResponse(shown, true);
        const role = shown.type === 'multiple_response' ? 'checkbox' : 'radio';
        for (const k of r.selected) {
          const name = shown.type === 'true_false' ? ui[shown.options[k].id] : shown.options[k].text.en;
          await personClick(page, role, name);
          assert.equal((await L.waitForNode(page, role, name)).checked, true, `${role} "${name}" is checked`);
        }
        await personClick(page, 'button', ui.submit);
        await on('button', ui.nextQ, `Check answer submitted question ${i + 1}`);
        await personClick(page, 'button', ui.nextQ);
        await on('progressbar', `Question ${i + 2} of ${asked}`, `Next question went to question ${i + 2}`);
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  // The second mouse walk, at 1920x1080: what only it checks (the wide layout, the downloads, start
  // over). Its modules and the assessment go through the driver: the SCORM 1.2 walk presses
  // modules 1-2 and the assessment with the mouse, and a frame here costs 2-4 times one at 1280x800.
  async 'the course in Polish with the mouse at 1920x1080: Home, Settings, the results, certificate and record downloads, start over'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'pl', viewport: { width: 1920, height: 1080 },
                                                                    query: 'granice-test-driver=1' });
    try {
      await screenshot(page, 'desktop-home');
      await L.mouse.press(page, 'button', 'Ustawienia');
      await screenshot(page, 'desktop-settings');
      await L.mouse.press(page, 'button', 'Gotowe');
      await completeCourse(page, 'pl', L.mouse, { shots: true, prefix: 'desktop-', module1: false, assessmentByDriver: true });
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
      const quizQuestions = L.content.modules.reduce((n, m) => n + L.quizLength(m), 0);
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

  // The one keyboard walk (it was two: the a11y keyboard test, modules 1 and 2 at 1280x800, and
  // this one): Tab order, the skip link, Enter, Esc, then module 1 (its quiz's first two answers
  // and every question not on radios by keyboard: checkboxes, ordering, the matching item's
  // drop-downs with the arrow keys; the other radio questions by the driver), the results and
  // the certificate, everything within a phone's width.
  // Modules 2-7 are walked on the screens natively; the assessment goes through the driver (its
  // question screens are module 1's kinds; the 200 % text walk at 320 px reflows them).
  async 'keyboard alone at 360x740 (phone), in English: Tab order, skip link, Enter, Esc; module 1, the results, the certificate'(env) {
    const { page, context, errors } = await L.startAsLearner(env, {
      lang: 'en', name: 'Kim Keyboard', act: L.keyboard, viewport: { width: 360, height: 740 }, query: 'granice-test-driver=1' });
    try {
      await settle(page);
      await screenshot(page, 'phone-home');
      // DOM focus and the app's focus are the same widget after every Tab.
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        await settle(page);
        const state = await page.evaluate(() => ({ id: document.activeElement.dataset.id || '' }));
        const focused = (await semantics(page)).filter((n) => n.focused);
        if (state.id) assert.deepEqual(focused.map((n) => n.id), [state.id], 'ImGui focus = DOM focus');
      }
      assert.equal((await page.evaluate(() => window.granice.screen())).ring, true, 'keys show the focus ring');
      await screenshot(page, 'a11y-keyboard-home');
      // The skip link is the first Tab stop of the page and leads to the screen's h1.
      await page.evaluate(() => document.querySelector('#a11y button').focus());
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
      const skip = await page.locator('.skip-link').boundingBox();
      assert.ok(skip && skip.y >= 0, 'the skip link is visible when focused');
      await page.keyboard.press('Enter');
      await settle(page);
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
      // Nothing is wider than the phone screen (no horizontal scrolling needed).
      const fits = async () => {
        const wide = (await semantics(page)).filter((n) => n.rect.x < 0 || n.rect.x + n.rect.width > 360);
        assert.deepEqual(wide.map((n) => n.name), [], 'every widget fits in 360 px');
      };
      const title = async () => (await semantics(page)).find((n) => n.role === 'heading' && n.level === 1).name;
      const escGoesBack = async () => {
        const before = await title();
        await L.keyboard.press(page, 'button', L.UI.en.readLesson);
        assert.notEqual(await title(), before);
        await page.keyboard.press('Escape');
        await settle(page);
        assert.equal(await title(), before, 'Esc goes back');
      };
      await completeCourse(page, 'en', L.keyboard, { shots: true, prefix: 'phone-', check: fits, afterModule1: escGoesBack,
                                                     assessmentByDriver: true, quizOnScreen: 2 });
      await fits();
      const nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.role === 'heading' && n.name === 'Kim Keyboard'), 'certificate names the learner');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },
};
