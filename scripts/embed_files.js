#!/usr/bin/env node
// Build step for the web app (called by src/platform/CMakeLists.txt):
//
//   node scripts/embed_files.js pack <out dir> <content dir>
//       Writes one language pack per course language (content-<lang>.pack: every content file
//       minified, JSON whitespace stripped, with that language's texts only, then the fonts those
//       texts need: DejaVu Sans and Bold subset to its glyphs, and their list; `granice lint
//       quizzes/` reports positions in the originals; src/transport/text_pack.h), and what each
//       unpacks to (<name>.<lang>.min, for the tests).
//   node scripts/embed_files.js embed <out.cpp> <content dir> <packs dir>
//       Writes a C++ source with the hash of each pack, which the app checks before using one, so
//       the app needs neither app.data nor Emscripten's file system, and carries no course text or font.
//   node scripts/embed_files.js site <site dir> <content dir> <packs dir> <lzma.wasm> <page.html>...
//       Puts the packs beside the page LZMA-compressed (content-<lang>.pack.lzma, decoded there by
//       web/lzma.js) and fills in the pages' <meta name="granice-languages">.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { compressLzma } = require('./lzma_file.js');

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

// Refuses a minified file in which one object names a field twice: JSON parsers keep the last one
// silently, and the app reads a pack it checked without looking for them (ContentSource::checked_pack).
function refuseDuplicateKeys(name, json) {
  const open = [];   // per open object its keys, per open array null
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '{') open.push(new Set());
    else if (c === '[') open.push(null);
    else if (c === '}' || c === ']') open.pop();
    else if (c === '"') {
      let end = i + 1;
      while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const keys = open[open.length - 1];
      if (keys && json[end + 1] === ':') {
        const key = JSON.parse(json.slice(i, end + 1));
        if (keys.has(key)) throw new Error(`${name}: field "${key}" appears twice in one object (granice lint shows where)`);
        keys.add(key);
      }
      i = end;
    }
  }
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

// [SECTION] Fonts: each pack carries the glyphs its own texts need
// Every pack, whatever its language: printable ASCII, the typography the screens draw (bullets,
// dashes, quotes) and the Polish letters, so a learner's typed name in Polish shows in any language.
const BASE_GLYPHS = 'ĄĆĘŁŃÓŚŹŻąćęłńóśźż…–—‘’“”„«»·•';
// A pack whose texts are written in one of these scripts also carries that script's whole basic
// alphabet, so a learner's typed name in their own script shows (a Ukrainian pack: all of
// Cyrillic's basic letters, not only those its texts happen to use).
const SCRIPT_LETTERS = [
  { name: 'Cyrillic', uses: [0x0400, 0x04ff], letters: [[0x0400, 0x045f], [0x0490, 0x0491]] },
  { name: 'Greek', uses: [0x0370, 0x03ff], letters: [[0x0386, 0x038f], [0x0391, 0x03ce]] },
];
const FONTS = [
  { name: 'fonts/body.ttf', file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
  { name: 'fonts/bold.ttf', file: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
];

function collectStrings(value, out) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); collectStrings(v, out); }
}

// The values of the `lang` members: the texts written in that language.
function languageTexts(value, lang, out) {
  if (Array.isArray(value)) value.forEach((v) => languageTexts(v, lang, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === lang && typeof v === 'string') out.push(v);
      else languageTexts(v, lang, out);
    }
  }
}

// The code points one pack's fonts hold: the base set, every character of its files' strings
// (its language's texts and interface strings, and the other languages' names for the switcher),
// and the alphabets of the scripts its own texts are written in. ImGui 1.86 holds only the Basic
// Multilingual Plane; a character beyond it is refused here.
function packGlyphs(files, lang) {
  const cps = new Set();
  for (let c = 0x20; c <= 0x7e; c++) cps.add(c);
  for (const ch of BASE_GLYPHS) cps.add(ch.codePointAt(0));
  const own = [];
  for (const f of files) {
    const json = JSON.parse(f.json);
    const strings = [];
    collectStrings(json, strings);
    for (const s of strings) {
      for (const ch of s) {
        const c = ch.codePointAt(0);
        if (c < 0x20) continue;
        if (c > 0xffff) throw new Error(`${f.name}: U+${c.toString(16).toUpperCase()} is beyond what the app's fonts can hold (U+FFFF)`);
        cps.add(c);
      }
    }
    languageTexts(json, lang, own);
  }
  const ownCps = new Set(own.flatMap((s) => [...s].map((ch) => ch.codePointAt(0))));
  for (const script of SCRIPT_LETTERS) {
    if (![...ownCps].some((c) => c >= script.uses[0] && c <= script.uses[1])) continue;
    for (const [from, to] of script.letters) for (let c = from; c <= to; c++) cps.add(c);
  }
  return [...cps].sort((a, b) => a - b);
}

// "20-7E,D3,104-107": sorted code points as hex ranges (theme::GlyphRanges reads it).
function glyphRanges(cps) {
  const parts = [];
  for (let i = 0; i < cps.length;) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
    const hex = (c) => c.toString(16).toUpperCase();
    parts.push(i === j ? hex(cps[i]) : hex(cps[i]) + '-' + hex(cps[j]));
    i = j + 1;
  }
  return parts.join(',');
}

