// Unpacks app.wasm.lzma and the language packs (content-<lang>.pack.lzma), written by
// scripts/lzma_file.js, with lzma.wasm, the LZMA decoder of src/transport/lzma_decode.cpp built
// alone (src/platform/lzma/): app.wasm travels at 82 % of its gzip size, and at a third of its raw
// size where an LMS serves .wasm without compression; a pack at 83 % of its gzip size.
//   graniceLzma.decode(decoderWasmBytes, packedBytes, name) -> Promise<Uint8Array>
//   graniceLzma.decodeInWorker(...): the same in a worker of its own (this file run again), off the
//     page's thread and beside another decode; on this thread when no worker can start.
// Rejects with Error(name + ' is damaged: ...') when the file cannot be decoded.
'use strict';

(function (root) {
  async function decode(decoderBytes, packed, name = 'app.wasm.lzma') {
    const { instance } = await WebAssembly.instantiate(decoderBytes, {});
    const w = instance.exports;
    if (w._initialize) w._initialize();
    const memory = w.memory;
    const fit = (bytes) => {
      const missing = bytes - memory.buffer.byteLength;
      if (missing > 0) memory.grow(Math.ceil(missing / 65536));
    };
    const text = (ptr) => {
      const b = new Uint8Array(memory.buffer);
      let end = ptr;
      while (b[end]) end++;
      return new TextDecoder().decode(b.subarray(ptr, end));
    };
    const base = w.heap_base();
    fit(base + packed.length);
    new Uint8Array(memory.buffer).set(packed, base);
    const size = w.decoded_size(base, packed.length);
    if (size < 0) throw new Error(name + ' is damaged: its header cannot be used');
    const out = base + packed.length;
    fit(out + size);
    const status = w.decode(base, packed.length, out, size);
    if (status !== 0) throw new Error(name + ' is damaged: ' + text(w.describe(status)));
    return new Uint8Array(memory.buffer, out, size);
  }

  // This file in a worker (decodeInWorker): decodes what the page sends and sends the bytes back.
  const inWorker = typeof document === 'undefined' && typeof importScripts === 'function';
  if (inWorker) {
    root.onmessage = (e) => {
      decode(e.data.decoder, e.data.packed, e.data.name).then((bytes) => {
        const copy = bytes.slice();   // out of the decoder's memory, handed over without another copy
        root.postMessage({ bytes: copy }, [copy.buffer]);
      }, (error) => root.postMessage({ error: String((error && error.message) || error || 'could not be decoded') }));
    };
  }
  const ownUrl = !inWorker && typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : '';
  function decodeInWorker(decoderBytes, packed, name) {
    const here = () => decode(decoderBytes, packed, name);
    if (!ownUrl || typeof Worker !== 'function') return here();
    return new Promise((resolve, reject) => {
      let worker;
      try {
        worker = new Worker(ownUrl);
      } catch (e) {   // workers not allowed here (a policy, a sandbox): decoded on this thread
        resolve(here());
        return;
      }
      worker.onmessage = (e) => {
        worker.terminate();
        if ('error' in e.data) reject(new Error(name + ': ' + e.data.error));
        else resolve(e.data.bytes);
      };
      worker.onerror = (e) => {   // the worker did not run: decoded on this thread
        if (e.preventDefault) e.preventDefault();
        worker.terminate();
        resolve(here());
      };
      worker.postMessage({ decoder: decoderBytes, packed, name });
    });
  }

  const api = { decode, decodeInWorker };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.graniceLzma = api;
})(typeof window !== 'undefined' ? window : typeof self !== 'undefined' ? self : this);
