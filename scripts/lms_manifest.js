// The LMS package manifests, from the course content (scripts/package writes them into the zips):
//   node lms_manifest.js <12|2004> <course.json> <package dir>   imsmanifest.xml (SCORM 1.2 / 2004) on stdout
//   node lms_manifest.js cmi5 <course.json> <package dir>        cmi5.xml (cmi5 course structure) on stdout
// Title, description and pass mark come from course.json. SCORM: every file in the package folder is
// listed in the one SCO resource. cmi5 (cmi5_spec.md 13-14): one course, one AU launched by a relative
// URL; with GRANICE_CMI5_XSD naming CourseStructure.xsd, the XML is checked with xmllint first and
// refused (exit 1, xmllint's message) when it does not validate.
// Env: GRANICE_LANGS, GRANICE_ID, GRANICE_VER, GRANICE_INTERACTIONS, GRANICE_EXIT, GRANICE_CMI5_XSD.
// Also a module for the tests: course -> manifest functions, and checkCmi5 (the schema check).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { languageCodes } = require('./embed_files.js');

// A problem with the course or the options: the CLI prints "<course.json>: <message>" and exits 1.
class ManifestError extends Error {}
const need = (cond, what) => { if (!cond) throw new ManifestError(what); };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// [SECTION] Course and options
function readCourse(courseFile) {
  let course;
  try {
    course = JSON.parse(fs.readFileSync(courseFile, 'utf8'));
  } catch (e) {
    throw new ManifestError(e.message);
  }
  need(typeof course.id === 'string' && course.id, '"id" missing');
  need(Array.isArray(course.languages) && course.languages.length, '"languages" missing');
  course.languages = languageCodes(course);   // "pl" or {"code": "pl", "name": "Polski"}
  need(course.languages.every(Boolean), '"languages" holds an entry without a code');
  need(course.title && typeof course.title === 'object', '"title" missing');
  return course;
}

// What every manifest takes from the course and the package options (env of scripts/package).
function packageOptions(course, env = process.env) {
  const langs = (env.GRANICE_LANGS || course.languages.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const l of langs) need(course.languages.includes(l), `--lang ${l}: the course has ${course.languages.join(', ')}`);
  const id = env.GRANICE_ID || course.id;
  need(/^[A-Za-z0-9_.-]+$/.test(id), `course id "${id}" must be [A-Za-z0-9_.-]`);
  const detail = env.GRANICE_INTERACTIONS || 'final';
  const exitWhenDone = env.GRANICE_EXIT || 'suspend';
  need(['final', 'all'].includes(detail), `--lms-interactions ${detail}: final or all`);
  need(['suspend', 'normal'].includes(exitWhenDone), `--lms-exit ${exitWhenDone}: suspend or normal`);
  return {
    langs,
    id,
    ver: env.GRANICE_VER || course.version || '1.0.0',
    passMark: Number.isFinite(course.pass_mark) ? Math.min(100, Math.max(0, course.pass_mark)) : 80,
    assessmentRequired: !(course.completion && course.completion.assessment_required === false),
    detail,
    exitWhenDone,
  };
}

const text = (course, obj, l) => (obj && (obj[l] || obj[course.default_language || course.languages[0]])) || '';
// A pass mark in percent as a decimal 0..1 ("0.8", "0.755"): SCORM 2004 minNormalizedMeasure, cmi5 masteryScore.
const passDecimal = (passMark) => String(Math.round(passMark * 100) / 10000);
// The launch page with the language when the package has only one (SCORM and cmi5 alike).
function launchQuery(opts) {
  const query = new URLSearchParams();
  if (opts.langs.length === 1) query.set('lang', opts.langs[0]);
  return query;
}

// [SECTION] SCORM 1.2 / 2004 imsmanifest.xml
function packageFiles(dir) {
  const files = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.') || e.name === 'imsmanifest.xml' || e.name === 'cmi5.xml') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  })(dir);
  need(files.includes('index.html'), 'the package has no index.html');
  return files;
}

function scormManifest(version, course, opts, files) {
  const { langs, id, ver, passMark, assessmentRequired } = opts;
  const title = text(course, course.title, langs[0]);
  // The SCO's launch URL carries the package's choices for the runtime (docs/lms.md):
  // lms-interactions=all, lms-exit=normal, and lms-objective when the course id was overridden.
  const query = launchQuery(opts);
  if (opts.detail === 'all') query.set('lms-interactions', 'all');
  if (opts.exitWhenDone === 'normal') query.set('lms-exit', 'normal');
  if (version === '2004' && id !== course.id) query.set('lms-objective', id + '_passed');
  const href = 'index.html' + (query.toString() ? '?' + query.toString() : '');
  const fileList = files.map((f) => `      <file href="${esc(f)}"/>`).join('\n');
  const langStrings = (obj, ind) => langs.map((l) => `${ind}<langstring xml:lang="${esc(l)}">${esc(text(course, obj, l))}</langstring>`).join('\n');
  const lomStrings = (obj, ind) => langs.map((l) => `${ind}<string language="${esc(l)}">${esc(text(course, obj, l))}</string>`).join('\n');

  if (version === '12') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(id)}" version="${esc(ver)}"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title>
${langStrings(course.title, '          ').replace(/<langstring/g, '<imsmd:langstring').replace(/<\/langstring>/g, '</imsmd:langstring>')}
        </imsmd:title>
        <imsmd:description>
