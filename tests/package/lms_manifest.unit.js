// The cmi5 course structure of the package (scripts/lms_manifest.js, written by scripts/package):
// its values for the shipped course in every language, the schema check, and the refusal of an
// invalid one, by the manifest writer and by scripts/package itself. Plain Node, run by ctest:
//   node tests/package/lms_manifest.unit.js
'use strict';
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const M = require('../../scripts/lms_manifest.js');

const ROOT = path.resolve(__dirname, '../..');
const XSD = process.env.GRANICE_CMI5_XSD || path.resolve(ROOT, '../shared/cmi5/CourseStructure.xsd');
const COURSE_FILE = path.join(ROOT, 'quizzes/course.json');
const course = M.readCourse(COURSE_FILE);   // its languages as codes

const { test, report } = require('../node_unit.js');

// What an LMS reads: XPath over the namespaced document (local names, no namespace set-up needed).
function xpath(xml, expr) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-xp-'));
  try {
    fs.writeFileSync(path.join(dir, 'cmi5.xml'), xml);
    return execFileSync('xmllint', ['--xpath', expr, path.join(dir, 'cmi5.xml')], { encoding: 'utf8' }).replace(/\n$/, '');  // xmllint adds one
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const el = (...names) => names.map((n) => `/*[local-name()='${n}']`).join('');
const langstring = (xml, parent, kind, lang) =>
  xpath(xml, `string(${parent}${el(kind)}/*[local-name()='langstring'][@lang='${lang}'])`);
const count = (xml, expr) => Number(xpath(xml, `count(${expr})`));

function packageDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-pkg-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  return dir;
}
// The CLI as scripts/package runs it: exit code, stdout, stderr.
function cli(version, courseFile, env = {}) {
  const dir = packageDir();
  const r = spawnSync('node', [path.join(ROOT, 'scripts/lms_manifest.js'), version, courseFile, dir],
                      { encoding: 'utf8', env: { ...process.env, GRANICE_CMI5_XSD: XSD, ...env } });
  fs.rmSync(dir, { recursive: true, force: true });
  return r;
}
function courseCopy(edit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-course-'));
  const c = JSON.parse(JSON.stringify(course));
  edit(c);
  fs.writeFileSync(path.join(dir, 'course.json'), JSON.stringify(c));
  return path.join(dir, 'course.json');
}

const COURSE = el('courseStructure', 'course');
const AU = el('courseStructure', 'au');

// [SECTION] The shipped course
test('cmi5.xml: one course, one AU, the course rules, titles and descriptions in every language; it validates', () => {
  const r = cli('cmi5', COURSE_FILE);
  assert.equal(r.status, 0, r.stderr);
  const xml = r.stdout;
  assert.equal(M.checkCmi5(xml, XSD), null);
  assert.equal(count(xml, el('courseStructure', 'course')), 1);
  assert.equal(count(xml, AU), 1);
  assert.equal(count(xml, el('courseStructure', 'block')), 0);
  assert.equal(xpath(xml, `string(${COURSE}/@id)`), `urn:granice:course:${course.id}`);
  assert.equal(xpath(xml, `string(${AU}/@id)`), `urn:granice:course:${course.id}/au/main`);
  assert.equal(course.completion.assessment_required, true);
  assert.equal(xpath(xml, `string(${AU}/@moveOn)`), 'CompletedAndPassed');
  assert.equal(Number(xpath(xml, `string(${AU}/@masteryScore)`)), course.pass_mark / 100);
  assert.equal(xpath(xml, `string(${AU}/@launchMethod)`), 'AnyWindow');
  assert.equal(xpath(xml, `string(${AU}${el('url')})`), 'index.html');
  assert.ok(course.languages.length >= 2);
  for (const parent of [COURSE, AU]) {
    for (const kind of ['title', 'description']) {
      assert.equal(count(xml, `${parent}${el(kind)}/*[local-name()='langstring']`), course.languages.length);
      for (const lang of course.languages) assert.equal(langstring(xml, parent, kind, lang), course[kind][lang], `${kind} ${lang}`);
    }
  }
});

