#!/usr/bin/env node
// Compresses a file for the web page (decoded there by web/lzma.js with lzma.wasm):
//   node scripts/lzma_file.js <in> <out> <lzma.wasm>       (app.wasm -> app.wasm.lzma)
// and, for scripts/embed_files.js, compressLzma(bytes, decoderPath, kind) -> Promise<Buffer>
// (the language packs). xz writes the "lzma alone" format with an unknown size and an end marker;
// the size goes into the header here so the decoder allocates the output once. The result is
// decoded again with the page's own decoder and compared before it is returned: a build never
// ships a file it cannot read.
'use strict';
const fs = require('fs');
const { execFileSync } = require('child_process');
const { decode } = require('../web/lzma.js');

// xz's LZMA1 settings per kind of file, measured on ours: wasm is byte-oriented (no 4-byte
// alignment to model: lc=4,pb=0 is 0.4 % smaller than 9e); for a pack (UTF-8 text, then fonts) 9e
// with pb=0 was the smallest.
const SETTINGS = { wasm: 'preset=9e,lc=4,pb=0', text: 'preset=9e,pb=0' };

async function compressLzma(raw, decoderPath, kind = 'wasm') {
  const packed = execFileSync('xz', ['--format=lzma', '--lzma1=' + SETTINGS[kind], '--stdout'], { input: raw, maxBuffer: 1 << 30 });
  packed.writeBigUInt64LE(BigInt(raw.length), 5);
  const back = await decode(fs.readFileSync(decoderPath), packed);
  if (Buffer.compare(Buffer.from(back.buffer, back.byteOffset, back.length), raw) !== 0)
    throw new Error('decoding the compressed bytes does not give them back');
  return packed;
}

module.exports = { compressLzma };

if (require.main === module) {
  const [input, output, decoder] = process.argv.slice(2);
  if (!input || !output || !decoder) {
    console.error('usage: lzma_file.js <in> <out> <lzma.wasm>');
    process.exit(2);
  }
  compressLzma(fs.readFileSync(input), decoder).then((packed) => fs.writeFileSync(output, packed), (e) => {
    console.error(`${output}: ${e.message}`);
    process.exit(1);
  });
}
