// Unpacks app.wasm.lzma and the language packs (content-<lang>.pack.lzma), written by
// scripts/lzma_file.js, with lzma.wasm, the LZMA decoder of src/transport/lzma_decode.cpp built
// alone (src/platform/lzma/): app.wasm travels at 82 % of its gzip size, and at a third of its raw
// size where an LMS serves .wasm without compression; a pack at 83 % of its gzip size.
//   graniceLzma.decode(decoderWasmBytes, packedBytes, name) -> Promise<Uint8Array>
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

  const api = { decode };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.graniceLzma = api;
})(typeof window !== 'undefined' ? window : this);
