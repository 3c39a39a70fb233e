// A simulated learner for the browser tests: reads the shipped content to know the right
// answers, finds widgets by role and name in granice.semantics(), and acts on them either with
// the mouse (clicks at their rects) or with the keyboard alone (Tab to focus, Enter to press).
//
// Every step takes `page`: a Playwright Page, or a Frame when the course runs in an iframe (the
// test LMS, tests/browser/lms/). Semantic rects are relative to the course's own canvas; the
// mouse adds the canvas's box, which Playwright gives relative to the top page, so a click in
// a frame lands at the frame's offset. Mouse and keyboard belong to the top page.
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');
const { openApp, semantics, settle, screenshot } = require('./harness.js');

const QUIZZES = path.resolve(__dirname, '../../quizzes');

// Course text names contacts as {phone:ID} / {resource:ID}; the app shows them resolved from
// resources.json (core/content/text_refs.h), so the learner reads the same text the screen shows.
function resolveContacts(value, resources, lang) {
  if (typeof value === 'string') {
    return value.replace(/\{(phone|resource):([^}]*)\}/g, (all, kind, id) => {
      const r = resources.find((x) => x.id === id);
      if (!r) return all;
      return kind === 'phone' ? r.phone : r.name[lang];
    });
  }
  if (Array.isArray(value)) return value.map((v) => resolveContacts(v, resources, lang));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) =>
      [k, resolveContacts(v, resources, k.length === 2 && typeof v === 'string' ? k : lang)]));
  }
  return value;
}

function loadContent() {
  const raw = (f) => JSON.parse(fs.readFileSync(path.join(QUIZZES, f), 'utf8'));
  const course = raw('course.json');
  const resources = raw(course.resources).resources;
  const read = (f) => resolveContacts(raw(f), resources, course.default_language);
  const modules = course.modules.map(read);
  const assessment = read(course.assessment);
  const questions = [...modules.flatMap((m) => m.quiz.questions), ...assessment.questions];
  return { course, modules, assessment, questions };
}
const content = loadContent();

const UI = {
  pl: { next: 'Dalej', toQuiz: 'Przejdź do quizu', submit: 'Sprawdź odpowiedź', nextQ: 'Następne pytanie',
        finish: 'Zakończ i zobacz wynik', toRolePlay: 'Przejdź do scenki', readLesson: 'Czytaj lekcję',
        backToCourse: 'Wróć do kursu', start: 'Rozpocznij kurs', assessment: 'Rozpocznij test końcowy',
        certificate: 'Zobacz zaświadczenie', name: 'Imię i nazwisko', nameContinue: 'Dalej', nextModule: 'Następny moduł',
        true: 'Prawda', false: 'Fałsz', up: 'W górę', home: 'Strona główna', playRolePlay: 'Zagraj scenkę',
        back: 'Wstecz', takeQuiz: 'Rozwiąż quiz', continueQuiz: 'Dokończ quiz', continueRolePlay: 'Dokończ scenkę', tryAgain: 'Spróbuj ponownie' },
  en: { next: 'Next', toQuiz: 'Go to the quiz', submit: 'Check answer', nextQ: 'Next question',
        finish: 'Finish and see the score', toRolePlay: 'Go to the role-play', readLesson: 'Read the lesson',
        backToCourse: 'Back to the course', start: 'Start the course', assessment: 'Start the final assessment',
        certificate: 'View certificate', name: 'Your name', nameContinue: 'Continue', nextModule: 'Next module',
        true: 'True', false: 'False', up: 'Move up', home: 'Home', playRolePlay: 'Play the role-play',
        back: 'Back', takeQuiz: 'Take the quiz', continueQuiz: 'Continue the quiz', continueRolePlay: 'Continue the role-play', tryAgain: 'Try again' },
};

// The Page that owns the mouse and keyboard, for a Page or a Frame.
const pageOf = (target) => (typeof target.page === 'function' ? target.page() : target);

const matches = (n, role, name) => n.role === role &&
  (name instanceof RegExp ? name.test(n.name) : n.name === name);

