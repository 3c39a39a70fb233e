#!/usr/bin/python3
"""Regenerates tests/content/cases/: each case is a copy of tests/content/valid/ with one mistake,
plus expected.txt, the exact `granice lint` lines (file names relative to the case folder).

Expected positions are computed here, independently of the C++ scanner: each expectation names an
anchor text whose first character is where the diagnostic must point (Python string indices count
code points, as our columns do). Messages are written by hand, in the order lint must print them
(file load order, then document order) -- this script does not sort them.

Run: /usr/bin/python3 tests/content/make_corpus.py
"""
import pathlib
import shutil

HERE = pathlib.Path(__file__).resolve().parent
BASE = HERE / "valid"
CASES = HERE / "cases"
C, M, A, R = "course.json", "m1-boundaries.json", "assessment.json", "resources.json"
TEXT = 'a text in every course language: pl, en'
ID = "an id of letters, digits, '-', '_' or '.' (at most 64)"
NODE = "the id of a node of this role-play"


class Case:
    def __init__(self, name):
        self.name = name
        # Cases sit one folder deeper than valid/, so their "$schema" paths need one more "../".
        self.files = {p.name: p.read_text(encoding="utf-8").replace('"../../../quizzes/', '"../../../../quizzes/', 1)
                      for p in sorted(BASE.iterdir())}
        self.lines = []

    def edit(self, file, old, new, nth=1):
        text = self.files[file]
        idx = find(text, old, nth, f"{self.name}: {file}")
        self.files[file] = text[:idx] + new + text[idx + len(old):]
        return self

    def delete(self, file):
        del self.files[file]
        return self

    def pos(self, file, anchor, nth=1):
        text = self.files.get(file, "")
        if anchor == "EOF":
            idx = len(text)
        elif anchor == "START":
            idx = 0
        else:
            idx = find(text, anchor, nth, f"{self.name}: anchor in {file}")
        line = text.count("\n", 0, idx) + 1
        col = idx - (text.rfind("\n", 0, idx) + 1) + 1
        return line, col

    def line(self, file, anchor, nth=1):
        return self.pos(file, anchor, nth)[0]

    def expect(self, file, anchor, pointer, message, expected, nth=1):
        line, col = self.pos(file, anchor, nth)
        self.lines.append(f"{file}:{line}:{col}: {pointer or '/'}: {message}; {expected}")
        return self

    def write(self):
        folder = CASES / self.name
        folder.mkdir(parents=True)
        for name, text in self.files.items():
            (folder / name).write_text(text, encoding="utf-8")
        (folder / "expected.txt").write_text("".join(l + "\n" for l in self.lines), encoding="utf-8")


def find(text, needle, nth, where):
    idx = -1
    for _ in range(nth):
        idx = text.find(needle, idx + 1)
        if idx < 0:
            raise SystemExit(f"{where}: {needle!r} (occurrence {nth}) not found")
    return idx


