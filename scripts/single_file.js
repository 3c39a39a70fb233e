#!/usr/bin/env node
// Writes one self-contained HTML file from a built site folder (scripts/package --single-file):
//   node scripts/single_file.js <site dir> <out.html>
// The page, the stylesheet, every script, lzma.wasm, app.wasm.lzma and every language pack
// (content-<lang>.pack.lzma, named in the page's <meta name="granice-languages">, each with its
// fonts) go inline. Nothing is fetched: it runs from file:// by
// double-click, in standalone mode (progress in the browser's local storage).
//
// How: a bootstrap <script> turns each script's text into a blob: URL (window.graniceInline,
// read by web/granice.js) and hands the decoder and the compressed wasm over as
// window.graniceInlineBytes, which web/granice.js uses instead of fetching them.
// CSP: a file cannot load 'self' scripts, so this page needs 'unsafe-inline' (the bootstrap),
// blob: (the scripts) and 'wasm-unsafe-eval'; connect-src stays 'none' (no network at all).
'use strict';
const fs = require('fs');
const path = require('path');

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: single_file.js <site dir> <out.html>');
  process.exit(2);
}
const read = (f) => fs.readFileSync(path.join(site, f));
const js = (text) => JSON.stringify(text).replace(/<\//g, '<\\/').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const CSP = "default-src 'none'; script-src 'unsafe-inline' blob: 'wasm-unsafe-eval'; style-src 'unsafe-inline'; " +
            "img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

let html = read('index.html').toString('utf8');
const scripts = ['scorm.js', 'cmi5.js', 'lzma.js', 'a11y.js', 'app.js'];   // the course only: no trainer page here
const bytes = (f) => `${js(f)}:u(${js(read(f).toString('base64'))})`;
const languages = ((html.match(/<meta name="granice-languages" content="([^"]*)"/) || [])[1] || '').split(/\s+/).filter(Boolean);
if (!languages.length) throw new Error('index.html: no languages in <meta name="granice-languages">');
const packs = languages.map((l) => bytes(`content-${l}.pack.lzma`)).join(',');
let boot = '"use strict";window.graniceInlineBytes=(function(){function u(b){var s=atob(b),a=new Uint8Array(s.length);' +
           'for(var i=0;i<s.length;i++)a[i]=s.charCodeAt(i);return a;}\nreturn{' + bytes('lzma.wasm') + ',' + bytes('app.wasm.lzma') + ',' + packs +
           '};})();\nwindow.graniceInline={};\n' +
           'function graniceBlob(n,t){window.graniceInline[n]=URL.createObjectURL(new Blob([t],{type:"text/javascript"}));}\n';
for (const f of scripts) boot += `graniceBlob(${js(f)},${js(read(f).toString('utf8'))});\n`;

html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/s, `<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
if (!html.includes(CSP)) throw new Error('index.html: no CSP meta to replace');
const css = read('style.css').toString('utf8').replace(/<\//g, '<\\/');
html = html.replace(/<link rel="stylesheet" href="style.css">/, () => `<style>\n${css}</style>`);
const granice = read('granice.js').toString('utf8').replace(/<\/script/gi, '<\\/script');
html = html.replace(/<script src="granice.js"><\/script>/, () => `<script>\n${boot}</script>\n<script>\n${granice}</script>`);
if (/<script src=|<link rel="stylesheet"/.test(html)) throw new Error('index.html still refers to a file');
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
fs.writeFileSync(out, html);
console.log(`${out}: ${(html.length / 1024).toFixed(0)} KB`);
