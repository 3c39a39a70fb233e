#!/usr/bin/env node
// Writes the trainer page from the course page, so the two cannot drift apart (same CSP, same
// markup): the title says "trainer view" and granice.js is told to run trainer-app.
//   node scripts/trainer_page.js <web/index.html> <site/trainer.html>
'use strict';
const fs = require('fs');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: trainer_page.js <index.html> <trainer.html>');
  process.exit(2);
}
let html = fs.readFileSync(input, 'utf8');
const swap = (from, to) => {
  if (!html.includes(from)) {
    console.error(`${input}: no ${from} to make the trainer page from`);
    process.exit(1);
  }
  html = html.replace(from, to);
};
swap('<title>Granice</title>', '<title>Granice — widok trenera / trainer view</title>');
swap('<script src="granice.js"></script>', '<script src="granice.js" data-app="trainer-app"></script>');
fs.writeFileSync(output, html);
