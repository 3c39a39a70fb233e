#!/usr/bin/env node
// Build step for the web app (called by src/platform/CMakeLists.txt):
//
//   node scripts/embed_files.js glyphs <out.txt> <content dir> <source files...>
//       Every code point the shipped content and the UI strings use, plus printable ASCII and the
//       Polish letters (learners type their names), one "U+XXXX" per line for pyftsubset.
//   node scripts/embed_files.js embed <out.cpp> <content dir> <name=file>...
//       Writes a C++ source that holds the fonts and the hash of each language pack, so the app
//       needs neither app.data nor Emscripten's file system, and carries no course text.
//   node scripts/embed_files.js site <site dir> <content dir> <page.html>...
//       Writes one language pack per course language (content-<lang>.pack: every content file
//       minified, JSON whitespace stripped, with that language's texts only; `granice lint
//       quizzes/` reports positions in the originals; src/transport/text_pack.h) and fills in
//       the pages' <meta name="granice-languages">.
//   node scripts/embed_files.js pack <out dir> <content dir>
//       Writes the packs and what each unpacks to (<name>.<lang>.min), for the tests.
'use strict';
const fs = require('fs');
const path = require('path');

// Removes whitespace outside strings; every other byte is kept as it is (numbers, escapes,
// key order and duplicate keys stay exactly what the author wrote, so the loader sees the same).
function minifyJson(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] || '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      out += c;
    }
  }
  return out;
}

// The shipped form of the minified content files (src/transport/text_pack.h): each string value of a
// language key moves to its language's stream (one per language for all files, so text in one
// language sits together) and leaves "" behind.
function packContent(files, languages) {
  const streams = new Map(languages.map((l) => [l, []]));
  let out = '';
  for (const { name, json } of files) {
    out += name + '\x02';
    let pending = null;  // the stream of the language key just read, until its value
    for (let i = 0; i < json.length;) {
      const c = json[i];
      if (c !== '"') {
        if (c !== ':' && !/\s/.test(c)) pending = null;
        out += c;
        i++;
        continue;
      }
      let end = i + 1;
      while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      end++;
      const token = json.slice(i, end);
      i = end;
      if (pending) {
        pending.push(token.slice(1, -1));
        out += '""';
        pending = null;
        continue;
      }
      out += token;
      let j = i;
      while (j < json.length && /\s/.test(json[j])) j++;
      if (json[j] === ':' && streams.has(token.slice(1, -1))) pending = streams.get(token.slice(1, -1));
    }
    out += '\x03';
  }
  for (const [lang, texts] of streams) out += '\0' + lang + texts.map((t) => '\x01' + t).join('');
  return out;
}

// A minified file with the members of the `drop` language keys removed ({"pl":"a","en":"b"} ->
// {"pl":"a"} when dropping "en"): what a language pack carries. Every other byte stays.
function dropLanguages(json, drop) {
  const stringEnd = (at) => {
    let end = at + 1;
    while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
    return end + 1;
  };
  let out = '';
  for (let i = 0; i < json.length;) {
    if (json[i] !== '"') {
      out += json[i++];
      continue;
    }
    const end = stringEnd(i);
    const token = json.slice(i, end);
    if (json[end] === ':' && json[end + 1] === '"' && drop.has(token.slice(1, -1))) {
      const valueEnd = stringEnd(end + 1);
      if (out.endsWith(',')) {            // "x":1,"en":"b"  -> "x":1
        out = out.slice(0, -1);
        i = valueEnd;
      } else {                            // {"en":"b","pl":"a"} -> {"pl":"a"}
        i = json[valueEnd] === ',' ? valueEnd + 1 : valueEnd;
      }
      continue;
    }
    out += token;
    i = end;
  }
  return out;
}

// FNV-1a 64 of a string's UTF-8 bytes, as 16 hex digits (core/content/content_hash.h).
function fnv1a64(bytes) {
  let h = 14695981039346656037n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 1099511628211n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

function contentFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
}

function collectStrings(value, out) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); collectStrings(v, out); }
}

function glyphs(outFile, dir, sources) {
  const cps = new Set();
  for (let c = 0x20; c <= 0x7e; c++) cps.add(c);
  for (const ch of 'ĄĆĘŁŃÓŚŹŻąćęłńóśźż…–—‘’“”„«»·•') cps.add(ch.codePointAt(0));
  const add = (s) => { for (const ch of s) { const c = ch.codePointAt(0); if (c >= 0x20) cps.add(c); } };
  for (const f of contentFiles(dir)) {
    const strings = [];
    collectStrings(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), strings);
    strings.forEach(add);
  }
  for (const s of sources) add(fs.readFileSync(s, 'utf8'));   // UI strings are UTF-8 literals in the sources
  const list = [...cps].sort((a, b) => a - b).map((c) => 'U+' + c.toString(16).toUpperCase().padStart(4, '0'));
  writeFile(outFile, list.join('\n') + '\n');
}

function cArray(bytes) {
  const parts = [];
  for (let i = 0; i < bytes.length; i += 32) {
    parts.push(Array.from(bytes.subarray(i, i + 32), (b) => String(b)).join(','));
  }
  return parts.join(',\n');
}

