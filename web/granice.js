// Page glue for the Granice module: checks the browser can run it, loads app.js, and
// publishes window.granice for tests and the accessibility layer. No inline script (CSP).
// The same glue serves the trainer page: trainer.html loads it with data-app="trainer-app", and
// then trainer-app.js / trainer-app.wasm.lzma (the course with the trainer view) run instead.
'use strict';

// The course language a learner's language tags name: one tag or a comma-separated list in order
// of preference (cmi5 §11.1), each "en-GB", "EN", "pl_PL" or SCORM's "{lang=en}..." form; the
// first whose primary subtag (case-insensitive) is one of the course's `languages` wins; "" when
// none is. The page's one copy of this job; its twin scorm::parse_language (src/core/lms) answers
// the same for the LMS values the core reads, and both are tested on tests/unit/language_tags.json.
function graniceCourseLanguage(tags, languages) {
  for (const part of String(tags || '').split(',')) {
    let tag = part.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');   // the ASCII spaces the core's trim takes
    if (tag.startsWith('{lang=')) tag = tag.includes('}') ? tag.slice(6, tag.indexOf('}')) : '';
    const primary = tag.split(/[-_]/)[0].replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (languages.includes(primary)) return primary;
  }
  return '';
}
if (typeof module === 'object' && module.exports) module.exports = { courseLanguage: graniceCourseLanguage };