// [SECTION] Ways of acting: mouse, keyboard, and the accessible DOM layer (below)
const notchPx = new WeakMap();   // page or frame -> how far one wheel notch scrolled it last time
const mouse = {
  async press(page, role, name) {
    let node = await waitForNode(page, role, name);
    const box = await page.locator('#canvas').boundingBox();   // in top-page coordinates, frames included
    const m = pageOf(page).mouse;
    // Scroll with the wheel, as a person would, until the widget is on screen: one notch, then
    // (knowing how far a notch goes; once known on this page, at once) as many notches at once as
    // bring it to mid-screen.
    let perNotch = notchPx.get(page) || 0;
    for (let i = 0; i < 60 && (node.rect.y < 0 || node.rect.y + Math.min(node.rect.height, 40) > box.height); i++) {
      const away = node.rect.y + Math.min(node.rect.height, 40) / 2 - box.height / 2;
      const notches = perNotch ? Math.min(20, Math.max(1, Math.round(Math.abs(away) / perNotch))) : 1;
      await m.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let k = 0; k < notches; k++) await m.wheel(0, away < 0 ? -200 : 200);
      await settle(page);
      const was = node.rect.y;
      node = await waitForNode(page, role, name);
      if (was !== node.rect.y) {
        perNotch = Math.abs(was - node.rect.y) / notches;
        notchPx.set(page, Math.max(perNotch, notchPx.get(page) || 0));   // less only at a page's end
      }
    }
    await m.click(box.x + node.rect.x + node.rect.width / 2, box.y + node.rect.y + Math.min(node.rect.height / 2, 20));
    await settle(page);
  },
  // A drop-down: click it (the app's own list opens on the canvas), then click the option.
  async choose(page, name, option) {
    await mouse.press(page, 'combobox', name);
    await mouse.press(page, 'option', option);
  },
};

// After a Tab, the DOM layer's focused control and the app's focused widget must be the same.
async function checkFocusInSync(page, nodes) {
  const id = await page.evaluate(() => (document.activeElement && document.activeElement.dataset &&
                                        document.activeElement.dataset.id) || '');
  if (id) assert.deepEqual(nodes.filter((n) => n.focused).map((n) => n.id), [id], 'DOM focus = the app\'s focus');
}

const keyboard = {
  async press(page, role, name) {
    await waitForNode(page, role, name);
    for (let i = 0; i < 120; i++) {
      const nodes = await semantics(page);
      if (i > 0) await checkFocusInSync(page, nodes);
      const focused = nodes.find((n) => n.focused);
      if (focused && matches(focused, role, name)) {
        await pageOf(page).keyboard.press('Enter');
        await settle(page);
        return;
      }
      await pageOf(page).keyboard.press('Tab');
      await settle(page);
    }
    throw new Error(`keyboard: could not Tab to ${role} ${name}`);
  },
  // A drop-down (the DOM layer's <select>): Tab to it, then ArrowDown / ArrowUp until it shows
  // `option` (each step chooses, as a native select does).
  async choose(page, name, option) {
    await waitForNode(page, 'combobox', name);
    for (let i = 0; i < 120; i++) {
      const nodes = await semantics(page);
      if (i > 0) await checkFocusInSync(page, nodes);
      const focused = nodes.find((n) => n.focused);
      if (focused && matches(focused, 'combobox', name)) break;
      await pageOf(page).keyboard.press('Tab');
      await settle(page);
    }
    for (let i = 0; i < 40; i++) {
      const node = (await semantics(page)).find((n) => matches(n, 'combobox', name));
      assert.ok(node && node.focused, `keyboard: could not Tab to combobox ${name}`);
      const want = node.options.indexOf(option);
      assert.ok(want >= 0, `keyboard: combobox ${name} has no option ${option}`);
      if (node.selected === want) return;
      await pageOf(page).keyboard.press(node.selected < want ? 'ArrowDown' : 'ArrowUp');
      await settle(page);
    }
    throw new Error(`keyboard: combobox ${name} did not reach ${option}`);
  },
};