def cases():
    A_TEXT = (BASE / A).read_text(encoding="utf-8").replace('"../../../quizzes/', '"../../../../quizzes/', 1)
    # [SECTION] JSON syntax
    yield (Case("syntax-trailing-comma")
           .edit(C, '"assessment": 3 }', '"assessment": 3, }')
           .expect(C, ", }", "/attempts", "invalid JSON: trailing comma before '}'", "another field after ',', or no ','"))
    yield (Case("syntax-missing-comma")
           .edit(M, '"number": 1,', '"number": 1')
           .expect(M, '"objective": "boundaries",\n  "required"', "", "invalid JSON: unexpected string",
                   "',' or '}' after a field"))
    yield (Case("syntax-missing-comma-after-polish-text")
           .edit(M, '{ "pl": "Słucham", "en": "Listen" },', '{ "pl": "Słucham", "en": "Listen" }')
           .expect(M, '"correct": true, "feedback": { "pl": "Tak"', "/quiz/questions/0/options/0",
                   "invalid JSON: unexpected string", "',' or '}' after a field"))
    yield (Case("syntax-comment")
           .edit(R, '"resources": [', '"resources": [ // contacts')
           .expect(R, "// contacts", "/resources/0", "invalid JSON: unexpected '/' (JSON has no comments)",
                   "a value (string, number, object, array, true, false or null)"))
    yield (Case("syntax-single-quotes")
           .edit(C, '"version": "1.0.0"', "\"version\": '1.0.0'")
           .expect(C, "'1.0.0'", "/version", "invalid JSON: unexpected single quote (JSON strings use double quotes)",
                   "a value (string, number, object, array, true, false or null)"))
    yield (Case("syntax-unexpected-end")
           .edit(A, "  ]\n}\n", "  ]\n")
           .expect(A, "EOF", "", "invalid JSON: unexpected end of file", "',' or '}' after a field"))
    yield (Case("syntax-duplicate-key")
           .edit(C, '"id": "tiny",', '"id": "tiny", "id": "tiny",')
           .expect(C, '"id": "tiny",', "/id", 'field "id" appears twice', "each field once (the last one would win)", nth=2))

    # [SECTION] Files
    yield (Case("missing-course-file")
           .delete(C)
           .expect(C, "START", "", "cannot read the file", "a course.json in the content folder"))
    yield (Case("missing-module-file")
           .edit(C, '["m1-boundaries.json"]', '["m1-boundaries.json", "m2-missing.json"]')
           .expect(C, '"m2-missing.json"', "/modules/1", 'module file "m2-missing.json" not found',
                   "a file in the content folder"))

    yield (Case("module-listed-twice")
           .edit(C, '["m1-boundaries.json"]', '["m1-boundaries.json", "m1-boundaries.json"]')
           .expect(C, '"m1-boundaries.json"]', "/modules/1", 'module file "m1-boundaries.json" is listed twice',
                   "each module file once"))
    yield (Case("assessment-not-an-object")
           .edit(A, A_TEXT, "[]\n")
           .expect(A, "START", "", "wrong type: an array", "an object {…}"))

    # [SECTION] Types, required and unknown fields
    yield (Case("wrong-type-pass-mark")
           .edit(C, '"pass_mark": 80,', '"pass_mark": "80",')
           .expect(C, '"80"', "/pass_mark", "wrong type: a string", "a percent from 0 to 100"))
    yield (Case("wrong-type-languages")
           .edit(C, '"languages": ["pl", "en"]', '"languages": "pl"')
           .expect(C, '"pl",\n', "/languages", "wrong type: a string", 'an array of language codes, e.g. ["pl", "en"]'))
    yield (Case("text-given-as-string")
           .edit(R, '"note": { "pl": "Przykładowe kontakty.", "en": "Example contacts." }', '"note": "Example contacts."')
           .expect(R, '"Example contacts."', "/note", "wrong type: a string", 'a text per language, {"pl": "…", "en": "…"}'))
    yield (Case("missing-field-draw")
           .edit(A, '  "draw": 2,\n', "")
           .expect(A, "START", "/draw", 'missing field "draw"', "a whole number of questions to draw"))
    yield (Case("unknown-field-typo")
           .edit(M, '"correct": true,', '"corect": true,')
           .expect(M, '{ "id": "a", "text": { "pl": "Słucham"', "/quiz/questions/0/options/0/correct",
                   'missing field "correct"', "true or false")
           .expect(M, '"corect"', "/quiz/questions/0/options/0/corect", 'unknown field "corect"', 'did you mean "correct"?'))
    yield (Case("unknown-field-no-suggestion")
           .edit(C, '"version": "1.0.0",', '"version": "1.0.0", "colour": "blue",')
           .expect(C, '"colour"', "/colour", 'unknown field "colour"',
                   'one of "id", "version", "languages", "title", "description", "pass_mark", "attempts", '
                   '"roleplay_feedback", "shuffle_replies", "completion", "objectives", "modules", "assessment", "resources", "certificate"'))
    yield (Case("invalid-id")
           .edit(M, '"id": "why"', '"id": "why not"')
           .expect(M, '"why not"', "/lesson/pages/0/id", 'invalid id "why not"', ID))
    yield (Case("unknown-block-type")
           .edit(M, '{ "type": "note",', '{ "type": "notes",')
           .expect(M, '"notes"', "/lesson/pages/1/blocks/2/type", 'unknown value "notes"',
                   'one of "heading", "paragraph", "bullets", "phrase", "do_dont", "note", "resources"'))
    yield (Case("unknown-question-type")
           .edit(M, '"type": "ordering"', '"type": "order"')
           .expect(M, '"order"', "/quiz/questions/3/type", 'unknown value "order"',
                   'one of "single_choice", "multiple_response", "true_false", "ordering", "matching", "best_reply"'))
    yield (Case("unknown-module-kind")
           .edit(M, '"kind": "guideline"', '"kind": "guidline"')
           .expect(M, '"guidline"', "/kind", 'unknown value "guidline"', 'one of "guideline", "synthesis"'))

    # [SECTION] Translations
    yield (Case("missing-translation")
           .edit(M, '"title": { "pl": "Granice", "en": "Boundaries" }', '"title": { "pl": "Granice" }')
           .expect(M, '{ "pl": "Granice" }', "/title/en", 'missing translation "en"', TEXT))
    yield (Case("extra-language")
           .edit(M, '"en": "Set the rules." }', '"en": "Set the rules.", "de": "Regeln." }')
           .expect(M, '"de"', "/summary/de", 'language "de" is not a course language', "only the course languages: pl, en"))
    yield (Case("empty-translation")
           .edit(A, '"en": "Good luck."', '"en": " "')
           .expect(A, '" "', "/intro/en", 'empty translation "en"', 'the text in "en"'))

    yield (Case("missing-translation-in-list")
           .edit(M, '{ "pl": "Nazwij", "en": "Name it" }', '{ "pl": "Nazwij" }')
           .expect(M, '{ "pl": "Nazwij" }', "/lesson/pages/0/blocks/2/items/1/en", 'missing translation "en"', TEXT))

    # [SECTION] Ranges
    yield (Case("pass-mark-out-of-range")
           .edit(M, '"pass_mark": 80,', '"pass_mark": 120,')
           .expect(M, "120", "/quiz/pass_mark", "value 120 is out of range", "a percent from 0 to 100"))
    yield (Case("draw-more-than-bank")
           .edit(A, '"draw": 2,', '"draw": 5,')
           .expect(A, "5,", "/draw", "draw 5 is more than the 2 questions in the bank", "at most 2"))
    yield (Case("draw-zero")
           .edit(A, '"draw": 2,', '"draw": 0,')
           .expect(A, "0,", "/draw", "draw 0 is less than 1", "from 1 to the 2 questions in the bank"))
    yield (Case("points-zero")
           .edit(M, '"points": 2,', '"points": 0,')
           .expect(M, '0,\n        "prompt": { "pl": "Co pomaga?"', "/quiz/questions/1/points", "points 0 is not positive", "a number of points greater than 0"))

    # [SECTION] Duplicate ids and references
    c = Case("duplicate-question-id-across-files").edit(A, '"id": "a-q1"', '"id": "b-q1"')
    yield c.expect(A, '"b-q1"', "/questions/0/id",
                   f'duplicate question id "b-q1", already used in {M}:{c.line(M, "b-q1")}',
                   "a question id unique in the whole course")
    c = Case("duplicate-option-id").edit(M, '{ "id": "b", "text": { "pl": "Uwaga"', '{ "id": "a", "text": { "pl": "Uwaga"')
    yield c.expect(M, '"a", "text": { "pl": "Uwaga"', "/quiz/questions/1/options/1/id",
                   f'duplicate option id "a", already used at line {c.line(M, "Spokój")}', "an id unique within the question")
    c = Case("duplicate-pair-id").edit(M, '"id": "p3"', '"id": "p1"')
    yield c.expect(M, '"p1"', "/quiz/questions/4/pairs/2/id",
                   f'duplicate pair id "p1", already used at line {c.line(M, "p1")}', "an id unique within the question", nth=2)
    # The duplicate objective drops "listening", so every reference to it is reported too, file by file.
    c = Case("duplicate-objective-id").edit(C, '{ "id": "listening", "title"', '{ "id": "boundaries", "title"')
    yield (c.expect(C, '"boundaries", "title": { "pl": "Słuchaj', "/objectives/1/id",
                    f'duplicate objective id "boundaries", already used at line {c.line(C, "Ustal granice")}',
                    "an id unique within the course")
           .expect(M, '"listening"', "/quiz/questions/2/objective", 'unknown objective "listening"',
                   'one of the course objectives "boundaries"')
           .expect(M, '"listening"', "/roleplay/nodes/0/choices/1/breaks/0", 'unknown objective "listening"',
                   'one of the course objectives "boundaries"', nth=2)
           .expect(A, '"listening"', "/questions/1/objective", 'unknown objective "listening"',
                   'one of the course objectives "boundaries"'))
    yield (Case("unknown-objective")
           .edit(M, '"objective": "boundaries",\n        "prompt": { "pl": "Co robisz?"',
                 '"objective": "boundries",\n        "prompt": { "pl": "Co robisz?"')
           .expect(M, '"boundries"', "/quiz/questions/0/objective", 'unknown objective "boundries"',
                   'did you mean "boundaries"?'))
    yield (Case("unknown-objective-in-breaks")
           .edit(M, '"breaks": ["listening"]', '"breaks": ["listenning"]')
           .expect(M, '"listenning"', "/roleplay/nodes/0/choices/1/breaks/0", 'unknown objective "listenning"',
                   'did you mean "listening"?'))
    yield (Case("unknown-rubric-id-in-scores")
           .edit(M, '"scores": { "boundary_kept": 1 }, "honours"', '"scores": { "boundary_kep": 1 }, "honours"')
           .expect(M, '"boundary_kep"', "/roleplay/nodes/1/choices/0/scores/boundary_kep",
                   'unknown rubric id "boundary_kep"', 'did you mean "boundary_kept"?'))

    c = Case("duplicate-resource-id").edit(R, '"id": "crisis"', '"id": "eap"')
    yield c.expect(R, '"eap"', "/resources/1/id", f'duplicate resource id "eap", already used at line {c.line(R, "eap")}',
                   "an id unique within resources.json", nth=2)
    yield (Case("score-out-of-range")
           .edit(M, '"scores": { "boundary_kept": 1, "empathy_shown": 1 }', '"scores": { "boundary_kept": 1000, "empathy_shown": 1 }')
           .expect(M, "1000", "/roleplay/nodes/0/choices/0/scores/boundary_kept", "wrong value: 1000",
                   "a whole number of points from -100 to 100"))

    # [SECTION] Answer keys
    yield (Case("single-choice-no-correct")
           .edit(M, '"correct": true,', '"correct": false,')
           .expect(M, "[\n          { \"id\": \"a\", \"text\": { \"pl\": \"Słucham\"", "/quiz/questions/0/options",
                   "no correct option", 'exactly one option with "correct": true'))
    yield (Case("best-reply-two-correct")
           .edit(M, '"en": "Tell me more." }, "correct": false', '"en": "Tell me more." }, "correct": true')
           .expect(M, '[\n          { "id": "a", "text": { "pl": "Przykro mi.', "/quiz/questions/5/options",
                   "2 correct options", 'exactly one option with "correct": true'))
    yield (Case("multiple-response-all-correct")
           .edit(M, '"en": "Shouting" }, "correct": false', '"en": "Shouting" }, "correct": true')
           .expect(M, '[\n          { "id": "a", "text": { "pl": "Spokój"', "/quiz/questions/1/options",
                   "every option is correct", 'at least one option with "correct": false'))
    yield (Case("true-false-wrong-ids")
           .edit(M, '{ "id": "false", "correct": true', '{ "id": "no", "correct": true')
           .expect(M, '[\n          { "id": "true"', "/quiz/questions/2/options", 'true_false options are ["true", "no"]',
                   'exactly two options, with ids "true" and "false"'))
    yield (Case("true-false-with-text")
           .edit(A, '{ "id": "true", "correct": true,', '{ "id": "true", "text": { "pl": "P", "en": "T" }, "correct": true,')
           .expect(A, '"text": { "pl": "P"', "/questions/1/options/0/text", "a true_false option has no text",
                   'no "text" (the screen says True/False)'))
    yield (Case("ordering-two-items")
           .edit(M, ',\n          { "id": "s3", "text": { "pl": "Wróć", "en": "Return" } }', "")
           .expect(M, '[\n          { "id": "s1"', "/quiz/questions/3/items", "only 2 items", "3 to 6 items"))
    extra_pairs = "".join(
        f',\n          {{ "id": "p{i}", "source": {{ "pl": "Z{i}", "en": "S{i}" }}, "target": {{ "pl": "D{i}", "en": "T{i}" }} }}'
        for i in range(4, 8))
    yield (Case("matching-seven-pairs")
           .edit(M, '"target": { "pl": "Dyskrecja", "en": "Discretion" } }',
                 '"target": { "pl": "Dyskrecja", "en": "Discretion" } }' + extra_pairs)
           .expect(M, '[\n          { "id": "p1"', "/quiz/questions/4/pairs", "7 pairs", "3 to 6 pairs"))

    # [SECTION] Role-play graphs
    yield (Case("roleplay-start-missing")
           .edit(M, '"start": "n1"', '"start": "n0"')
           .expect(M, '"n0"', "/roleplay/start", 'start node "n0" does not exist', NODE))
    yield (Case("roleplay-next-missing")
           .edit(M, '"next": "end_good"', '"next": "end_gold"')
           .expect(M, '"end_gold"', "/roleplay/nodes/1/choices/0/next", 'next node "end_gold" does not exist', NODE)
           .expect(M, '{ "id": "end_good"', "/roleplay/nodes/2", 'node "end_good" is unreachable from start "n1"',
                   'a choice with "next": "end_good"'))
    unreachable = (',\n      { "id": "n3", "client": { "pl": "Halo?", "en": "Hello?" },\n        "choices": [\n'
                   '          { "id": "a", "text": { "pl": "Tak", "en": "Yes" }, "next": "end_good", "feedback": { "pl": "Ok", "en": "Ok" } },\n'
                   '          { "id": "b", "text": { "pl": "Nie", "en": "No" }, "next": "end_poor", "feedback": { "pl": "Ok", "en": "Ok" } }\n'
                   '        ] }')
    yield (Case("roleplay-unreachable-node")
           .edit(M, '"en": "Try again." } } }', '"en": "Try again." } } }' + unreachable)
           .expect(M, '{ "id": "n3"', "/roleplay/nodes/4", 'node "n3" is unreachable from start "n1"', 'a choice with "next": "n3"'))
    yield (Case("roleplay-dead-end")
           .edit(M, '"next": "end_poor",\n            "scores": { "boundary_kept": -1, "empathy_shown": 1 }',
                 '"next": "n3",\n            "scores": { "boundary_kept": -1, "empathy_shown": 1 }')
           .edit(M, '"en": "Try again." } } }', '"en": "Try again." } } },\n      { "id": "n3", "client": { "pl": "Hm", "en": "Hm" } }')
           .expect(M, '{ "id": "n3"', "/roleplay/nodes/4", 'dead end: node "n3" has no choices and no ending',
                   'at least 2 "choices" or an "ending"'))
    yield (Case("roleplay-one-choice")
           .edit(M, ',\n          { "id": "b", "text": { "pl": "Słucham.", "en": "Go on." }, "next": "end_poor",\n'
                    '            "scores": { "boundary_kept": -1, "empathy_shown": 1 },\n'
                    '            "feedback": { "pl": "Za daleko", "en": "Too far" } }', "")
           .expect(M, '[\n          { "id": "a", "text": { "pl": "Wróćmy', "/roleplay/nodes/1/choices",
                   "only 1 choice, so the learner has nothing to decide", "at least 2 choices"))
    yield (Case("roleplay-loop-without-exit")
           .edit(M, '"next": "end_good"', '"next": "n2"')
           .edit(M, '"next": "end_poor",\n            "scores": { "boundary_kept": -1, "empathy_shown": 1 }',
                 '"next": "n2",\n            "scores": { "boundary_kept": -1, "empathy_shown": 1 }')
           .expect(M, '{ "id": "n2"', "/roleplay/nodes/1", 'no ending is reachable from node "n2" (a loop with no way out)',
                   "a choice leading towards an ending")
           .expect(M, '{ "id": "end_good"', "/roleplay/nodes/2", 'node "end_good" is unreachable from start "n1"',
                   'a choice with "next": "end_good"'))
    yield (Case("roleplay-choices-and-ending")
           .edit(M, '{ "id": "end_good", "ending"', '{ "id": "end_good", "choices": [], "ending"')
           .expect(M, '{ "id": "end_good"', "/roleplay/nodes/2", 'node "end_good" has both choices and an ending',
                   'either "choices" or "ending"'))
    # A loop with a way out is allowed: no diagnostics.
    yield (Case("ok-roleplay-loop-with-exit")
           .edit(M, '"next": "end_poor",\n            "scores": { "boundary_kept": -1, "empathy_shown": 1 }',
                 '"next": "n1",\n            "scores": { "boundary_kept": -1, "empathy_shown": 1 }'))


def main():
    if CASES.exists():
        shutil.rmtree(CASES)
    names = set()
    for case in cases():
        assert case.name not in names, case.name
        names.add(case.name)
        case.write()
    print(f"wrote {len(names)} cases to {CASES}")


if __name__ == "__main__":
    main()