(function () {
  if (typeof document === 'undefined') return;   // required by a Node test for the function above
  const appName = (document.currentScript && document.currentScript.dataset.app) || 'app';
  const trainerPage = appName === 'trainer-app';
  // Old links to the course page's trainer view (?view=trainer) go to the trainer page.
  if (!trainerPage && !window.graniceInline && new URLSearchParams(location.search).get('view') === 'trainer') {
    location.replace('trainer.html' + location.search);
    return;
  }
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const canvas = document.getElementById('canvas');

  function showError(pl, en) {
    statusBox.classList.remove('hidden');
    statusBox.classList.add('error');
    statusText.textContent = pl + ' / ' + en;
  }

  // [SECTION] Capability checks: say clearly what is missing instead of a blank page
  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }
  if (typeof WebAssembly !== 'object') {
    showError('Ta przeglądarka nie obsługuje WebAssembly. Otwórz kurs w aktualnej wersji Chrome, Edge, Firefox lub Safari.',
              'This browser does not support WebAssembly. Open the course in a current Chrome, Edge, Firefox or Safari.');
    return;
  }
  if (!hasWebGL2()) {
    showError('Ta przeglądarka nie obsługuje WebGL2 (albo jest on wyłączony). Włącz akcelerację sprzętową lub użyj innej przeglądarki.',
              'This browser does not support WebGL2 (or it is turned off). Turn on hardware acceleration or use another browser.');
    return;
  }

  // [SECTION] window.granice: the page-level API
  let resolveReady;
  let packsInFlight = 0;   // language packs asked for and not yet handed over (busy until then)
  const granice = {
    ready: new Promise((resolve) => { resolveReady = resolve; }),
    frames() { return Module._granice_frames ? Module._granice_frames() : 0; },   // drawn
    // Built, drawn or not (a frame that would look as the one on screen is not drawn).
    framesBuilt() { return Module._granice_frames_built ? Module._granice_frames_built() : 0; },
    busy() { return packsInFlight > 0 || (Module._granice_busy ? !!Module._granice_busy() : true); },
    semantics() {
      if (!Module._granice_semantics) return [];
      return JSON.parse(Module.UTF8ToString(Module._granice_semantics())).nodes;
    },
    screen() {
      if (!Module._granice_semantics) return {};
      return JSON.parse(Module.UTF8ToString(Module._granice_semantics()));
    },
    activate(id) { Module.ccall('granice_activate', null, ['string'], [String(id)]); },
    // Main-thread milliseconds of the last frames drawn (the app's own timer); reset empties it.
    frameTimes(reset) {
      return Module._granice_frame_times ? JSON.parse(Module.UTF8ToString(Module._granice_frame_times(reset ? 1 : 0))) : [];
    },
    // {memory, heap_top, heap_top_max, in_use} in bytes (wasm memory size, heap top and its
    // high-water mark, bytes malloc'd now).
    heap() { return Module._granice_heap ? JSON.parse(Module.UTF8ToString(Module._granice_heap())) : {}; },
    _firstFrame() {
      granice.startAt['first frame'] = performance.now();
      statusBox.classList.add('hidden');
      resolveReady();
    },
    _semanticsChanged() {},
    // Saves bytes as a file through a temporary link (no network involved).
    _download(name, mime, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    // Draws the certificate on a 2D canvas and downloads it as PNG. The layout (frames, text lines
    // already wrapped) comes from the app: the same one the certificate screen draws.
    _certificate(name, c) {
      const cv = document.createElement('canvas');
      cv.width = c.width; cv.height = c.height;
      const g = cv.getContext('2d');
      g.textAlign = 'center'; g.textBaseline = 'top';
      for (const i of c.items) {
        if (i.kind === 'frame') {
          if (i.line) { g.strokeStyle = i.color; g.lineWidth = i.line; g.strokeRect(i.x, i.y, i.w, i.h); }
          else { g.fillStyle = i.color; g.fillRect(i.x, i.y, i.w, i.h); }
        } else {
          g.fillStyle = i.color; g.font = (i.bold ? 'bold ' : '') + i.size + 'px "DejaVu Sans", sans-serif';
          g.fillText(i.text, i.x, i.y);
        }
      }
      cv.toBlob((blob) => blob && blob.arrayBuffer().then((buf) => granice._download(name, 'image/png', new Uint8Array(buf))), 'image/png');
    },
    errors: [],
    // Milliseconds per start-up phase (scripts/bench): the page's (wasm decode, compile and
    // instantiate, pack decode) and the app's (pack hash, unpack, content load, session start, font atlas).
    startPhases: {},
    // When (performance.now(), ms since the navigation) each step of the start was reached: what
    // the phases do not time (loading the scripts, waiting for the LMS) shows between them.
    startAt: {},
  };
  window.granice = granice;

  // [SECTION] Emscripten module configuration
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => {
      granice.errors.push(String(what));
      showError('Kurs przestał działać. Odśwież stronę — postęp jest zapisany.',
                'The course stopped working. Reload the page — your progress is saved.');
    },
    setStatus: () => {},
  };

  const reached = (step) => { granice.startAt[step] = performance.now(); };

  // [SECTION] app.wasm: fetched at once, in parallel with the scripts. It travels LZMA-compressed;
  // lzma.wasm (web/lzma.js) unpacks it and it is compiled as soon as it is here, while the scripts
  // still load (compiling needs no imports), so app.js only instantiates it. The single-file build
  // hands both over inline (window.graniceInlineBytes) and nothing is fetched.
  const loadFailed = () => showError('Nie udało się wczytać plików kursu. Sprawdź połączenie i odśwież stronę.',
                                     'The course files could not be loaded. Check the connection and reload the page.');
  const damaged = (e) => {
    granice.errors.push(String(e));
    showError('Pliki kursu są uszkodzone. Odśwież stronę; jeśli to się powtórzy, powiadom administratora kursu.',
              'The course files are damaged. Reload the page; if it happens again, tell the course administrator.');
  };
  const bytesOf = (name) => (window.graniceInlineBytes && window.graniceInlineBytes[name])
    ? Promise.resolve(window.graniceInlineBytes[name])
    : fetch(name).then((r) => {
      if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
      return r.arrayBuffer();
    }).then((b) => new Uint8Array(b));
  // The decoder (lzma.wasm, 3 KB) is kept: a language switch decodes another pack with it.
  const decoderBytes = bytesOf('lzma.wasm');
  const wasmParts = Promise.all([decoderBytes, bytesOf(appName + '.wasm.lzma')]);
  if (window.graniceInlineBytes) {   // the compressed bytes are not kept once decoded
    delete window.graniceInlineBytes[appName + '.wasm.lzma'];   // (the decoder and the packs stay: a switch reads them)
  }
  // web/lzma.js, which decodes the wasm and the packs: loaded first (it needs nothing else).
  const lzmaScript = new Promise((resolve, reject) => {
    const lzma = document.createElement('script');
    lzma.src = (window.graniceInline && window.graniceInline['lzma.js']) || 'lzma.js';
    lzma.async = false;
    lzma.onload = () => resolve(window.graniceLzma);
    lzma.onerror = () => reject(new Error('lzma.js could not be loaded'));
    document.body.appendChild(lzma);
  });
  lzmaScript.catch(() => {});   // reported by the pack or the wasm that needed it
  // {module} or what went wrong, told once app.js asks for the module: {unreachable} (not fetched)
  // or {damaged} (does not decode, or decodes to a module that does not compile).
  const wasmModule = wasmParts.then(async ([decoder, packed]) => {
    try {
      const lzma = await lzmaScript;
      const t0 = performance.now();
      const bytes = await lzma.decode(decoder, packed, appName + '.wasm.lzma');
      granice.wasmDecodeMs = granice.startPhases['wasm decode'] = performance.now() - t0;
      const t1 = performance.now();
      const module = await WebAssembly.compile(bytes);
      granice.startPhases['wasm compile'] = performance.now() - t1;
      reached('wasm compiled');
      return { module };
    } catch (e) {
      return { damaged: e };
    }
  }, (e) => ({ unreachable: e }));
  // [SECTION] The course's texts: one pack per language (content-<lang>.pack.lzma, listed in the page's
  // <meta name="granice-languages">), with the font glyphs its texts need. The page chooses the
  // learner's language (below) and fetches its pack beside the wasm; the app asks for another when
  // the learner switches. A pack that is missing, does not decode or is damaged (the app checks
  // its hash) makes the page try the next language.
  const packMeta = document.querySelector('meta[name="granice-languages"]');
  const languages = packMeta ? packMeta.content.split(/\s+/).filter(Boolean) : [];
  const defaultLanguage = (packMeta && packMeta.dataset.default) || languages[0] || '';
  const savedLanguage = () => {
    try { return (JSON.parse(localStorage.getItem('granice:settings') || 'null') || {}).lang; } catch (e) { return null; }
  };
  // The page's one rule (docs/lms.md, "The course's language"), which the app takes as it is
  // (granice.language): ?lang=, then the learner's saved choice, then the browser's languages,
  // then the course default. In an LMS its preference (SCORM learner_preference.language, cmi5's
  // languagePreference: `lmsPreference`, read before the first pack) comes right after ?lang=:
  // the saved choice is this browser's, kept for every learner who uses it, the LMS's is the learner's.
  const chooseLanguage = (lmsPreference) => {
    const browser = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]).join(',');
    const sources = [['url', new URLSearchParams(location.search).get('lang')], ['lms', lmsPreference],
                     ['saved', savedLanguage()], ['browser', browser]];
    for (const [source, tags] of sources) {
      const lang = graniceCourseLanguage(tags, languages);
      if (lang) return { lang, source };
    }
    return { lang: defaultLanguage, source: 'default' };
  };
  const packs = {};   // lang -> promise of {bytes, ms, decodeMs} or {error}, fetched once
  const fetchPack = (lang) => packs[lang] || (packs[lang] = (() => {
    const t0 = performance.now();
    const name = 'content-' + lang + '.pack.lzma';
    return Promise.all([bytesOf(name), decoderBytes, lzmaScript]).then(async ([packed, decoder, lzma]) => {
      const ms = performance.now() - t0;
      const t1 = performance.now();
      const bytes = await lzma.decodeInWorker(decoder, packed, name);   // off this thread: the wasm decodes and the app starts here meanwhile
      const decodeMs = performance.now() - t1;
      if (!granice.startPhases['pack decode']) granice.startPhases['pack decode'] = decodeMs;
      return { bytes, ms, decodeMs };
    }).catch((error) => ({ error }));
  })());
  // The first language, once chosen: its pack is fetched at once. granice.language and
  // granice.languageSource ('url', 'lms', 'saved', 'browser' or 'default') say what was chosen and why.
  let chosen = null;
  let resolveFirstLanguage;
  const firstLanguage = new Promise((resolve) => { resolveFirstLanguage = resolve; });
  const chooseFirstLanguage = (lmsPreference) => {
    if (chosen) return;
    chosen = chooseLanguage(lmsPreference);
    granice.language = chosen.lang;
    granice.languageSource = chosen.source;
    if (chosen.lang) fetchPack(chosen.lang);
    resolveFirstLanguage(chosen.lang);
  };
  // Hands a pack to the app (granice_language_pack): true when it took it.
  const deliver = (lang, r) => {
    const size = r.bytes ? r.bytes.length : -1;
    const ptr = size > 0 ? Module._malloc(size) : 0;
    if (ptr) Module.HEAPU8.set(r.bytes, ptr);   // read HEAPU8 after malloc: memory may have grown
    const taken = Module.ccall('granice_language_pack', 'number', ['string', 'number', 'number'], [lang, ptr, size]) === 1;
    if (ptr) Module._free(ptr);
    if (Module._granice_wake) Module._granice_wake();
    if (r.error) granice.errors.push(String(r.error));
    return taken;
  };
  granice.languages = languages;
  // {lang, bytes (decoded), fetchMs, decodeMs, totalMs, taken}: what each pack cost (tests, scripts/bench)
  granice.packLoads = [];
  const record = (lang, r, t0, taken) => granice.packLoads.push({
    lang, bytes: r.bytes ? r.bytes.length : 0, fetchMs: r.ms || 0, decodeMs: r.decodeMs || 0, totalMs: performance.now() - t0, taken });
  // The app is ready for its first pack: the chosen language's, else the default, else any other.
  granice._packsWanted = async () => {
    packsInFlight++;
    for (const lang of [...new Set([await firstLanguage, defaultLanguage, ...languages])].filter(Boolean)) {
      const t0 = performance.now();
      const r = await fetchPack(lang);
      const taken = deliver(lang, r);
      record(lang, r, t0, taken);
      if (taken) {
        reached('course loaded');
        packsInFlight--;
        return;
      }
    }
    packsInFlight--;
    damaged(new Error('no language pack could be loaded: ' + languages.join(', ')));
  };
  // A switch (or the LMS's preferred language): fetched if need be and handed over.
  granice._fetchPack = async (lang) => {
    packsInFlight++;
    const t0 = performance.now();
    const r = await fetchPack(lang);
    if (r.error) delete packs[lang];   // a later switch tries again
    record(lang, r, t0, deliver(lang, r));
    packsInFlight--;
  };

  // app.js asks for the module; main() runs once it is instantiated, and not before the LMS
  // scripts are ready (lmsReady, below) and the first language is chosen (the app takes it). A file
  // that does not decode, or a module that does not compile or link, is damaged (or from another
  // build than app.js): both say so.
  let lmsReady = Promise.resolve();
  window.Module.instantiateWasm = (imports, receiveInstance) => {
    reached('app.js');
    Promise.all([wasmModule, lmsReady, firstLanguage]).then(([r]) => {
      if (r.unreachable) {
        granice.errors.push(String(r.unreachable));
        loadFailed();
        return;
      }
      if (r.damaged) throw r.damaged;
      const t0 = performance.now();
      return WebAssembly.instantiate(r.module, imports).then((instance) => {
        granice.startPhases['wasm instantiate'] = performance.now() - t0;
        reached('main');
        receiveInstance(instance, r.module);
      });
    }).catch(damaged);
    return {};   // asynchronous: Emscripten waits for receiveInstance
  };

  // Any input wakes the idle loop at once (it also polls, this only shortens the wait).
  for (const type of ['pointerdown', 'keydown', 'wheel', 'focus']) {
    canvas.addEventListener(type, () => Module._granice_wake && Module._granice_wake(), { passive: true });
  }

  // [SECTION] Touch: one finger drags the page (a flick goes on with momentum), a tap is a click,
  // two fingers pinch the text size (crisp and reflowed, where a zoomed canvas would blur and need
  // panning sideways). Pointer events of touch only: the mouse and pens reach SDL as before, and
  // SDL makes no mouse events from fingers (src/platform/web_runner.cpp).
  const TAP_SLOP = 10;       // CSS px a finger may move and still tap
  const FLICK = 150;         // CSS px per second: slower than this, the page stops with the finger
  const call = (name, ...args) => window.Module && Module[name] ? Module[name](...args) : 0;
  const fingers = new Map(); // pointerId -> {x, y} (CSS px in the canvas)
  let drag = null;           // the one finger: {id, x0, y0, y, moved, samples: [[time, y]]}
  let pinch = null;          // {d0, ratio}
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const spread = () => {
    const [a, b] = [...fingers.values()];
    return Math.max(1, Math.hypot(a.x - b.x, a.y - b.y));
  };
  canvas.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'touch') return;
    if (e.isPrimary) {                   // the first finger down: nothing else can still be on the page
      fingers.clear();
      pinch = null;
    }
    const p = at(e);
    fingers.set(e.pointerId, p);
    if (fingers.size === 1) {
      drag = { id: e.pointerId, x0: p.x, y0: p.y, y: p.y, moved: false, samples: [[e.timeStamp, p.y]] };
      // A finger on the page stops a flick; a finger that stopped one is not also a tap.
      drag.stoppedFlick = call('_granice_touch_fling', 0) === 1;
    } else if (fingers.size === 2) {
      drag = null;                       // two fingers: neither a drag nor a tap
      pinch = { d0: spread(), ratio: 1 };
      call('_granice_pinch', 1, 0);
    }
  });
  canvas.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'touch' || !fingers.has(e.pointerId)) return;
    const p = at(e);
    fingers.set(e.pointerId, p);
    if (pinch) {
      if (fingers.size >= 2) call('_granice_pinch', pinch.ratio = spread() / pinch.d0, 1);
      return;
    }
    if (!drag || drag.id !== e.pointerId) return;
    if (!drag.moved && Math.hypot(p.x - drag.x0, p.y - drag.y0) <= TAP_SLOP) return;
    drag.moved = true;
    call('_granice_touch_scroll', drag.y - p.y);   // the page follows the finger
    drag.y = p.y;
    drag.samples.push([e.timeStamp, p.y]);
    while (drag.samples.length > 2 && e.timeStamp - drag.samples[0][0] > 100) drag.samples.shift();
  });
  const lift = (e) => {
    if (e.pointerType !== 'touch' || !fingers.has(e.pointerId)) return;
    fingers.delete(e.pointerId);
    if (pinch) {
      if (fingers.size < 2) {
        call('_granice_pinch', pinch.ratio, 2);
        pinch = null;
      }
      return;
    }
    if (!drag || drag.id !== e.pointerId) return;
    const d = drag;
    drag = null;
    if (e.type === 'pointercancel') return;
    if (!d.moved) {
      if (!d.stoppedFlick) call('_granice_tap', d.x0, d.y0);
      return;
    }
    // A flick: the finger's speed over its last 100 ms, if it was still moving when it lifted.
    const [t0, y0] = d.samples[0];
    const [t1, y1] = d.samples[d.samples.length - 1];
    const v = t1 > t0 && e.timeStamp - t1 < 50 ? (y0 - y1) / ((t1 - t0) / 1000) : 0;
    if (Math.abs(v) >= FLICK) call('_granice_touch_fling', v);
  };
  canvas.addEventListener('pointerup', lift);
  canvas.addEventListener('pointercancel', lift);

  // Focus rings only after keys (:focus-visible): a click or a tap turns them off.
  // (A phone's on-screen keyboard sends keydown too, as key "Unidentified" / code 229: not a key
  // press that moves focus, so it does not turn the rings on.)
  // The page follows too: the outline of the heading a new screen focuses (style.css) shows only
  // after keys. (Chromium keeps :focus-visible on focus moved by script after a click on the
  // canvas, which takes no focus itself.)
  const root = document.documentElement.classList;
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Unidentified' && e.keyCode !== 229) { call('_granice_input_modality', 1); root.remove('pointer-input'); }
  }, true);
  window.addEventListener('pointerdown', () => { call('_granice_input_modality', 0); root.add('pointer-input'); }, true);
  // A touch screen (pointer: coarse) gets thumb-sized targets; a tablet with a keyboard dock may switch.
  if (window.matchMedia) {
    const coarse = window.matchMedia('(pointer: coarse)');
    const tell = () => call('_granice_coarse_pointer', coarse.matches ? 1 : 0);
    if (coarse.addEventListener) coarse.addEventListener('change', tell);
  }
  window.addEventListener('resize', () => Module._granice_resized && Module._granice_resized());
  canvas.focus();

  // The single-file build (scripts/package --single-file) hands the scripts over inline, as blob
  // URLs in window.graniceInline; the served build loads them from beside this file.
  const src = (name) => (window.graniceInline && window.graniceInline[name]) || name;

  if (trainerPage) {
    // web/trainer.js: the trainer view's file picker and drag and drop onto the page. No
    // scorm.js: the trainer page never talks to an LMS (it may be opened from inside one) and
    // keeps nothing; the course runs there in memory only.
    const trainer = document.createElement('script');
    trainer.src = src('trainer.js');
    document.body.appendChild(trainer);
    chooseFirstLanguage('');
  } else {
    // Files dragged onto the course page (records, meant for the trainer page): the browser would
    // open them in place and leave the course (inside an LMS, ending its session). Refuse them.
    const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
    for (const type of ['dragover', 'drop']) {
      window.addEventListener(type, (e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'none';
      });
    }
    // web/scorm.js (LMS discovery + local storage) must have run before the course starts, and
    // web/cmi5.js must have read a cmi5 launch (its token and documents come asynchronously):
    // main() waits for lmsReady, the first pack for the LMS's language (chooseWithLms). Every
    // script is fetched at once and they run in order (async = false).
    lmsReady = new Promise((resolve) => {
      addScript('scorm.js', null, null);   // without it the app still runs (standalone, in-memory)
      addScript('cmi5.js', () => {
        chooseWithLms();
        Promise.resolve(window.graniceCmi5 && window.graniceCmi5.ready).then(resolve, resolve);
      }, () => {   // then the course runs standalone (a cmi5 launch is told in the log)
        chooseWithLms();
        resolve();
      });
    }).then(() => reached('LMS ready'));
  }
  addScript('a11y.js', null, null);   // the accessible DOM layer (web/a11y.js)
  addScript(appName + '.js', null, loadFailed);

  // The LMS's language preference, known before the first pack is chosen: cmi5's when the URL
  // carries a cmi5 launch (the app then talks cmi5: platform/persistence_select.cpp), else the
  // SCORM API's (web/scorm.js starts the session now); '' standalone.
  function chooseWithLms() {
    const c = window.graniceCmi5;
    if (c && (c.launch || c.error)) Promise.resolve(c.languagePreference).then(chooseFirstLanguage, () => chooseFirstLanguage(''));
    else chooseFirstLanguage(window.graniceScorm ? window.graniceScorm.start() : '');
  }

  // One of the page's scripts, fetched now and run in insertion order (blob: URLs load at once).
  function addScript(name, onload, onerror) {
    const script = document.createElement('script');
    script.src = src(name);
    script.async = false;
    if (onload) script.onload = onload;
    if (onerror) script.onerror = onerror;
    document.body.appendChild(script);
  }
})();