// A finger, in a touch context (openApp's `touch`): Chromium's own touch input through CDP
// (Input.dispatchTouchEvent), as a phone delivers it. Swipes scroll until the widget is on
// screen (never the scrollbar), then a tap presses it.
const cdpSessions = new WeakMap();
async function cdpOf(p) {
  if (!cdpSessions.has(p)) cdpSessions.set(p, await p.context().newCDPSession(p));
  return cdpSessions.get(p);
}
// Points are CSS px in the canvas; `fingers` lists each finger's path [from, to]. `hold`: ms the
// fingers rest at the end before lifting (no flick). `live` false: the events go out at once, each
// still stamped with the time a finger would have made it (what the page reads speed from), for
// swipes that only bring a widget on screen.
async function swipe(page, fingers, { ms = 300, steps = 12, hold = 0, live = true } = {}) {
  const p = pageOf(page);
  const cdp = await cdpOf(p);
  const box = await page.locator('#canvas').boundingBox();
  const points = (k) => fingers.map(([a, b], id) => ({ id, x: box.x + a.x + (b.x - a.x) * k, y: box.y + a.y + (b.y - a.y) * k }));
  // Each event carries the time a finger would have made it (an emulated phone renders slowly:
  // the events themselves arrive late, and the page reads speed from their timestamps).
  const t0 = Date.now() / 1000;
  const send = (type, touchPoints, ms) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints, timestamp: t0 + ms / 1000 });
  await send('touchStart', points(0), 0);
  for (let i = 1; i <= steps; i++) {
    if (live) await p.waitForTimeout(ms / steps);
    await send('touchMove', points(i / steps), (ms * i) / steps);
  }
  if (hold && live) await p.waitForTimeout(hold);
  await send('touchEnd', [], ms + hold);
}
const touch = {
  async press(page, role, name) {
    let node = await waitForNode(page, role, name);
    const box = await page.locator('#canvas').boundingBox();
    for (let i = 0; i < 30 && (node.rect.y < 0 || node.rect.y + Math.min(node.rect.height, 44) > box.height); i++) {
      const away = node.rect.y + Math.min(node.rect.height, 44) / 2 - box.height / 2;   // > 0: below the middle
      const d = Math.max(-box.height * 0.6, Math.min(box.height * 0.6, away));
      const x = box.width * 0.9;   // beside the content column's controls
      await swipe(page, [[{ x, y: box.height / 2 + d / 2 }, { x, y: box.height / 2 - d / 2 }]], { hold: 120, live: false });
      await settle(page);
      node = await waitForNode(page, role, name);
    }
    await pageOf(page).touchscreen.tap(box.x + node.rect.x + node.rect.width / 2, box.y + node.rect.y + Math.min(node.rect.height / 2, 22));
    await settle(page);
  },
  async enterText(page, label, text) {
    await touch.press(page, 'textbox', label);
    await pageOf(page).keyboard.type(text, { delay: 10 });
    await settle(page);
  },
  async choose(page, name, option) {
    await touch.press(page, 'combobox', name);
    await touch.press(page, 'option', option);
  },
};

// The accessible DOM layer (web/a11y.js), as a screen reader uses it: the element is found in the
// accessibility tree by role and name, and activated the way assistive technology does (a click
// event on the element itself, no coordinates). Text goes in with fill().
const domLocator = (page, role, name) => page.getByRole(role, name instanceof RegExp ? { name } : { name, exact: true });
const dom = {
  async press(page, role, name) {
    const loc = domLocator(page, role, name);
    await loc.waitFor({ state: 'attached', timeout: 4000 }).catch(async () => {
      throw new Error(`dom: no ${role} "${name}" in the accessibility tree; have: ` +
        (await page.evaluate(() => Array.from(document.querySelectorAll('#a11y button, #a11y input, #a11y a'))
          .map((e) => `${e.type || e.tagName}:${e.getAttribute('aria-label') || e.textContent}`).join(' | '))));
    });
    assert.ok(await loc.isEnabled(), `dom: ${role} "${name}" is disabled`);
    await loc.dispatchEvent('click');
    await settle(page);
  },
  async enterText(page, label, text) {
    await domLocator(page, 'textbox', label).fill(text);
    await settle(page);
  },
  // A drop-down: the combobox (a native <select>) found by its name, the option chosen by its
  // label, as assistive technology sets a combobox's value.
  async choose(page, name, option) {
    const loc = domLocator(page, 'combobox', name);
    await loc.waitFor({ state: 'attached', timeout: 4000 });
    await loc.selectOption({ label: option });
    await settle(page);
  },
};

