// The trainer view's browser side: a hidden file input (the picker) and drag and drop onto the
// page. Files are read here as bytes and handed to the app (granice_trainer_add_file), which
// parses them as JSON data only; nothing is uploaded, run or inserted into the page as HTML.
'use strict';

(function () {
  const granice = window.granice;
  if (!granice) return;
  // The app refuses records over 8 MB and statement exports over 256 MB; never copy more than this.
  const MAX_BYTES = 256 * 1024 * 1024 + 1;

  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = '.json,application/json';
  input.id = 'granice-trainer-files';
  input.hidden = true;
  input.tabIndex = -1;
  input.setAttribute('aria-hidden', 'true');
  document.body.appendChild(input);

  function wake() { if (window.Module && Module._granice_wake) Module._granice_wake(); }

  function pass(name, bytes) {
    const nameBytes = new TextEncoder().encode(String(name) + '\0');
    const np = Module._malloc(nameBytes.length);
    const dp = Module._malloc(Math.max(1, bytes.length));
    try {
      Module.HEAPU8.set(nameBytes, np);   // read HEAPU8 after malloc: memory may have grown
      Module.HEAPU8.set(bytes, dp);
      Module._granice_trainer_add_file(np, dp, bytes.length);
    } finally {
      Module._free(np);
      Module._free(dp);
    }
  }

  async function addFiles(files) {
    await granice.ready;
    for (const file of files) {
      let bytes;
      try {
        bytes = new Uint8Array(await file.slice(0, MAX_BYTES).arrayBuffer());
      } catch (e) {
        bytes = new Uint8Array(0);  // a folder or an unreadable file: listed as "not valid JSON"
      }
      pass(file.name, bytes);
    }
    wake();
  }

  function pick() {
    input.value = '';
    input.click();
  }

  input.addEventListener('change', () => {
    const files = Array.from(input.files || []);
    input.value = '';
    if (files.length) addFiles(files);
  });

  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    addFiles(Array.from(e.dataTransfer.files || []));
  });

  // This script runs on the trainer page only (trainer.html): it opens in the trainer view.
  granice.ready.then(wake);

  granice.trainer = { pick, addFiles };
})();
