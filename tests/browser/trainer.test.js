// The trainer view: opens a handful of progress records through the page's file input (plus a
// broken file and one of another course), reads the learners table from granice.semantics(),
// opens one learner, looks at the item analysis and downloads both CSV exports.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert/strict');
const { graniceCli, run, openApp, semantics, settle, click, screenshot } = require('./harness.js');
const L = require('./learner.js');

const RECORDS = path.join(__dirname, 'records');
const ROOT = path.resolve(__dirname, '../..');
// Learners 4, 6 and 8 of `granice simulate --learners 12 --seed 5` (failed, passed, incomplete) on
// the current content: their progress records and, as one {statements, more} page (an LRS export),
// the statements `granice simulate --xapi` writes for the same three. Made at test time, so that
// a content change (interface.json's strings count) never leaves a stale fixture behind.
async function statementsFixture() {
  const CLI = graniceCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-trainer-'));
  try {
    const simulate = (...extra) => run(CLI, ['simulate', '--learners', '12', '--seed', '5', '--content', path.join(ROOT, 'quizzes'), ...extra]);
    await Promise.all([simulate('--out', path.join(dir, 'records')), simulate('--out', path.join(dir, 'xapi'), '--xapi')]);
    const names = [4, 6, 8].map((i) => `learner-${String(i).padStart(7, '0')}`);
    const records = names.map((n) => ({ name: n + '.json', mimeType: 'application/json',
                                        buffer: fs.readFileSync(path.join(dir, 'records', n + '.json')) }));
    // The mix the test reads: a failed, a passed and an unfinished learner.
    assert.deepEqual(records.map((r) => JSON.parse(r.buffer.toString('utf8'))).map((r) => [r.completion_status, r.success_status]).sort(),
                     [['completed', 'failed'], ['completed', 'passed'], ['incomplete', 'unknown']].sort(),
                     'learners 4, 6 and 8 of the simulation: failed, passed, incomplete');
    const statements = names.flatMap((n) => JSON.parse(fs.readFileSync(path.join(dir, 'xapi', n + '.xapi.json'), 'utf8')));
    return { records, exportFile: { name: 'lrs-export.json', mimeType: 'application/json',
                                    buffer: Buffer.from(JSON.stringify({ statements, more: '' })) } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function recordFiles() {
  const files = fs.readdirSync(RECORDS).filter((f) => f.endsWith('.json')).sort()
    .map((name) => ({ name, mimeType: 'application/json', buffer: fs.readFileSync(path.join(RECORDS, name)) }));
  const foreign = JSON.parse(files[0].buffer.toString('utf8'));
  foreign.course.id = 'another-course';
  foreign.learner.name = '<img src=x onerror=alert(1)>';
  files.push({ name: 'foreign.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(foreign)) });
  files.push({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "granice-record", ') });
  return files;
}

const learners = () => recordFiles().slice(0, -2).map((f) => JSON.parse(f.buffer.toString('utf8')));

async function download(page, role, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click(page, role, name)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

module.exports = {
  async 'open records, read the table, a learner and the item analysis, export CSV'(env) {
    const { page, context, errors } = await openApp(env, { path: 'trainer.html', query: 'lang=en' });
    try {
      await settle(page, 100);
      let nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.role === 'heading' && n.name === 'Trainer review'), 'the trainer page opens in the trainer view');
      assert.ok(nodes.some((n) => n.role === 'button' && n.name === 'Open record files'));

      const files = recordFiles();
      await page.setInputFiles('#granice-trainer-files', files);
      await settle(page, 200);
      nodes = await semantics(page);
      const people = learners();
      assert.ok(nodes.some((n) => n.name === `Files opened: ${files.length} · valid: ${people.length} · refused: 2`),
        'counts: ' + nodes.filter((n) => /Files opened/.test(n.name)).map((n) => n.name));
      for (const p of people) assert.ok(nodes.some((n) => n.role === 'link' && n.name === p.learner.name), 'row for ' + p.learner.name);
      assert.ok(!nodes.some((n) => /onerror/.test(n.name)), 'the foreign record is not in the table');
      // The search and date fields are not the learner's name: the browser must not offer names.
      for (const label of ['Search', 'From (YYYY-MM-DD)', 'To (YYYY-MM-DD)']) {
        assert.equal(await page.getByRole('textbox', { name: label, exact: true }).getAttribute('autocomplete'), 'off', label);
      }
      await screenshot(page, 'trainer-table');

      // Sort by score, highest first: the first link is the best learner.
      await click(page, 'button', /^Sort by Score/);
      nodes = await semantics(page);
      const rows = nodes.filter((n) => n.role === 'link').sort((a, b) => a.rect.y - b.rect.y).map((n) => n.name);
      const best = people.filter((p) => p.score.raw !== null).sort((a, b) => b.score.raw - a.score.raw)[0];
      assert.equal(rows[0], best.learner.name);

      // Filter: failed only (the drop-down is a combobox; its list opens on the canvas).
      const status = (await semantics(page)).find((n) => n.role === 'combobox' && n.name === 'Status');
      assert.ok(status && status.value === 'All' && status.options.includes('Failed'), 'the Status filter is a combobox');
      await click(page, 'combobox', 'Status');
      await click(page, 'option', 'Failed');
      nodes = await semantics(page);
      const failed = people.filter((p) => p.success_status === 'failed').map((p) => p.learner.name).sort();
      assert.deepEqual(nodes.filter((n) => n.role === 'link').map((n) => n.name).sort(), failed);
      await click(page, 'combobox', 'Status');
      await click(page, 'option', 'All');

      // CSV of the table: BOM, every learner, formula-safe.
      const table = await download(page, 'button', 'Export table (CSV)');
      assert.equal(table.name, 'granice-learners.csv');
      assert.deepEqual([...table.bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF]);
      const text = table.bytes.toString('utf8');
      for (const p of people) assert.ok(text.includes(p.learner.name), 'CSV has ' + p.learner.name);
      assert.ok(text.split('\r\n').length >= people.length + 1);

      // One learner: per-module answers with verdicts, the role-play path and rubric totals.
      await click(page, 'link', best.learner.name);
      nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.role === 'heading' && n.level === 2 && n.name === best.learner.name));
      assert.ok(nodes.some((n) => /Answer: .* — (correct|incorrect|partly correct)$/.test(n.name)), 'answers with verdicts');
      assert.ok(nodes.some((n) => /^1\. Client: .* — Reply: /.test(n.name)), 'role-play path');
      assert.ok(nodes.some((n) => n.role === 'progressbar' && /: -?\d+ \/ \d+$/.test(n.name)), 'rubric totals');
      await screenshot(page, 'trainer-detail');
      await click(page, 'button', 'Back to the list');

      // Item analysis: bars per question and guideline, the score histogram, CSV.
      await click(page, 'button', 'Item analysis');
      nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.role === 'progressbar' && / — correct \d+(\.\d)?% \(\d+\)$/.test(n.name)), 'question bars');
      assert.ok(nodes.some((n) => /^Learners by score: 0–9%: \d+/.test(n.name)), 'histogram');
      await screenshot(page, 'trainer-items');
      const items = await download(page, 'button', 'Export item analysis (CSV)');
      assert.equal(items.name, 'granice-items.csv');
      assert.ok(items.bytes.toString('utf8').startsWith('\uFEFFkind,quiz,id,objective,label'));
      const histogramSum = (ns) => {
        const h = ns.find((n) => /^Learners by score: /.test(n.name)).name;
        return [...h.matchAll(/%: (\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);
      };
      const scored = (list) => list.filter((p) => p.score.raw !== null).length;
      assert.equal(histogramSum(nodes), scored(people), 'unfiltered: everyone with a score');
      assert.ok(!nodes.some((n) => /^This analysis covers/.test(n.name)), 'no filter note without a filter');

      // Narrow the table to the failed learners: the item analysis follows, and says so.
      await click(page, 'button', `Learners (${people.length})`);
      await click(page, 'combobox', 'Status');
      await click(page, 'option', 'Failed');
      await click(page, 'button', 'Item analysis');
      nodes = await semantics(page);
      const failedOnes = people.filter((p) => p.success_status === 'failed');
      assert.ok(nodes.some((n) => n.name === `This analysis covers the learners the table's filters show: ${failedOnes.length} of ${people.length}.`),
        nodes.filter((n) => /analysis covers/.test(n.name)).map((n) => n.name).join() || 'no filter note');
      assert.equal(histogramSum(nodes), scored(failedOnes), 'filtered: the failed learners only');
      const failedCsv = (await download(page, 'button', 'Export item analysis (CSV)')).bytes.toString('utf8');
      assert.notEqual(failedCsv, items.bytes.toString('utf8'), 'the CSV follows the filter too');
      await click(page, 'button', `Learners (${people.length})`);
      await click(page, 'combobox', 'Status');
      await click(page, 'option', 'All');

      // The refused files, with reasons.
      await click(page, 'button', 'Files with problems (2)');
      nodes = await semantics(page);
      assert.ok(nodes.some((n) => /^foreign\.json: a record of another course/.test(n.name)));
      assert.ok(nodes.some((n) => /^broken\.json: \/: not valid JSON/.test(n.name)));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'open an LRS export of the same learners: the same table, CSV and answers as from their records'(env) {
    const { records, exportFile } = await statementsFixture();
    const people = records.map((f) => JSON.parse(f.buffer.toString('utf8')));
    const { page, context, errors } = await openApp(env, { path: 'trainer.html', query: 'lang=en' });
    try {
      await settle(page, 100);
      await page.setInputFiles('#granice-trainer-files', [exportFile]);
      await settle(page, 200);
      let nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.name === `Files opened: 1 · valid: ${people.length} · refused: 0`),
        'one row per registration: ' + nodes.filter((n) => /Files opened/.test(n.name)).map((n) => n.name));
      for (const p of people) assert.ok(nodes.some((n) => n.role === 'link' && n.name === p.learner.name), 'row for ' + p.learner.name);

      // A learner's detail: the answers of the last attempts, and the journal rebuilt from answered/responded.
      const best = people.filter((p) => p.score.raw !== null).sort((a, b) => b.score.raw - a.score.raw)[0];
      await click(page, 'link', best.learner.name);
      nodes = await semantics(page);
      assert.ok(nodes.some((n) => /Answer: .* — (correct|incorrect|partly correct)$/.test(n.name)), 'answers with verdicts');
      assert.ok(nodes.some((n) => /^1\. Client: .* — Reply: /.test(n.name)), 'role-play path');
      const journal = nodes.find((n) => /^Show every answer and choice given \(\d+\)$/.test(n.name));
      assert.ok(journal, 'the journal checkbox');
      assert.equal(journal.name, `Show every answer and choice given (${best.interactions.length})`, 'every answer and reply, as in the record');
      await click(page, 'button', 'Back to the list');
      const fromStatements = (await download(page, 'button', 'Export table (CSV)')).bytes.toString('utf8');

      // The records too: every learner twice, and both rows alike but for the file column.
      await page.setInputFiles('#granice-trainer-files', records);
      await settle(page, 200);
      nodes = await semantics(page);
      assert.ok(nodes.some((n) => n.name === `Files opened: ${people.length + 1} · valid: ${2 * people.length} · refused: 0`),
        nodes.filter((n) => /Files opened/.test(n.name)).map((n) => n.name));
      const both = (await download(page, 'button', 'Export table (CSV)')).bytes.toString('utf8');
      const rest = (line) => line.slice(line.indexOf(',') + 1);
      const lines = both.split('\r\n').slice(1).filter(Boolean);
      const [fromRecords, fromExport] = [lines.filter((l) => l.startsWith('learner-')), lines.filter((l) => l.startsWith('lrs-export.json#'))];
      assert.equal(fromExport.length, people.length);
      assert.deepEqual(fromExport.map(rest).sort(), fromRecords.map(rest).sort(), 'the same rows from the export and from the records');
      assert.deepEqual(fromStatements.split('\r\n').slice(1).filter(Boolean).map(rest).sort(), fromExport.map(rest).sort());
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },

  async 'the course page carries no trainer code: Home opens the trainer page in a new tab, old links land there'(env) {
    const { page, context, errors } = await L.startAsLearner(env, { lang: 'en', name: 'Tia Trainer' });
    try {
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      assert.ok(loaded.includes('/app.wasm.lzma'), loaded.join(' '));
      assert.deepEqual(loaded.filter((p) => /trainer/.test(p)), [], 'no trainer file on the course page');
      // A record dropped onto the course page is refused there, so the browser does not open it
      // in place of the course (which, inside an LMS, would end the session).
      const dropped = await page.evaluate(() => ['dragover', 'drop'].map((type) => {
        const dt = new DataTransfer();
        dt.items.add(new File(['{}'], 'record.json', { type: 'application/json' }));
        const e = new DragEvent(type, { dataTransfer: dt, cancelable: true, bubbles: true });
        document.body.dispatchEvent(e);
        return e.defaultPrevented;
      }));
      assert.deepEqual(dropped, [true, true], 'dragover and drop of files are refused on the course page');
      const home = (await semantics(page)).filter((n) => n.role === 'heading').map((n) => n.name);
      const [tab] = await Promise.all([context.waitForEvent('page'), L.mouse.press(page, 'button', 'Trainer view')]);
      await tab.waitForLoadState();
      assert.match(tab.url(), /\/trainer\.html\?lang=en$/);
      await tab.evaluate(() => window.granice.ready);
      await settle(tab, 100);
      assert.ok((await semantics(tab)).some((n) => n.role === 'heading' && n.name === 'Trainer review'), 'trainer view in the new tab');
      assert.ok(await tab.evaluate(() => typeof window.API === 'undefined' && typeof window.API_1484_11 === 'undefined'));
      // The course stays where it was.
      assert.deepEqual((await semantics(page)).filter((n) => n.role === 'heading').map((n) => n.name), home);
      await tab.close();

      // A link to the old address of the trainer view goes to the trainer page.
      const old = await context.newPage();
      await old.goto(env.url + '?view=trainer&lang=en');
      await old.waitForURL(/\/trainer\.html\?view=trainer&lang=en$/);
      await old.evaluate(() => window.granice.ready);
      await settle(old, 100);
      assert.ok((await semantics(old)).some((n) => n.role === 'heading' && n.name === 'Trainer review'));

      // Pop-ups blocked: the trainer page opens in this tab instead. Tried on a page opened for it
      // (the newest page is the one in front, so its loop draws and handles the press; the first
      // page, brought back from the background, lost the press or its navigation now and then when
      // another lane opened pages).
      await old.close();
      const blocked = await context.newPage();
      blocked.on('pageerror', (e) => errors.push(e.message));
      await blocked.addInitScript(() => { window.open = () => null; });
      await blocked.goto(env.url + '?lang=en');
      await blocked.evaluate(() => window.granice.ready);
      await settle(blocked, 200);
      // Pressed the way a screen reader does (a click event on the layer's button): the page then
      // navigates away, possibly while the click call is still returning (its rejection then says
      // nothing); the new address is what counts.
      const button = blocked.getByRole('button', { name: 'Trainer view', exact: true });
      await button.waitFor({ state: 'attached' });
      for (let attempt = 1; ; attempt++) {
        await button.dispatchEvent('click').catch(() => {});
        try {
          await blocked.waitForURL(/\/trainer\.html\?lang=en$/, { timeout: 10000, waitUntil: 'commit' });
          break;
        } catch (e) {
          if (attempt === 2 || /trainer\.html/.test(blocked.url())) throw e;
          await settle(blocked, 200);
        }
      }
      await blocked.waitForLoadState();
      await blocked.evaluate(() => window.granice.ready);
      await settle(blocked, 100);
      assert.ok((await semantics(blocked)).some((n) => n.role === 'heading' && n.name === 'Trainer review'), 'trainer view in the same tab');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },
};