async function waitForNode(page, role, name, timeoutMs = 4000) {
  const start = Date.now();
  for (;;) {
    const nodes = await semantics(page);
    const node = nodes.find((n) => matches(n, role, name));
    if (node) return node;
    if (Date.now() - start > timeoutMs) {
      throw new Error(`no ${role} "${name}" on screen; have: ` +
        nodes.filter((n) => n.role !== 'text').map((n) => `${n.role}:${n.name}`).join(' | '));
    }
    await page.waitForTimeout(50);
  }
}

async function has(page, role, name) {
  return (await semantics(page)).some((n) => matches(n, role, name));
}

// [SECTION] Steps of the course
async function startAsLearner(env, { lang = 'pl', name = 'Anna Nowak', act = mouse, viewport, query = '', deviceScaleFactor = 1,
                                      settings = null } = {}) {
  const opened = await openApp(env, { query: `lang=${lang}${query ? '&' + query : ''}`, viewport, deviceScaleFactor,
                                      touch: act === touch, settings });
  const { page } = opened;
  await settle(page);
  if (await has(page, 'textbox', UI[lang].name)) {
    if (act.enterText) {
      await act.enterText(page, UI[lang].name, name);
      await act.press(page, 'button', UI[lang].nameContinue);
      return opened;
    }
    if (act === keyboard) {
      for (let i = 0; i < 10 && !(await semantics(page)).some((n) => n.role === 'textbox' && n.focused); i++) {
        await pageOf(page).keyboard.press('Tab');
        await settle(page);
      }
    } else {
      await mouse.press(page, 'textbox', UI[lang].name);
    }
    await page.keyboard.type(name, { delay: 20 });
    await settle(page);
    await act.press(page, 'button', UI[lang].nameContinue);
  }
  return opened;
}

function currentQuestion(nodes, lang) {
  const heading = nodes.find((n) => n.role === 'heading' && n.level === 1);
  const names = new Set(nodes.map((n) => n.name));
  const texts = nodes.map((n) => n.name).join('\n');
  const candidates = content.questions.filter((q) => heading && q.prompt[lang] === heading.name);
  const fits = candidates.filter((q) => {
    if (q.options && q.type !== 'true_false') return q.options.every((o) => names.has(o.text[lang]));
    if (q.items) return q.items.every((it) => texts.includes(it.text[lang]));
    if (q.pairs) return q.pairs.every((p) => texts.includes(p.source[lang]));
    return true;
  });
  assert.ok(fits.length >= 1, `question on screen not found in content: ${heading && heading.name}`);
  return fits[0];
}

// What the learner answers, in content indices (the engine's Response: option indices in
// ascending order, the item order, each pair's chosen target): the right answer, or a wrong one
// (a wrong option; every wrong option; the first two items swapped; the targets reversed).
function plannedResponse(q, correct = true) {
  if (q.type === 'ordering') {
    const order = q.items.map((_, i) => i);
    if (!correct) [order[0], order[1]] = [order[1], order[0]];
    return { order };
  }
  if (q.type === 'matching') return { match: q.pairs.map((_, i) => (correct ? i : q.pairs.length - 1 - i)) };
  const single = q.type !== 'multiple_response';
  const picks = q.options.map((o, i) => (o.correct === correct ? i : -1)).filter((i) => i >= 0);
  return { selected: single ? picks.slice(0, 1) : picks };
}

