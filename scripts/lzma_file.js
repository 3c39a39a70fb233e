#!/usr/bin/env node
// Compresses app.wasm for the web page (decoded there by web/lzma.js with lzma.wasm):
//   node scripts/lzma_file.js <in> <out> <lzma.wasm>
// xz writes the "lzma alone" format with an unknown size and an end marker; the size goes into
// the header here so the decoder allocates the output once. The result is decoded again with the
// page's own decoder and compared before it is written: a build never ships a file it cannot read.
'use strict';
const fs = require('fs');
const { execFileSync } = require('child_process');
const { decode } = require('../web/lzma.js');

const [input, output, decoder] = process.argv.slice(2);
if (!input || !output || !decoder) {
  console.error('usage: lzma_file.js <in> <out> <lzma.wasm>');
  process.exit(2);
}
const raw = fs.readFileSync(input);
// lc=4,pb=0: wasm is byte-oriented (no 4-byte alignment to model); measured 0.4 % smaller than 9e.
const packed = execFileSync('xz', ['--format=lzma', '--lzma1=preset=9e,lc=4,pb=0', '--stdout'], { input: raw, maxBuffer: 1 << 30 });
packed.writeBigUInt64LE(BigInt(raw.length), 5);
decode(fs.readFileSync(decoder), packed).then((back) => {
  if (Buffer.compare(Buffer.from(back.buffer, back.byteOffset, back.length), raw) !== 0) {
    console.error(`${output}: decoding the compressed file does not give ${input} back`);
    process.exit(1);
  }
  fs.writeFileSync(output, packed);
}, (e) => {
  console.error(`${output}: ${e.message}`);
  process.exit(1);
});
