#!/usr/bin/env node
// Copies a built site folder into another, leaving the named files of the destination alone
// (the test site keeps its own app.js / app.wasm.lzma, the course linked with the test driver).
//   node scripts/copy_site.js FROM TO [KEEP...]
'use strict';
const fs = require('fs');
const path = require('path');

const [from, to, ...keep] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: copy_site.js FROM TO [KEEP...]');
  process.exit(2);
}
fs.mkdirSync(to, { recursive: true });
for (const name of fs.readdirSync(from)) {
  if (keep.includes(name) || name.startsWith('.')) continue;
  const src = path.join(from, name);
  if (fs.statSync(src).isFile()) fs.copyFileSync(src, path.join(to, name));
}