// The engine's grade of a response (src/core/engines/scoring.cpp), for what the LMS should be told.
function grade(q, r) {
  let score = 0;
  if (q.type === 'ordering') score = r.order.filter((v, i) => v === i).length / q.items.length;
  else if (q.type === 'matching') score = r.match.filter((v, i) => v === i).length / q.pairs.length;
  else if (q.type === 'multiple_response') {
    const right = r.selected.filter((i) => q.options[i].correct).length;
    score = Math.max(0, (right - (r.selected.length - right)) / q.options.filter((o) => o.correct).length);
  } else score = r.selected.length === 1 && q.options[r.selected[0]].correct ? 1 : 0;
  const points = q.points === undefined ? 1 : q.points;
  return { score, earned: score * points, possible: points, correct: score >= 1 };
}

// Answers the question on screen and submits it. `correct` may be a function of the question.
// With `log`, pushes {q, response, grade} (what was answered, in content indices).
async function answerQuestion(page, lang, act, { correct = true, log } = {}) {
  const q = currentQuestion(await semantics(page), lang);
  const right = typeof correct === 'function' ? correct(q) : correct;
  const r = plannedResponse(q, right);
  if (q.type === 'true_false') {
    await act.press(page, 'radio', UI[lang][q.options[r.selected[0]].id]);
  } else if (q.type === 'single_choice' || q.type === 'best_reply') {
    await act.press(page, 'radio', q.options[r.selected[0]].text[lang]);
  } else if (q.type === 'multiple_response') {
    for (const i of r.selected) await act.press(page, 'checkbox', q.options[i].text[lang]);
  } else if (q.type === 'ordering') {
    // Bubble the items into the planned order with the "move up" buttons.
    for (let target = 0; target < r.order.length; target++) {
      const want = q.items[r.order[target]].text[lang];
      for (let guard = 0; guard < 10; guard++) {
        const lines = (await semantics(page)).filter((n) => n.role === 'text' && /^\d+\. /.test(n.name));
        const pos = lines.findIndex((n) => n.name.endsWith(' ' + want));
        if (pos <= target) break;
        await act.press(page, 'button', `${UI[lang].up}: ${want}`);
      }
    }
  } else if (q.type === 'matching') {
    for (let i = 0; i < q.pairs.length; i++) await act.choose(page, q.pairs[i].source[lang], q.pairs[r.match[i]].target[lang]);
  }
  await act.press(page, 'button', UI[lang].submit);
  if (log) log.push({ q, response: r, grade: grade(q, r) });
  return q;
}

// A screenshot a walk asks for: a file name under build/screenshots, or a function that takes
// its own (tests/browser/design.test.js takes one per theme).
const shoot = (page, shot) => (typeof shot === 'function' ? shot() : screenshot(page, shot));

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Answers from the question on screen to the end of the quiz and presses "Finish".
async function takeQuiz(page, lang, act, { correct = true, shot, log } = {}) {
  for (let i = 0; i < 60; i++) {
    await answerQuestion(page, lang, act, { correct, log });
    if (shot && i === 0) await shoot(page, shot);
    if (await has(page, 'button', UI[lang].nextQ)) {
      await act.press(page, 'button', UI[lang].nextQ);
    } else {
      await act.press(page, 'button', UI[lang].finish);
      return;
    }
  }
  throw new Error('quiz did not end');
}

function bestChoice(rp, replyNames) {
  // Replies are shown in a seeded order: the node is the one whose replies are the ones on screen.
  const shown = [...replyNames].sort();
  const node = rp.nodes.find((n) => n.choices && n.choices.length === replyNames.length &&
    n.choices.map((c) => c.text[replyNames.lang]).sort().every((t, i) => t === shown[i]));
  assert.ok(node, 'role-play node on screen not found in content');
  let best = 0;
  let bestScore = -Infinity;
  node.choices.forEach((c, i) => {
    const s = Object.values(c.scores || {}).reduce((a, b) => a + b, 0);
    if (s > bestScore) { bestScore = s; best = i; }
  });
  return { node, index: best, choice: node.choices[best] };
}

