#!/usr/bin/env node
// Minifies the page's scripts into the site folder (terser from npm: local names mangled, dead
// code dropped; global names and every property kept, so the files still find each other):
//   node scripts/minify_js.js <out dir> <file.js>...
// The readable sources stay in web/ (and Emscripten's app.js in build/<preset>/app/).
'use strict';
const fs = require('fs');
const path = require('path');
const { minify } = require('terser');

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  console.error('usage: minify_js.js <out dir> <file.js>...');
  process.exit(2);
}
(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    const result = await minify(source, {
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,               // local names only: top-level names are globals in a classic script
      format: { comments: 'some' },  // keeps /*! ... */ and @license comments
    });
    fs.writeFileSync(path.join(outDir, path.basename(file)), result.code);
  }
})().catch((e) => {
  console.error(`minify_js.js: ${e.message}${e.filename ? ` (${e.filename}:${e.line}:${e.col})` : ''}`);
  process.exit(1);
});
