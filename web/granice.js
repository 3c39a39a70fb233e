// Page glue for the Granice module: checks the browser can run it, loads app.js, and
// publishes window.granice for tests and the accessibility layer. No inline script (CSP).
'use strict';

(function () {
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
  const granice = {
    ready: new Promise((resolve) => { resolveReady = resolve; }),
    frames() { return Module._granice_frames ? Module._granice_frames() : 0; },
    semantics() {
      if (!Module._granice_semantics) return [];
      return JSON.parse(Module.UTF8ToString(Module._granice_semantics())).nodes;
    },
    screen() {
      if (!Module._granice_semantics) return {};
      return JSON.parse(Module.UTF8ToString(Module._granice_semantics()));
    },
    activate(id) { Module.ccall('granice_activate', null, ['string'], [String(id)]); },
    _firstFrame() {
      statusBox.classList.add('hidden');
      resolveReady();
    },
    _semanticsChanged() {},
    errors: [],
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

  // Any input wakes the idle loop at once (it also polls, this only shortens the wait).
  for (const type of ['pointerdown', 'keydown', 'wheel', 'focus']) {
    canvas.addEventListener(type, () => Module._granice_wake && Module._granice_wake(), { passive: true });
  }
  window.addEventListener('resize', () => Module._granice_wake && Module._granice_wake());
  canvas.focus();

  const script = document.createElement('script');
  script.src = 'app.js';
  script.onerror = () => showError('Nie udało się wczytać plików kursu. Sprawdź połączenie i odśwież stronę.',
                                   'The course files could not be loaded. Check the connection and reload the page.');
  document.body.appendChild(script);
})();