// Plays the role-play on screen to an ending, always taking the best-scored reply. With `log`,
// pushes {rp, node, index, choice} for every reply given.
async function playRolePlay(page, lang, act, moduleId, { shot, log } = {}) {
  const rp = content.modules.find((m) => m.id === moduleId).roleplay;
  for (let step = 0; step < 40; step++) {
    const nodes = await semantics(page);
    const replies = nodes.filter((n) => n.group === 'replies' && n.role === 'button');
    if (replies.length === 0) return;   // an ending
    const names = replies.map((n) => n.name);
    names.lang = lang;
    if (shot && step === 1) await shoot(page, shot);
    const pick = bestChoice(rp, names);
    await act.press(page, 'button', pick.choice.text[lang]);
    if (log) log.push({ rp, ...pick });
  }
  throw new Error('role-play did not end');
}

// Lesson, quiz and role-play of one module, from its overview back to it. `opts`: {correct, log}
// for the quiz (see takeQuiz) and {replies} as the role-play's log; {quizOnScreen: n}: n answers
// on the screens, then the test driver answers the questions asked on radios (right: `correct`
// is for the screens' answers) and leaves every other kind to the screens (takeQuizThenDriver,
// "right-on-radios").
async function completeModule(page, lang, act, module, shots = {}, opts = {}) {
  await act.press(page, 'button', UI[lang].readLesson);
  if (shots.lesson) await shoot(page, shots.lesson);
  while (!(await has(page, 'button', UI[lang].toQuiz))) await act.press(page, 'button', UI[lang].next);
  await act.press(page, 'button', UI[lang].toQuiz);
  if (opts.quizOnScreen) {
    await takeQuizThenDriver(page, lang, act, `session-quiz:${module.id}:right-on-radios`, opts.quizOnScreen,
                             { shot: shots.quiz, correct: opts.correct, log: opts.log });
  } else await takeQuiz(page, lang, act, { shot: shots.quiz, correct: opts.correct, log: opts.log });
  if (shots.quizResults) await shoot(page, shots.quizResults);
  await act.press(page, 'button', UI[lang].toRolePlay);
  await playRolePlay(page, lang, act, module.id, { shot: shots.roleplay, log: opts.replies });
  if (shots.ending) await shoot(page, shots.ending);
  await act.press(page, 'button', UI[lang].backToCourse);
}

// Every module short of the final assessment, done by the test driver in the app's own session
// (the test build of the course, tests/web/test_driver.cpp "session-modules": the one course
// walker, core/engines/walker.h, each step saved through the app's persistence; the page must have
// been opened with granice-test-driver=1, which harness.js serves from build/web/site-test). The
// screens of every module are walked natively (tests/unit/test_screens_walk.cpp); this keeps
// browser tests to what the browser itself adds. No reload: a page load costs seconds, and
// resuming from saved progress has tests of its own (resume.test.js, the LMS relaunches).
async function finishModulesByDriver(page) {
  await walkInSession(page, 'session-modules');
  // The driver's last step was a role-play: the app shows it; Home is where a learner goes next.
  if (await has(page, 'button', UI.en.home)) await mouse.press(page, 'button', UI.en.home);
  else if (await has(page, 'button', UI.pl.home)) await mouse.press(page, 'button', UI.pl.home);
}

// The rest of the course, the final assessment included (one attempt, all right), done by the
// test driver as above; the app shows the assessment's results.
async function finishCourseByDriver(page) {
  await walkInSession(page, 'session-modules');
  await walkInSession(page, 'session-assessment:right');
}