// `font` subset to `cps` by fonttools' pyftsubset (Debian's python3 runs it; no hinting, no layout
// tables: ImGui reads none of them).
function subsetFont(font, cps) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-glyphs-'));
  try {
    const list = path.join(tmp, 'glyphs.txt');
    const out = path.join(tmp, 'subset.ttf');
    fs.writeFileSync(list, cps.map((c) => 'U+' + c.toString(16).toUpperCase().padStart(4, '0')).join('\n') + '\n');
    execFileSync('/usr/bin/pyftsubset', [font, '--unicodes-file=' + list, '--layout-features=', '--no-hinting', '--desubroutinize',
      '--drop-tables+=FFTM,GDEF,GPOS,GSUB,kern', '--name-IDs=', '--name-languages=', '--obfuscate-names', '--output-file=' + out],
    { stdio: ['ignore', 'ignore', 'inherit'] });
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// The binary files after a pack's texts (src/transport/text_pack.h): '\x04' name '\x02' size '\x02' bytes.
function packBinaries(binaries) {
  return Buffer.concat(binaries.flatMap(({ name, bytes }) => [Buffer.from(`\x04${name}\x02${bytes.length}\x02`, 'utf8'), bytes]));
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
// files with that language's texts only, then the fonts those texts need (src/transport/text_pack.h);
// `hash` is the pack's, which the app checks before unpacking (a cut, altered or stale pack is a
// clear load error).
function languagePacks(dir) {
  const files = contentFiles(dir).map((f) => ({ name: 'quizzes/' + f, json: minifyJson(fs.readFileSync(path.join(dir, f), 'utf8')) }));
  for (const f of files) refuseDuplicateKeys(f.name, f.json);
  const langs = courseLanguages(dir);
  return langs.map((lang) => {
    const drop = new Set(langs.filter((l) => l !== lang));
    const own = files.map((f) => ({ name: f.name, json: dropLanguages(f.json, drop) }));
    const cps = packGlyphs(own, lang);
    const binaries = [...FONTS.map((f) => ({ name: f.name, bytes: subsetFont(f.file, cps) })),
      { name: 'fonts/glyphs', bytes: Buffer.from(glyphRanges(cps), 'utf8') }];
    const bytes = Buffer.concat([Buffer.from(packContent(own, [lang]), 'utf8'), packBinaries(binaries)]);
    return { lang, file: packFileName(lang), files: own, bytes, hash: fnv1a64(bytes) };
  });
}

const packFileName = (lang) => `content-${lang}.pack`;

// Every language's pack (content-<lang>.pack) and what its texts unpack to (<name>.<lang>.min, for the tests).
function packFiles(outDir, dir) {
  for (const p of languagePacks(dir)) {
    for (const f of p.files) writeFile(path.join(outDir, path.basename(f.name) + '.' + p.lang + '.min'), f.json);
    fs.writeFileSync(path.join(outDir, p.file), p.bytes);
  }
}

// The packs `pack` wrote for the course's languages, in course order.
function builtPacks(dir, packsDir) {
  return courseLanguages(dir).map((lang) => ({ lang, bytes: fs.readFileSync(path.join(packsDir, packFileName(lang))) }));
}

// The hash of each pack `pack` wrote, {lang: hex}, as the app checks it (without making the packs again).
const packHashes = (dir, packsDir) => Object.fromEntries(builtPacks(dir, packsDir).map((p) => [p.lang, fnv1a64(p.bytes)]));

// The site's packs, LZMA-compressed (content-<lang>.pack.lzma: 17 % smaller than gzip -9 of the
// pack; web/granice.js decodes it with lzma.wasm, as app.wasm.lzma), and the page told which
// languages there are: <meta name="granice-languages"> in index.html and trainer.html (the page
// picks one and fetches its pack before the app runs).
async function sitePacks(siteDir, dir, packsDir, decoder, pages) {
  const packs = builtPacks(dir, packsDir);
  for (const p of packs) {
    fs.writeFileSync(path.join(siteDir, packFileName(p.lang) + '.lzma'), await compressLzma(p.bytes, decoder, 'text'));
    fs.rmSync(path.join(siteDir, packFileName(p.lang)), { force: true });   // left by older builds
  }
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

function embed(outFile, dir, packsDir) {
  const h = originalHash(dir);
  const hashes = Object.entries(packHashes(dir, packsDir)).map(([lang, hash]) => lang + '=' + hash).join('\n');
  writeFile(outFile, '// Generated by scripts/embed_files.js: do not edit.\n#include "platform/embedded.h"\n\n' +
            'namespace granice::platform {\n\n' +
            `const char* const kContentLoadOrder = ${JSON.stringify(h.order.join('\n'))};\n` +
            `const char* const kContentHashOriginal = "${h.hex}";\n` +
            `const char* const kPackHashes = ${JSON.stringify(hashes)};\n\n}  // namespace granice::platform\n`);
}

function writeFile(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

module.exports = { minifyJson, originalHash, packContent, languageCodes, dropLanguages, languagePacks, packHashes, packFileName, packGlyphs, glyphRanges };

if (require.main === module) {
  const [mode, out, dir, ...rest] = process.argv.slice(2);
  const fail = (e) => {
    console.error(`embed_files.js ${mode}: ${e.message}`);
    process.exit(1);
  };
  try {
    if (mode === 'embed') embed(out, dir, rest[0]);
    else if (mode === 'pack') packFiles(out, dir);
    else if (mode === 'site') sitePacks(out, dir, rest[0], rest[1], rest.slice(2)).catch(fail);
    else {
      console.error('usage: embed_files.js pack|embed|site <out> <content dir> ...');
      process.exit(2);
    }
  } catch (e) {
    fail(e);
  }
}
