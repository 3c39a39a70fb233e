// Performance budgets of the web app (scripts/bench): first-load transfer (gzip -9, per file),
// time to first frame (app vs a minimal ImGui page, median of N cold loads), idle frames and
// main-thread CPU, frame cost while interacting (the app's own timer), wasm heap high-water mark.
// Prints numbers and "over budget" lines; exits 1 when a budget is exceeded.
//   node tests/bench/web/bench.js <build dir>     (needs <build>/site and <build>/baseline)
//   BENCH_LOADS=10 BENCH_IDLE_S=10 BENCH_JSON=<file>
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('playwright-core');
const { startServer } = require('../../../scripts/serve.js');
const L = require('../../browser/learner.js');

const BUILD = path.resolve(process.argv[2] || 'build/web');
const LOADS = Number(process.env.BENCH_LOADS || 10);
const IDLE_S = Number(process.env.BENCH_IDLE_S || 10);
const ARGS = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const BUDGET = {
  transferKB: 300,      // whole first load, gzip -9
  idleFramesAfter1s: 0, // frames drawn in the idle window (after the first second)
  frameP95ms: 50,       // while interacting, software WebGL on a shared 2-core machine
  heapMB: 64,           // wasm memory after completing the course
};

const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const kb = (n) => (n / 1024).toFixed(1);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// wasm sections: code vs data (the embedded content and fonts live in the data section).
function wasmSections(buf) {
  let o = 8; const out = {};
  const leb = () => { let r = 0, s = 0, x; do { x = buf[o++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  const names = { 10: 'code', 11: 'data' };
  while (o < buf.length) {
    const id = buf[o++]; const n = leb();
    const key = names[id] || 'other';
    out[key] = (out[key] || 0) + n;
    out[key + '_gz'] = (out[key + '_gz'] || 0) + gz(buf.subarray(o, o + n));
    o += n;
  }
  return out;
}

async function main() {
  const results = { budgets: BUDGET, over: [] };
  const { server, url } = await startServer({ root: BUILD, port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    // [SECTION] Transfer: every file the page requests on a first load, as served, in each language
    // (a learner downloads the pack of their language only; the others come on a switch)
    const html = fs.readFileSync(path.join(BUILD, 'site/index.html'), 'utf8');
    const languages = ((html.match(/<meta name="granice-languages" content="([^"]*)"/) || [])[1] || '').split(/\s+/).filter(Boolean);
    results.transfer = {};
    for (const lang of languages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requested = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.goto(url + 'site/index.html?lang=' + lang);
      await page.evaluate(() => window.granice.ready);
      await page.waitForTimeout(500);
      await context.close();
      const files = [...new Set(requested.filter((u) => u.startsWith(url)).map((u) => new URL(u).pathname))];
      let raw = 0, zipped = 0;
      const rows = [];
      for (const f of files) {
        const buf = fs.readFileSync(path.join(BUILD, decodeURIComponent(f)));
        const g = gz(buf);
        raw += buf.length; zipped += g;
        rows.push({ file: f.replace('/site/', ''), raw: buf.length, gz: g });
      }
      rows.sort((a, b) => b.gz - a.gz);
      console.log(`transfer (first load in "${lang}", gzip -9):`);
      for (const r of rows) console.log(`  ${r.file.padEnd(16)} ${kb(r.raw).padStart(8)} KB raw ${kb(r.gz).padStart(7)} KB gz`);
      console.log(`  ${'total'.padEnd(16)} ${kb(raw).padStart(8)} KB raw ${kb(zipped).padStart(7)} KB gz   (budget ${BUDGET.transferKB} KB)`);
      results.transfer[lang] = { files: rows, raw, gz: zipped };
      if (zipped / 1024 > BUDGET.transferKB) results.over.push(`transfer in "${lang}" ${kb(zipped)} KB gz > ${BUDGET.transferKB} KB`);
    }
    const w = path.join(BUILD, 'app/app.wasm');   // what app.wasm.lzma decodes to
    if (fs.existsSync(w)) {
      const s = wasmSections(fs.readFileSync(w));
      console.log(`  app.wasm (decoded from app.wasm.lzma, ${kb(fs.statSync(w).size)} KB; ${kb(gz(fs.readFileSync(w)))} KB if it were sent gzip -9 instead): code ${kb(s.code)} KB (${kb(s.code_gz)} KB gz), data ${kb(s.data || 0)} KB (${kb(s.data_gz || 0)} KB gz: constants, ImGui's default font among them; the course's fonts are in the packs)`);
      results.wasm = s;
    }

    // [SECTION] Time to first frame: cold loads (a fresh context each), app and baseline alternating
    {
      const app = [], base = [], decode = [], content = [], phases = [], steps = [];
      for (let i = 0; i < LOADS; i++) {
        for (const which of ['app', 'base']) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
          const page = await context.newPage();
          if (which === 'app') {
            await page.goto(url + 'site/index.html');
            app.push(await page.evaluate(() => window.granice.ready.then(() => performance.now())));
            decode.push(await page.evaluate(() => window.granice.wasmDecodeMs || 0));
            // From the app asking for its pack to the course loaded from it (the rest of the fetch,
            // unpacking, parsing and validating one language's content).
            content.push(await page.evaluate(() => ((window.granice.packLoads || [])[0] || {}).totalMs || 0));
            phases.push(await page.evaluate(() => window.granice.startPhases || {}));
            steps.push(await page.evaluate(() => window.granice.startAt || {}));
          } else {
            await page.goto(url + 'baseline/index.html');
            await page.waitForFunction(() => window.baselineFirstFrame, null, { timeout: 30000 });
            base.push(await page.evaluate(() => window.baselineFirstFrame));
          }
          await context.close();
        }
      }
      const a = median(app), b = median(base);
      console.log(`first frame (median of ${LOADS} cold loads): app ${a.toFixed(0)} ms, baseline ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)}`);
      console.log(`  app   ${app.map((x) => x.toFixed(0)).join(' ')}\n  base  ${base.map((x) => x.toFixed(0)).join(' ')}`);
      console.log(`  of which decoding app.wasm.lzma: median ${median(decode).toFixed(0)} ms (${decode.map((x) => x.toFixed(0)).join(' ')})`);
      console.log(`  and the language pack, from the app asking for it to the course loaded: median ${median(content).toFixed(0)} ms (${content.map((x) => x.toFixed(0)).join(' ')})`);
      // Each start-up phase (window.granice.startPhases: the page's and the app's own timers).
      const names = [...new Set(phases.flatMap((p) => Object.keys(p)))];
      const phaseMedians = Object.fromEntries(names.map((n) => [n, median(phases.map((p) => p[n] || 0))]));
      console.log(`  start-up phases, medians: ${names.map((n) => `${n} ${phaseMedians[n].toFixed(1)} ms`).join(', ')}`);
      // When each step of the start was reached (window.granice.startAt, ms since the navigation):
      // what no phase times (fetching and running the scripts, waiting for the LMS) shows between them.
      const stepMedians = Object.fromEntries([...new Set(steps.flatMap((p) => Object.keys(p)))].map((n) => [n, median(steps.map((p) => p[n] || 0))]));
      console.log(`  start steps reached, medians (ms since the navigation): ${Object.entries(stepMedians).sort((x, y) => x[1] - y[1]).map(([n, t]) => `${n} ${t.toFixed(0)}`).join(', ')}`);
      results.firstFrame = { app, baseline: base, appMedian: a, baselineMedian: b, ratio: a / b, wasmDecode: decode, contentLoad: content, phases: phaseMedians, steps: stepMedians };
    }

    // [SECTION] Idle: a lesson page without input vs the baseline, frames and main-thread CPU
    async function idle(page) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      await page.waitForTimeout(1000);
      // The app: frames built, drawn or not (one that would look as the one on screen is not drawn).
      const framesOf = () => page.evaluate(() => (window.granice ? window.granice.framesBuilt() : window.Module._baseline_frames()));
      const f0 = await framesOf(); const m0 = await metric();
      await page.waitForTimeout(IDLE_S * 1000);
      const f1 = await framesOf(); const m1 = await metric();
      return { frames: f1 - f0, taskMs: (m1.TaskDuration - m0.TaskDuration) * 1000, scriptMs: (m1.ScriptDuration - m0.ScriptDuration) * 1000 };
    }
    const env = { browser, url: url + 'site/' };
    let page, context;
    {
      ({ page, context } = await L.startAsLearner(env, { lang: 'en', name: 'Bench Learner' }));
      await L.mouse.press(page, 'button', L.UI.en.start);
      await L.mouse.press(page, 'button', L.UI.en.readLesson);
      const appIdle = await idle(page);
      const bctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const bpage = await bctx.newPage();
      await bpage.goto(url + 'baseline/index.html');
      await bpage.waitForFunction(() => window.baselineFirstFrame);
      const baseIdle = await idle(bpage);
      await bctx.close();
      const fmt = (r) => `${r.frames} frames, task ${r.taskMs.toFixed(0)} ms, script ${r.scriptMs.toFixed(0)} ms`;
      console.log(`idle ${IDLE_S} s on a lesson page (after 1 s): app ${fmt(appIdle)}; baseline ${fmt(baseIdle)}`);
      results.idle = { app: appIdle, baseline: baseIdle, seconds: IDLE_S };
      if (appIdle.frames > BUDGET.idleFramesAfter1s) results.over.push(`idle: ${appIdle.frames} frames drawn`);
    }

    // [SECTION] A language switch: the other pack fetched and applied, on the lesson page
    {
      const other = languages.find((l) => l !== 'en');
      if (other) {
        const t0 = Date.now();
        await L.mouse.press(page, 'button', L.content.course.languages.map((l) => (typeof l === 'string' ? { code: l, name: l } : l)).find((l) => l.code === other).name);
        await L.waitForNode(page, 'button', 'English');
        const loads = await page.evaluate(() => window.granice.packLoads);
        const sw = loads[loads.length - 1];
        console.log(`language switch en -> ${other}: ${kb(sw.bytes)} KB raw (${kb(fs.statSync(path.join(BUILD, 'site/content-' + other + '.pack.lzma')).size)} KB as LZMA), decode ${sw.decodeMs.toFixed(0)} ms, fetch ${sw.fetchMs.toFixed(0)} ms, fetched and applied ${sw.totalMs.toFixed(0)} ms (${Date.now() - t0} ms from the click to the new screen, test harness included)`);
        results.languageSwitch = { to: other, bytes: sw.bytes, fetchMs: sw.fetchMs, totalMs: sw.totalMs };
        await L.mouse.press(page, 'button', 'English');
        await L.waitForNode(page, 'button', L.content.course.languages.map((l) => (typeof l === 'string' ? { code: l, name: l } : l)).find((l) => l.code === other).name);
      }
    }

    // [SECTION] Frame cost while interacting: wheel-scroll the lesson, then answer the module quiz
    {
      await page.evaluate(() => window.granice.frameTimes(true));
      const box = await page.locator('#canvas').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 20; i++) {
        await page.mouse.wheel(0, i < 10 ? 150 : -150);
        await page.waitForTimeout(30);
      }
      const { settle } = require('../../browser/harness.js');
      await settle(page);
      const scroll = await page.evaluate(() => window.granice.frameTimes(true));
      while (!(await L.has(page, 'button', L.UI.en.toQuiz))) await L.mouse.press(page, 'button', L.UI.en.next);
      await L.mouse.press(page, 'button', L.UI.en.toQuiz);
      await page.evaluate(() => window.granice.frameTimes(true));
      await L.takeQuiz(page, 'en', L.mouse);
      const quiz = await page.evaluate(() => window.granice.frameTimes(true));
      const all = [...scroll, ...quiz];
      const line = (n, a) => `${n} ${a.length} frames, median ${median(a).toFixed(2)} ms, p95 ${pct(a, 0.95).toFixed(2)} ms, max ${Math.max(...a).toFixed(2)} ms`;
      console.log('frame cost (app timer, main thread):');
      console.log('  ' + line('scrolling:', scroll));
      console.log('  ' + line('answering:', quiz));
      console.log('  ' + line('all:      ', all));
      results.frameCost = { scroll, quiz, median: median(all), p95: pct(all, 0.95) };
      if (pct(all, 0.95) > BUDGET.frameP95ms) results.over.push(`frame p95 ${pct(all, 0.95).toFixed(1)} ms > ${BUDGET.frameP95ms}`);
      results.heapAfterModule = await page.evaluate(() => window.granice.heap());
      await context.close();
    }

    // [SECTION] Memory: the whole course completed (test driver), reloaded, screens drawn
    {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await ctx.newPage();
      await p.goto(url + 'site-test/index.html?lang=en&granice-test-driver=1');   // the test build carries the driver
      await p.evaluate(() => window.granice.ready);
      const drive = (a) => p.evaluate((x) => JSON.parse(window.Module.ccall('granice_persist_test', 'string', ['string'], [x])), a);
      await drive('launch');
      const done = await drive('steps:100000');
      await drive('finish');
      await p.reload();
      await p.evaluate(() => window.granice.ready);
      const { settle } = require('../../browser/harness.js');
      await settle(p, 300);
      const heap = await p.evaluate(() => window.granice.heap());
      console.log(`memory after completing the course (${done.completion}/${done.success}, ${done.interactions} interactions): ` +
                  `wasm memory ${kb(heap.memory)} KB, heap top high-water ${kb(heap.heap_top_max)} KB, in use ${kb(heap.in_use)} KB`);
      const h1 = results.heapAfterModule;
      console.log(`  after module 1 by mouse: wasm memory ${kb(h1.memory)} KB, heap top high-water ${kb(h1.heap_top_max)} KB, in use ${kb(h1.in_use)} KB`);
      results.heap = heap;
      if (heap.memory / 1048576 > BUDGET.heapMB) results.over.push(`wasm memory ${kb(heap.memory)} KB > ${BUDGET.heapMB} MB`);
      await ctx.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 1));
  for (const o of results.over) console.log('over budget: ' + o);
  console.log(results.over.length ? `bench: ${results.over.length} budget(s) exceeded` : 'bench: all budgets met');
  process.exit(results.over.length ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
