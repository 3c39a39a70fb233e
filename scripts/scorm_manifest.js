// Writes imsmanifest.xml for scripts/package: node scorm_manifest.js <12|2004> <course.json> <package dir>
// Title, description and pass mark come from the course content; every file in the package
// folder is listed in the one SCO resource. Env: GRANICE_LANGS, GRANICE_ID, GRANICE_VER.
'use strict';
const fs = require('fs');
const path = require('path');

const [version, courseFile, dir] = process.argv.slice(2);
if (!['12', '2004'].includes(version) || !courseFile || !dir) {
  console.error('usage: node scorm_manifest.js <12|2004> <course.json> <package dir>');
  process.exit(2);
}
let course;
try {
  course = JSON.parse(fs.readFileSync(courseFile, 'utf8'));
} catch (e) {
  console.error(`${courseFile}: ${e.message}`);
  process.exit(1);
}
const need = (cond, what) => { if (!cond) { console.error(`${courseFile}: ${what}`); process.exit(1); } };
need(typeof course.id === 'string' && course.id, '"id" missing');
need(Array.isArray(course.languages) && course.languages.length, '"languages" missing');
need(course.title && typeof course.title === 'object', '"title" missing');

const langs = (process.env.GRANICE_LANGS || course.languages.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
for (const l of langs) need(course.languages.includes(l), `--lang ${l}: the course has ${course.languages.join(', ')}`);
const id = process.env.GRANICE_ID || course.id;
const ver = process.env.GRANICE_VER || course.version || '1.0.0';
need(/^[A-Za-z0-9_.-]+$/.test(id), `course id "${id}" must be [A-Za-z0-9_.-]`);
const passMark = Number.isFinite(course.pass_mark) ? Math.min(100, Math.max(0, course.pass_mark)) : 80;
const assessmentRequired = !(course.completion && course.completion.assessment_required === false);

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const text = (obj, l) => (obj && (obj[l] || obj[course.languages[0]])) || '';
const title = text(course.title, langs[0]);

const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'imsmanifest.xml') continue;
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else files.push(path.relative(dir, p).split(path.sep).join('/'));
  }
})(dir);
need(files.includes('index.html'), 'the package has no index.html');
// The SCO's launch URL carries the package's choices for the runtime (docs/lms.md):
// lms-interactions=all, lms-exit=normal, and lms-objective when the course id was overridden.
const query = new URLSearchParams();
if (langs.length === 1) query.set('lang', langs[0]);
const detail = process.env.GRANICE_INTERACTIONS || 'final';
const exitWhenDone = process.env.GRANICE_EXIT || 'suspend';
need(['final', 'all'].includes(detail), `--lms-interactions ${detail}: final or all`);
need(['suspend', 'normal'].includes(exitWhenDone), `--lms-exit ${exitWhenDone}: suspend or normal`);
if (detail === 'all') query.set('lms-interactions', 'all');
if (exitWhenDone === 'normal') query.set('lms-exit', 'normal');
if (version === '2004' && id !== course.id) query.set('lms-objective', id + '_passed');
const href = 'index.html' + (query.toString() ? '?' + query.toString() : '');
const fileList = files.map((f) => `      <file href="${esc(f)}"/>`).join('\n');
const langStrings = (obj, ind) => langs.map((l) => `${ind}<langstring xml:lang="${esc(l)}">${esc(text(obj, l))}</langstring>`).join('\n');
const lomStrings = (obj, ind) => langs.map((l) => `${ind}<string language="${esc(l)}">${esc(text(obj, l))}</string>`).join('\n');

let xml;
if (version === '12') {
  xml = `<?xml version="1.0" encoding="UTF-8"?>
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
} else {
  const measure = (passMark / 100).toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  xml = `<?xml version="1.0" encoding="UTF-8"?>
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
process.stdout.write(xml);
