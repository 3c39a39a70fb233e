// The page's mapping from language tags to a course language (graniceCourseLanguage in
// web/granice.js, which picks the first language pack) on the same cases as its C++ twin,
// scorm::parse_language (tests/unit/test_scorm.cpp): tests/unit/language_tags.json.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const { test, report } = require('../node_unit.js');
const { courseLanguage } = require('../../web/granice.js');
const { cases } = require('../unit/language_tags.json');

test('the case table is not empty', () => assert.ok(cases.length >= 20));
for (const c of cases) {
  test(`${JSON.stringify(c.tags)} in a course of ${c.languages.join(', ')} -> ${JSON.stringify(c.course_language)}`, () => {
    assert.equal(courseLanguage(c.tags, c.languages), c.course_language);
  });
}
report(path.basename(__filename));
