// Shared helpers for the browser tests: one Chromium, the same static server as scripts/run,
// and ways to act on the app by what granice.semantics() says is on screen.
'use strict';
const path = require('path');
const fs = require('fs');
const { execFile } = require('child_process');
const { chromium } = require('playwright-core');
const { startServer } = require('../../scripts/serve.js');

const ROOT = path.resolve(__dirname, '../..');
const SITE = process.env.GRANICE_SITE || path.join(ROOT, 'build/web/site');
// The test build of the course (with the test driver, tests/web/test_driver.cpp): pages opened
// with `granice-test-driver=1` in their query load it from here; everything else is the site a
// learner gets. Built by scripts/test (cmake --build build/web --target granice_site_test).
const SITE_TEST = process.env.GRANICE_SITE_TEST || path.join(ROOT, 'build/web/site-test');
const DRIVER_QUERY = /(^|&)granice-test-driver=1(&|$)/;
const hasTestBuild = () => fs.existsSync(path.join(SITE_TEST, 'app.wasm.lzma'));
function needTestBuild() {
  if (!hasTestBuild()) throw new Error(`no test build of the course in ${SITE_TEST}: run cmake --build build/web --target granice_site_test (scripts/test does)`);
}
// The granice CLI for tests that make content or learners with it: GRANICE_CLI, else the native
// build scripts/test has just made (a release CLI can be left from an older state of the tree).
function graniceCli() {
  if (process.env.GRANICE_CLI) return process.env.GRANICE_CLI;
  const native = path.join(ROOT, 'build/native/granice');
  if (!fs.existsSync(native)) throw new Error('no granice CLI: build the native tests first (scripts/build native), or set GRANICE_CLI');
  return native;
}
const SHOTS = process.env.GRANICE_SHOTS || path.join(ROOT, 'build/screenshots');

// Runs a command and resolves to its stdout. Never execFileSync in a test: it stops this process's
// event loop, and with it the test running in the other lane, for as long as the command runs
// (packaging, the ASan CLI: seconds). A failure rejects with an error carrying stdout and stderr.
function run(file, args, opts = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { encoding: 'utf8', maxBuffer: 256 << 20, ...opts }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stdout, stderr }));
      else resolve(stdout);
    });
  });
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// Console lines that are driver chatter, not errors of ours.
const NOISE = [/GPU stall due to ReadPixels/, /GL Driver Message/];

async function launch() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const { server, url } = await startServer({ root: SITE, port: 0 });
  const driver = hasTestBuild() ? await startServer({ root: SITE_TEST, port: 0 }) : null;
  return { browser, server, url, driverUrl: driver && driver.url,
           async close() { await browser.close(); server.close(); if (driver) driver.server.close(); } };
}

// Opens the app in a new page and waits for the first frame. Collects console errors.
// `path`: the page under the site ('' = the course's index.html, 'trainer.html' = the trainer page).
// `touch`: a phone (touch events, a coarse pointer, no mouse hover), for tests acting by finger.
// `settings`: what the learner chose in Settings before ({theme: 'dark'}...), stored before the page loads.
// `globals`: window properties set before the page's scripts run ({graniceTestPackHashes: ...}).
async function openApp(env, { path = '', query = '', viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, touch = false,
                              settings = null, globals = null } = {}) {
  const context = await env.browser.newContext({ viewport, deviceScaleFactor, hasTouch: touch, isMobile: touch });
  context.setDefaultTimeout(20000);   // a missing element fails the test instead of hanging it
  if (settings) await context.addInitScript((s) => localStorage.setItem('granice:settings', s), JSON.stringify(settings));
  if (globals) await context.addInitScript((g) => Object.assign(window, g), globals);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !NOISE.some((re) => re.test(m.text()))) {
      if (m.type() === 'error') errors.push(m.text());
    }
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(siteUrl(env, query) + path + (query ? '?' + query : ''));
  await page.evaluate(() => window.granice.ready);
  return { page, context, errors };
}