// FNV-1a 64 of the original files in the loader's order (course.json, modules, assessment,
// resources, interface): what `granice stats quizzes/` reports, so records made by the web app name the
// content exactly as the CLI does even though the shipped copy is minified.
function originalHash(dir) {
  const course = JSON.parse(fs.readFileSync(path.join(dir, 'course.json'), 'utf8'));
  const order = ['course.json', ...(course.modules || []), course.assessment, course.resources, course.interface]
    .filter((f) => typeof f === 'string');
  const parts = [];
  for (const f of order) {
    const p = path.join(dir, f);
    if (!fs.existsSync(p)) return { order: [], hex: '' };
    parts.push(fs.readFileSync(p));
  }
  return { order: order.map((f) => 'quizzes/' + f), hex: fnv1a64(Buffer.concat(parts)) };
}

// The codes of course.json's "languages": each "pl" or {"code": "pl", "name": "Polski"}.
function languageCodes(course) {
  return (Array.isArray(course.languages) ? course.languages : []).map((l) => (typeof l === 'string' ? l : l && l.code) || '');
}

function courseLanguages(dir) {
  try {
    const langs = languageCodes(JSON.parse(fs.readFileSync(path.join(dir, 'course.json'), 'utf8')));
    if (langs.every((l) => typeof l === 'string' && l.length > 0)) return langs;
  } catch (e) { /* the loader reports a broken course.json; ship it unpacked */ }
  return [];
}

// The content as shipped: every file minified, then one pack per course language holding the
// files with that language's texts only (src/transport/text_pack.h); `hash` is the pack's, which
// the app checks before unpacking (a cut, altered or stale pack is a clear load error).
function languagePacks(dir) {
  const files = contentFiles(dir).map((f) => ({ name: 'quizzes/' + f, json: minifyJson(fs.readFileSync(path.join(dir, f), 'utf8')) }));
  const langs = courseLanguages(dir);
  return langs.map((lang) => {
    const drop = new Set(langs.filter((l) => l !== lang));
    const own = files.map((f) => ({ name: f.name, json: dropLanguages(f.json, drop) }));
    const bytes = Buffer.from(packContent(own, [lang]), 'utf8');
    return { lang, file: packFileName(lang), files: own, bytes, hash: fnv1a64(bytes) };
  });
}

const packFileName = (lang) => `content-${lang}.pack`;

// For tests: every language's pack (content-<lang>.pack) and what it unpacks to (<name>.<lang>.min).
function packFiles(outDir, dir) {
  for (const p of languagePacks(dir)) {
    for (const f of p.files) writeFile(path.join(outDir, path.basename(f.name) + '.' + p.lang + '.min'), f.json);
    fs.writeFileSync(path.join(outDir, p.file), p.bytes);
  }
}

// The site's packs, and the page told which languages there are: <meta name="granice-languages">
// in index.html and trainer.html (the page picks one and fetches its pack before the app runs).
function sitePacks(siteDir, dir, pages) {
  const packs = languagePacks(dir);
  for (const p of packs) fs.writeFileSync(path.join(siteDir, p.file), p.bytes);
  let def = packs.length ? packs[0].lang : '';
  try {
    const course = JSON.parse(fs.readFileSync(path.join(dir, 'course.json'), 'utf8'));
    if (typeof course.default_language === 'string') def = course.default_language;
  } catch (e) { /* the app reports a broken course.json */ }
  const meta = `<meta name="granice-languages" content="${packs.map((p) => p.lang).join(' ')}" data-default="${def}">`;
  for (const page of pages) {
    const file = path.join(siteDir, page);
    const html = fs.readFileSync(file, 'utf8').replace(/<meta name="granice-languages"[^>]*>/, meta);
    if (!html.includes(meta)) throw new Error(`${file}: no <meta name="granice-languages"> to fill in`);
    fs.writeFileSync(file, html);
  }
}

function embed(outFile, dir, pairs) {
  const files = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    files.push({ name: p.slice(0, eq), bytes: fs.readFileSync(p.slice(eq + 1)) });
  }
  let src = '// Generated by scripts/embed_files.js: do not edit.\n#include "platform/embedded.h"\n\n' +
            'namespace granice::platform {\nnamespace {\n';
  files.forEach((f, i) => {
    src += `// ${f.name} (${f.bytes.length} bytes)\nconst unsigned char k${i}[] = {\n${cArray(f.bytes)}${f.bytes.length ? ',' : ''}0};\n`;
  });
  src += '}  // namespace\n\nconst EmbeddedFile kEmbeddedFiles[] = {\n';
  files.forEach((f, i) => { src += `  {"${f.name}", k${i}, ${f.bytes.length}u},\n`; });
  const h = originalHash(dir);
  const hashes = languagePacks(dir).map((p) => p.lang + '=' + p.hash).join('\n');
  src += '};\nconst unsigned kEmbeddedCount = ' + files.length + 'u;\n' +
         `const char* const kContentLoadOrder = ${JSON.stringify(h.order.join('\n'))};\n` +
         `const char* const kContentHashOriginal = "${h.hex}";\n` +
         `const char* const kPackHashes = ${JSON.stringify(hashes)};\n\n}  // namespace granice::platform\n`;
  writeFile(outFile, src);
}

function writeFile(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

module.exports = { minifyJson, originalHash, packContent, languageCodes, dropLanguages, languagePacks, packFileName };

if (require.main === module) {
  const [mode, out, dir, ...rest] = process.argv.slice(2);
  if (mode === 'glyphs') glyphs(out, dir, rest);
  else if (mode === 'embed') embed(out, dir, rest);
  else if (mode === 'pack') packFiles(out, dir);
  else if (mode === 'site') sitePacks(out, dir, rest);
  else {
    console.error('usage: embed_files.js glyphs|embed|pack|site <out> <content dir> ...');
    process.exit(2);
  }
}
