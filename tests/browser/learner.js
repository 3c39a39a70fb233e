// A simulated learner for the browser tests: reads the shipped content to know the right
// answers, finds widgets by role and name in granice.semantics(), and acts on them either with
// the mouse (clicks at their rects) or with the keyboard alone (Tab to focus, Enter to press).
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');
const { openApp, semantics, settle, screenshot } = require('./harness.js');

const QUIZZES = path.resolve(__dirname, '../../quizzes');

function loadContent() {
  const read = (f) => JSON.parse(fs.readFileSync(path.join(QUIZZES, f), 'utf8'));
  const course = read('course.json');
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
        takeQuiz: 'Rozwiąż quiz', continueQuiz: 'Dokończ quiz', continueRolePlay: 'Dokończ scenkę' },
  en: { next: 'Next', toQuiz: 'Go to the quiz', submit: 'Check answer', nextQ: 'Next question',
        finish: 'Finish and see the score', toRolePlay: 'Go to the role-play', readLesson: 'Read the lesson',
        backToCourse: 'Back to the course', start: 'Start the course', assessment: 'Start the final assessment',
        certificate: 'View certificate', name: 'Your name', nameContinue: 'Continue', nextModule: 'Next module',
        true: 'True', false: 'False', up: 'Move up', home: 'Home', playRolePlay: 'Play the role-play',
        takeQuiz: 'Take the quiz', continueQuiz: 'Continue the quiz', continueRolePlay: 'Continue the role-play' },
};

const matches = (n, role, name) => n.role === role &&
  (name instanceof RegExp ? name.test(n.name) : n.name === name);

// [SECTION] Ways of acting: mouse, keyboard, and the accessible DOM layer (below)
const mouse = {
  async press(page, role, name) {
    let node = await waitForNode(page, role, name);
    const box = await page.locator('#canvas').boundingBox();
    // Scroll with the wheel, as a person would, until the widget is on screen.
    for (let i = 0; i < 60 && (node.rect.y < 0 || node.rect.y + Math.min(node.rect.height, 40) > box.height); i++) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, node.rect.y < 0 ? -200 : 200);
      await settle(page);
      node = await waitForNode(page, role, name);
    }
    await page.mouse.click(box.x + node.rect.x + node.rect.width / 2, box.y + node.rect.y + Math.min(node.rect.height / 2, 20));
    await settle(page);
  },
};

const keyboard = {
  async press(page, role, name) {
    await waitForNode(page, role, name);
    for (let i = 0; i < 120; i++) {
      const nodes = await semantics(page);
      const focused = nodes.find((n) => n.focused);
      if (focused && matches(focused, role, name)) {
        await page.keyboard.press('Enter');
        await settle(page);
        return;
      }
      await page.keyboard.press('Tab');
      await settle(page);
    }
    throw new Error(`keyboard: could not Tab to ${role} ${name}`);
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
async function startAsLearner(env, { lang = 'pl', name = 'Anna Nowak', act = mouse, viewport, query = '' } = {}) {
  const opened = await openApp(env, { query: `lang=${lang}${query ? '&' + query : ''}`, viewport });
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
        await page.keyboard.press('Tab');
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

async function answerQuestion(page, lang, act, { correct = true } = {}) {
  const q = currentQuestion(await semantics(page), lang);
  if (q.type === 'true_false') {
    const right = q.options.find((o) => o.correct).id;
    const pick = correct ? right : (right === 'true' ? 'false' : 'true');
    await act.press(page, 'radio', UI[lang][pick]);
  } else if (q.type === 'single_choice' || q.type === 'best_reply') {
    const o = q.options.find((x) => x.correct === correct);
    await act.press(page, 'radio', o.text[lang]);
  } else if (q.type === 'multiple_response') {
    for (const o of q.options.filter((x) => x.correct === correct)) await act.press(page, 'checkbox', o.text[lang]);
  } else if (q.type === 'ordering') {
    // Bubble the items into the content's order with the "move up" buttons.
    for (let target = 0; target < q.items.length; target++) {
      const want = q.items[target].text[lang];
      for (let guard = 0; guard < 10; guard++) {
        const lines = (await semantics(page)).filter((n) => n.role === 'text' && /^\d+\. /.test(n.name));
        const pos = lines.findIndex((n) => n.name.endsWith(' ' + want));
        if (pos <= target) break;
        await act.press(page, 'button', `${UI[lang].up}: ${want}`);
      }
    }
  } else if (q.type === 'matching') {
    const shuffled = [...q.pairs].reverse();
    for (let i = 0; i < q.pairs.length; i++) {
      const p = q.pairs[i];
      const target = correct ? p.target[lang] : shuffled[i].target[lang];
      await act.press(page, 'button', new RegExp('^' + escapeRe(p.source[lang]) + ': '));
      await act.press(page, 'radio', target);
    }
  }
  await act.press(page, 'button', UI[lang].submit);
  return q;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function takeQuiz(page, lang, act, { correct = true, shot } = {}) {
  for (let i = 0; i < 60; i++) {
    await answerQuestion(page, lang, act, { correct });
    if (shot && i === 0) await screenshot(page, shot);
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
  const node = rp.nodes.find((n) => n.choices && n.choices.length === replyNames.length &&
    n.choices.every((c, i) => c.text[replyNames.lang] === replyNames[i]));
  assert.ok(node, 'role-play node on screen not found in content');
  let best = 0;
  let bestScore = -Infinity;
  node.choices.forEach((c, i) => {
    const s = Object.values(c.scores || {}).reduce((a, b) => a + b, 0);
    if (s > bestScore) { bestScore = s; best = i; }
  });
  return node.choices[best];
}

async function playRolePlay(page, lang, act, moduleId, { shot } = {}) {
  const rp = content.modules.find((m) => m.id === moduleId).roleplay;
  for (let step = 0; step < 40; step++) {
    const nodes = await semantics(page);
    const replies = nodes.filter((n) => n.group === 'replies' && n.role === 'button');
    if (replies.length === 0) return;   // an ending
    const names = replies.map((n) => n.name);
    names.lang = lang;
    if (shot && step === 1) await screenshot(page, shot);
    await act.press(page, 'button', bestChoice(rp, names).text[lang]);
  }
  throw new Error('role-play did not end');
}

async function completeModule(page, lang, act, module, shots = {}) {
  await act.press(page, 'button', UI[lang].readLesson);
  if (shots.lesson) await screenshot(page, shots.lesson);
  while (!(await has(page, 'button', UI[lang].toQuiz))) await act.press(page, 'button', UI[lang].next);
  await act.press(page, 'button', UI[lang].toQuiz);
  await takeQuiz(page, lang, act, { shot: shots.quiz });
  if (shots.quizResults) await screenshot(page, shots.quizResults);
  await act.press(page, 'button', UI[lang].toRolePlay);
  await playRolePlay(page, lang, act, module.id, { shot: shots.roleplay });
  if (shots.ending) await screenshot(page, shots.ending);
  await act.press(page, 'button', UI[lang].backToCourse);
}

module.exports = { content, UI, mouse, keyboard, dom, waitForNode, has, startAsLearner, answerQuestion, takeQuiz,
                   playRolePlay, completeModule, currentQuestion };