// The site a page with this query opens: the test build when it asks for the test driver.
function siteUrl(env, query) {
  if (!DRIVER_QUERY.test(query || '')) return env.url;
  needTestBuild();
  return env.driverUrl;
}

const semantics = (page) => page.evaluate(() => window.granice.semantics());
const frames = (page) => page.evaluate(() => window.granice.frames());   // drawn
// Built, drawn or not: what an idle page must not do at all (a frame that would look as the one
// on screen is built but not drawn: src/platform/web_runner.cpp).
const framesBuilt = (page) => page.evaluate(() => window.granice.framesBuilt());

// Waits until the app has processed all input and drawn what it owed: granice.busy() false in an
// animation frame after the call (busy() counts input queued but not yet seen, and owed frames,
// so one calm frame is enough; waiting for a second cost ~17-60 ms per press).
// `quietMs` is a minimum wait, for slow starts.
async function settle(page, quietMs = 0, timeoutMs = 5000) {
  if (quietMs) await page.waitForTimeout(quietMs);
  await page.evaluate((limit) => new Promise((resolve) => {
    const start = performance.now();
    const check = () => {
      if (!window.granice.busy() || performance.now() - start > limit) resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }), timeoutMs);
}

async function find(page, role, name) {
  const nodes = await semantics(page);
  return nodes.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));
}

// Clicks the widget with real mouse events at the centre of its rect.
async function click(page, role, name) {
  const node = await find(page, role, name);
  if (!node) {
    const nodes = await semantics(page);
    throw new Error(`no ${role} named ${name} on screen; have: ` +
                    nodes.filter((n) => n.role !== 'text').map((n) => `${n.role}:${n.name}`).join(' | '));
  }
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.click(box.x + node.rect.x + node.rect.width / 2, box.y + node.rect.y + node.rect.height / 2);
  await settle(page);
  return node;
}

// The language packs the page (or the course's frame) fetched so far, in order: ["content-pl.pack", ...].
const packsFetched = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname.split('/').pop()).filter((p) => p.endsWith('.pack.lzma')));

// Every language pack requested from now on by the page and its frames (an LMS's SCO frame
// too), in the order asked: ["content-en.pack.lzma", ...]. Call before the page navigates.
function watchPacks(page) {
  const packs = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.endsWith('.pack.lzma')) packs.push(name);
  });
  return packs;
}

// `name` under build/screenshots: a PNG, a JPEG when it ends in .jpg, or a WebP when it ends in
// .webp (about 40 % lighter than a JPEG of these text-heavy screens at the same quality: the
// screenshots docs/design/ keeps).
// A WebP may be made from a PNG screenshot the caller already took (`png`), so a test that reads
// pixels of the screen does not shoot it twice.
async function screenshot(page, name, { quality = 70, png = null } = {}) {
  const file = path.join(SHOTS, /\.(jpg|webp)$/.test(name) ? name : name + '.png');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (name.endsWith('.webp')) fs.writeFileSync(file, await encodeImage(page, png || await page.screenshot(), 'image/webp', quality));
  else await page.screenshot(name.endsWith('.jpg') ? { path: file, quality } : { path: file });
  return file;
}

// An image (PNG or JPEG bytes) encoded again as `type` at `quality` (1..100) by the page's
// Chromium (Playwright's screenshots are PNG or JPEG only; no other image codec is installed).
async function encodeImage(page, bytes, type, quality) {
  const b64 = await page.evaluate(async ([data, t, q]) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))]));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    const out = new Uint8Array(await (await canvas.convertToBlob({ type: t, quality: q })).arrayBuffer());
    let text = '';
    for (let i = 0; i < out.length; i += 0x8000) text += String.fromCharCode(...out.subarray(i, i + 0x8000));
    return btoa(text);
  }, [bytes.toString('base64'), type, quality / 100]);
  return Buffer.from(b64, 'base64');
}

module.exports = { graniceCli, run, launch, openApp, siteUrl, semantics, frames, framesBuilt, settle, find, click, packsFetched, watchPacks, screenshot, encodeImage, SHOTS, SITE_TEST, DRIVER_QUERY, hasTestBuild, needTestBuild };