test('cmi5.xml: the IRIs follow --course-id and stay the same from one package to the next', () => {
  const a = cli('cmi5', COURSE_FILE, { GRANICE_ID: 'acme.granice-2027' });
  const b = cli('cmi5', COURSE_FILE, { GRANICE_ID: 'acme.granice-2027', GRANICE_VER: '9.9.9' });
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  assert.equal(xpath(a.stdout, `string(${COURSE}/@id)`), 'urn:granice:course:acme.granice-2027');
  assert.equal(xpath(a.stdout, `string(${AU}/@id)`), 'urn:granice:course:acme.granice-2027/au/main');
  const bad = cli('cmi5', COURSE_FILE, { GRANICE_ID: 'acme granice' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /course id "acme granice" must be \[A-Za-z0-9_.-\]/);
});

test('cmi5.xml: without a required assessment moveOn is Completed; the mastery score is the pass mark', () => {
  const file = courseCopy((c) => {
    c.completion.assessment_required = false;
    c.pass_mark = 75;
  });
  const r = cli('cmi5', file);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(xpath(r.stdout, `string(${AU}/@moveOn)`), 'Completed');
  assert.equal(xpath(r.stdout, `string(${AU}/@masteryScore)`), '0.75');
  assert.equal(M.checkCmi5(r.stdout, XSD), null);
});

test('cmi5.xml: --lang with one language gives its langstrings only and launches the AU in it', () => {
  const r = cli('cmi5', COURSE_FILE, { GRANICE_LANGS: 'en' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(count(r.stdout, `${COURSE}${el('title')}/*[local-name()='langstring']`), 1);
  assert.equal(langstring(r.stdout, AU, 'title', 'en'), course.title.en);
  assert.equal(xpath(r.stdout, `string(${AU}${el('url')})`), 'index.html?lang=en');
  assert.match(cli('cmi5', COURSE_FILE, { GRANICE_LANGS: 'de' }).stderr, /--lang de: the course has pl, en/);
});

// [SECTION] Refusals
test('checkCmi5: a broken course structure is refused with the schema\'s reason', () => {
  const good = cli('cmi5', COURSE_FILE).stdout;
  const badMoveOn = good.replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"');
  assert.match(M.checkCmi5(badMoveOn, XSD), /moveOn.*Whenever/s);
  const noDescription = good.replace(/<description>[\s\S]*?<\/description>/, '');
  assert.match(M.checkCmi5(noDescription, XSD), /title|description/);
  const overMastery = good.replace(/masteryScore="[^"]*"/, 'masteryScore="80"');
  assert.match(M.checkCmi5(overMastery, XSD), /masteryScore/);
  assert.throws(() => M.checkCmi5(good, '/nonexistent/CourseStructure.xsd'), /cmi5 schema .* is missing/);
});

test('the manifest writer refuses a course whose cmi5.xml would not validate, and prints nothing', () => {
  // "pl_PL" is no xs:language (RFC 5646 uses "-"): the langstring's lang attribute fails the schema.
  const file = courseCopy((c) => {
    c.languages = ['pl_PL', 'en'];
    c.title.pl_PL = c.title.pl;
    c.description.pl_PL = c.description.pl;
  });
  const r = cli('cmi5', file);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /cmi5\.xml does not validate against .*CourseStructure\.xsd/);
  assert.match(r.stderr, /pl_PL/);
  // The same course without the schema check (SCORM manifests are not schema-checked here) still writes.
  assert.equal(cli('12', file).status, 0);
});

test('scripts/package writes granice-cmi5.zip with cmi5.xml at the root, and refuses an invalid one', () => {
  const granice = path.join(ROOT, 'build/native/granice');
  if (!fs.existsSync(granice)) throw new Error(`${granice} is missing: build the native preset first (scripts/build native)`);
  // A site folder with the files scripts/package requires (their contents do not matter here).
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-site-'));
  for (const f of ['index.html', 'granice.js', 'scorm.js', 'cmi5.js', 'lzma.js', 'lzma.wasm', 'app.js', 'app.wasm.lzma',
                   'trainer.html', 'trainer.js', 'trainer-app.js', 'trainer-app.wasm.lzma'])
    fs.writeFileSync(path.join(site, f), f);
  // The languages the page names, and each one's pack (scripts/package checks they are all there).
  fs.writeFileSync(path.join(site, 'index.html'), '<meta name="granice-languages" content="pl en" data-default="pl">');
  for (const l of ['pl', 'en']) fs.writeFileSync(path.join(site, `content-${l}.pack.lzma`), l);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-dist-'));
  const pkg = (env) => spawnSync(path.join(ROOT, 'scripts/package'), ['--site', site, '--out', out],
                                 { encoding: 'utf8', env: { ...process.env, GRANICE_CMI5_XSD: XSD, ...env } });
  const r = pkg({});
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const zips = r.stdout.split('\n').filter((l) => l.endsWith('.zip'));
  assert.deepEqual(zips.map((z) => path.basename(z)), ['granice-scorm12.zip', 'granice-scorm2004.zip', 'granice-cmi5.zip']);
  const zip = path.join(out, 'granice-cmi5.zip');
  const list = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
  assert.ok(list.includes('cmi5.xml') && list.includes('index.html'), list.join(' '));
  assert.ok(!list.includes('imsmanifest.xml'));
  const xml = execFileSync('unzip', ['-p', zip, 'cmi5.xml'], { encoding: 'utf8' });
  assert.equal(M.checkCmi5(xml, XSD), null);

  // A schema that allows no mastery score above 0.5 stands in for an invalid cmi5.xml: refused, no zip.
  const strict = path.join(out, 'strict.xsd');
  fs.writeFileSync(strict, fs.readFileSync(XSD, 'utf8').replace(
    /(<xs:attribute name="masteryScore"[\s\S]*?<xs:maxInclusive value=")1(")/, '$10.5$2'));
  fs.rmSync(zip);
  const refused = pkg({ GRANICE_CMI5_XSD: strict });
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /cmi5\.xml does not validate against .*strict\.xsd/);
  assert.match(refused.stderr, /FAILED at step: package: SCORM 1.2 and 2004, cmi5/);
  assert.ok(!fs.existsSync(zip), 'no cmi5 zip written');
  // Without the schema (a checkout without the shared reference data) the package is still made,
  // and the note says cmi5.xml was not checked.
  const missing = pkg({ GRANICE_CMI5_XSD: path.join(out, 'nope.xsd') });
  assert.equal(missing.status, 0, missing.stderr);
  assert.match(missing.stderr, /cmi5\.xml not checked: no schema at .*nope\.xsd/);
  assert.ok(fs.existsSync(zip), 'the cmi5 zip is written');
  fs.rmSync(site, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

report('lms_manifest.unit');