// Journal entries for what the test driver's learner did (tests/web/test_driver.cpp,
// "session-modules", "session-quiz:<id>:<answers>", "session-assessment:<answers>"): the response
// it gave, in content indices (graded here as the engine grades, and right or wrong as the driver
// meant), and the reply it names: {q, response, grade} and {rp, node, index, choice}, as the
// screens' walks log them.
function driverAnswer({ answer: id, right, response }) {
  const q = content.questions.find((x) => x.id === id);
  assert.ok(q, `the driver answered a question of the content: ${id}`);
  const g = grade(q, response);
  assert.equal(g.correct, right, `the driver answered ${id} ${right ? 'right' : 'wrong'}: ${JSON.stringify(response)}`);
  return { q, response, grade: g };
}
function driverReply({ reply, node, choice }) {
  const rp = content.modules.map((m) => m.roleplay).find((r) => r && r.id === reply);
  const n = rp && rp.nodes.find((x) => x.id === node);
  const c = n && n.choices.find((x) => x.id === choice);
  assert.ok(c, `the driver replied with a reply of the content: ${reply}.${node}.${choice}`);
  return { rp, node: n, index: n.choices.indexOf(c), choice: c };
}
// The journal entries of a driver walk's `did` list, in order.
const driverJournal = (did) => did.map((d) => (d.answer ? driverAnswer(d) : driverReply(d)));

// The open quiz: `onScreen` questions answered on the screens (as takeQuiz does; `correct`, `log`
// and `shot` as there), then the rest of the attempt by the test driver in the app's session
// (`action`: "session-quiz:<module id>:<answers>" or "session-assessment:<answers>"), which ends it
// as the Finish button does: the app shows the results. The driver's answers go to `log` too.
// With <answers> "right-on-radios" the driver answers only questions asked on radios and stops
// before any other kind (checkboxes, ordering, matching): that one is answered on the screens,
// then the driver goes on; so every such kind the attempt draws is pressed in this input mode.
// Every screen of every quiz is also walked natively (tests/unit/test_screens_walk.cpp).
// `before`: questions of this attempt answered before the call (the one on screen is not yet).
async function takeQuizThenDriver(page, lang, act, action, onScreen, { correct = true, log, shot, before = 0 } = {}) {
  const m = /^session-(?:quiz:([^:]+)|assessment):/.exec(action);
  assert.ok(m, `a quiz action of the test driver: ${action}`);
  const asked = m[1] ? quizLength(content.modules.find((x) => x.id === m[1])) : content.assessment.draw;
  let answered = 0;
  for (let screens = onScreen; ; screens = 1) {
    for (let i = 0; i < screens; i++) {
      if (answered > 0) await act.press(page, 'button', UI[lang].nextQ);
      await answerQuestion(page, lang, act, { correct, log });
      if (shot && answered === 0) await shoot(page, shot);
      answered++;
    }
    if (!(await has(page, 'button', UI[lang].nextQ))) {   // the last question was the screens' own
      await act.press(page, 'button', UI[lang].finish);
      break;
    }
    const walked = await walkInSession(page, action);
    const answers = walked.did.filter((d) => d.answer);
    if (log) log.push(...driverJournal(answers));
    answered += answers.length;
    if (!walked.stopped) break;
  }
  assert.equal(before + answered, asked, `every question of the attempt answered, on the screens or by the driver (${action})`);
}

// One action of the test driver (tests/web/test_driver.cpp) on the page, its JSON answer parsed.
const drive = (page, action) =>
  page.evaluate((a) => JSON.parse(window.Module.ccall('granice_persist_test', 'string', ['string'], [a])), action);

// A walk by the test driver in the running app's session, then the frames it owes drawn.
async function walkInSession(page, action) {
  const walked = await drive(page, action);
  assert.ok(!walked.error, `the test driver walked (${action}): ${JSON.stringify(walked).slice(0, 200)}`);
  await settle(page);
  return walked;
}

// Questions one attempt at a module quiz asks (a quiz may draw some of its questions).
const quizLength = (m) => m.quiz.draw || m.quiz.questions.length;

module.exports = { content, quizLength, drive, walkInSession, driverJournal, takeQuizThenDriver, finishModulesByDriver, finishCourseByDriver, bestChoice, UI, mouse, keyboard, dom, touch, swipe, waitForNode, has, startAsLearner, answerQuestion, takeQuiz,
                   playRolePlay, completeModule, currentQuestion, plannedResponse, grade, pageOf };
