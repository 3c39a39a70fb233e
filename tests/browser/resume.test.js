// Progress survives a reload: in the middle of a quiz and of a role-play the learner comes back
// to exactly the same question (same shuffled order, same answers) and the same conversation.
'use strict';
const assert = require('assert/strict');
const { semantics, settle, screenshot } = require('./harness.js');
const L = require('./learner.js');

const visible = (nodes) => nodes.map((n) => `${n.role}|${n.name}|${n.checked}`);

async function reload(page) {
  await page.reload();
  await page.evaluate(() => window.granice.ready);
  await settle(page);
}

module.exports = {
  async 'a reload in the middle of a quiz resumes at the same question with the same order'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'pl', name: 'Ewa Reload' });
    try {
      const ui = L.UI.pl;
      await L.mouse.press(page, 'button', ui.start);
      await L.mouse.press(page, 'button', ui.takeQuiz);
      await L.answerQuestion(page, 'pl', L.mouse);
      await L.mouse.press(page, 'button', ui.nextQ);
      await L.answerQuestion(page, 'pl', L.mouse, { correct: false });
      await L.mouse.press(page, 'button', ui.nextQ);
      const before = visible(await semantics(page));
      await reload(page);
      const after = visible(await semantics(page));
      assert.deepEqual(after, before, 'same screen, same question, same option order after reload');
      assert.ok(after.some((n) => n.startsWith('progressbar|Pytanie 3 z ')), 'third question');
      // Going back shows the earlier answers as they were submitted.
      await L.mouse.press(page, 'button', 'Poprzednie pytanie');
      // (The quiz draws its questions: the second one may be of any type.)
      const prev = await semantics(page);
      const q = L.currentQuestion(prev, 'pl');
      if (q.type === 'ordering') {
        const lines = prev.filter((n) => n.role === 'text' && /^\d+\. /.test(n.name)).map((n) => n.name.replace(/^\d+\. /, ''));
        assert.deepEqual(lines, L.plannedResponse(q, false).order.map((i) => q.items[i].text.pl), 'the second answer is still as arranged');
      } else if (q.type === 'matching') {
        assert.ok(prev.filter((n) => n.role === 'combobox').every((n) => n.selected >= 0), 'the second answer is still matched');
      } else {
        assert.ok(prev.some((n) => n.role === 'radio' && n.checked === true || n.role === 'checkbox' && n.checked === true),
                  'the second answer is still selected');
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'a reload in the middle of a role-play resumes the same conversation'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'en', name: 'Ola Reload' });
    try {
      const ui = L.UI.en;
      await L.mouse.press(page, 'button', ui.start);
      await L.mouse.press(page, 'button', ui.playRolePlay);
      // Two replies along the best-scored path: it does not reach an ending in two steps (an ending
      // would close the walk, and a reload then starts the next run). Replies are shown in a seeded
      // order, so they are found by text, not by place.
      const rp = L.content.modules[0].roleplay;
      for (let i = 0; i < 2; i++) {
        const names = (await semantics(page)).filter((n) => n.group === 'replies' && n.role === 'button').map((n) => n.name);
        names.lang = 'en';
        const pick = L.bestChoice(rp, names);
        assert.ok(!rp.nodes.find((n) => n.id === pick.choice.next).ending, 'the walk goes on');
        await L.mouse.press(page, 'button', pick.choice.text.en);
      }
      const replyOrder = async () => (await semantics(page)).filter((n) => n.group === 'replies').map((n) => n.name);
      const before = visible(await semantics(page));
      const orderBefore = await replyOrder();
      await reload(page);
      const after = visible(await semantics(page));
      assert.deepEqual(after, before, 'same conversation after reload');
      assert.ok(orderBefore.length >= 2, 'replies on screen');
      assert.deepEqual(await replyOrder(), orderBefore, 'the replies in the same shown order after reload');
      assert.equal(after.filter((n) => n.startsWith('text|You: ')).length, 2, 'two replies in the log');
      await screenshot(page, 'resume-roleplay');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },
};