${langStrings(course.description, '          ').replace(/<langstring/g, '<imsmd:langstring').replace(/<\/langstring>/g, '</imsmd:langstring>')}
        </imsmd:description>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="org_${esc(id)}">
    <organization identifier="org_${esc(id)}">
      <title>${esc(title)}</title>
      <item identifier="item_${esc(id)}" identifierref="res_${esc(id)}" isvisible="true">
        <title>${esc(title)}</title>
        <adlcp:masteryscore>${passMark}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_${esc(id)}" type="webcontent" adlcp:scormtype="sco" href="${esc(href)}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
  }
  const measure = passDecimal(passMark);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(id)}" version="${esc(ver)}"
          xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
          xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
          xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
          xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
          xmlns:lom="http://ltsc.ieee.org/xsd/LOM"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd http://ltsc.ieee.org/xsd/LOM lom.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <lom:lom>
      <lom:general>
        <lom:title>
${lomStrings(course.title, '          ').replace(/<string/g, '<lom:string').replace(/<\/string>/g, '</lom:string>')}
        </lom:title>
        <lom:description>
${lomStrings(course.description, '          ').replace(/<string/g, '<lom:string').replace(/<\/string>/g, '</lom:string>')}
        </lom:description>
      </lom:general>
    </lom:lom>
  </metadata>
  <organizations default="org_${esc(id)}">
    <organization identifier="org_${esc(id)}">
      <title>${esc(title)}</title>
      <item identifier="item_${esc(id)}" identifierref="res_${esc(id)}" isvisible="true">
        <title>${esc(title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${esc(id)}_passed" satisfiedByMeasure="${assessmentRequired}">
              <imsss:minNormalizedMeasure>${measure}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_${esc(id)}" type="webcontent" adlcp:scormType="sco" href="${esc(href)}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}

// [SECTION] cmi5 course structure (cmi5.xml)
// Stable IRIs from the course id (13.1.1, 13.1.4: globally unique, defined by the publisher): the
// same id gives the same IRIs in every package version, so an LMS matches a re-upload to its course.
const courseIri = (id) => `urn:granice:course:${id}`;
const auIri = (id) => `${courseIri(id)}/au/main`;
// moveOn (13.1.4) from the course rules: with the assessment required, the course is done when it is
// completed and the assessment passed; without it, completion is what counts.
const moveOn = (opts) => (opts.assessmentRequired ? 'CompletedAndPassed' : 'Completed');

function cmi5Xml(course, opts) {
  const { langs, id, passMark } = opts;
  const langStrings = (obj, ind) => langs.map((l) => `${ind}<langstring lang="${esc(l)}">${esc(text(course, obj, l))}</langstring>`).join('\n');
  const query = launchQuery(opts);
  const url = 'index.html' + (query.toString() ? '?' + query.toString() : '');
  // masteryScore: the pass mark as a decimal (13.1.4; the LMS hands it to the AU, 10.2.4).
  // launchMethod AnyWindow: the course runs in a frame, a new window or a redirect alike.
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${esc(courseIri(id))}">
    <title>
${langStrings(course.title, '      ')}
    </title>
    <description>
${langStrings(course.description, '      ')}
    </description>
  </course>
  <au id="${esc(auIri(id))}" moveOn="${moveOn(opts)}" masteryScore="${passDecimal(passMark)}" launchMethod="AnyWindow">
    <title>
${langStrings(course.title, '      ')}
    </title>
    <description>
${langStrings(course.description, '      ')}
    </description>
    <url>${esc(url)}</url>
  </au>
</courseStructure>
`;
}

// null when `xml` validates against the cmi5 schema, else xmllint's complaint.
function checkCmi5(xml, xsd) {
  need(fs.existsSync(xsd), `the cmi5 schema ${xsd} is missing (scripts/package reads it from ../shared/cmi5/)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-cmi5-'));
  try {
    const file = path.join(dir, 'cmi5.xml');
    fs.writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { encoding: 'utf8' });
    need(!r.error, 'xmllint is not installed (apt-get install libxml2-utils; scripts/setup installs it)');
    if (r.status === 0) return null;
    return r.stderr.split('\n').filter((l) => l && !/ validates$/.test(l)).map((l) => l.replace(file, 'cmi5.xml')).join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// [SECTION] Command line
function main(argv) {
  const [version, courseFile, dir] = argv;
  if (!['12', '2004', 'cmi5'].includes(version) || !courseFile || !dir) {
    console.error('usage: node lms_manifest.js <12|2004|cmi5> <course.json> <package dir>');
    return 2;
  }
  try {
    const course = readCourse(courseFile);
    const opts = packageOptions(course);
    if (version !== 'cmi5') {
      process.stdout.write(scormManifest(version, course, opts, packageFiles(dir)));
      return 0;
    }
    packageFiles(dir);  // the AU's url names index.html: it must be there
    const xml = cmi5Xml(course, opts);
    const xsd = process.env.GRANICE_CMI5_XSD;
    if (xsd) {
      const problem = checkCmi5(xml, xsd);
      if (problem) {
        console.error(`cmi5.xml does not validate against ${xsd}:\n${problem}`);
        return 1;
      }
    }
    process.stdout.write(xml);
    return 0;
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    console.error(`${courseFile}: ${e.message}`);
    return 1;
  }
}

module.exports = { ManifestError, readCourse, packageOptions, scormManifest, cmi5Xml, courseIri, auIri, checkCmi5, passDecimal };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
