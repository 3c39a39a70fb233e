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
        self.files = {p.relative_to(BASE).as_posix(): p.read_text(encoding="utf-8").replace('"../../../quizzes/', '"../../../../quizzes/', 1)
                      for p in sorted(BASE.rglob("*")) if p.is_file()}
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

    def warn(self, file, anchor, pointer, message, expected, rule, nth=1):
        """An item-quality warning (granice lint, README "Item quality")."""
        line, col = self.pos(file, anchor, nth)
        self.lines.append(f"{file}:{line}:{col}: warning: {pointer or '/'}: {message}; {expected} [{rule}]")
        return self

    def opt_out(self, file, anchor, pointer, rule, reason, used=True, nth=1):
        """A "lint_ok" exception, listed after the warnings; anchor: the "lint_ok" member's value."""
        line, col = self.pos(file, anchor, nth)
        self.lines.append(f'lint_ok: {file}:{line}:{col}: {pointer or "/"}: {rule}: "{reason}"'
                          + ("" if used else " (not needed: the rule does not warn here)"))
        return self

    def add_language(self, code, name, prefix):
        """A language added as data: declared in course.json, every text given it (the English text
        after `prefix`), no code and no schema touched."""
        import re
        for file in [f for f in self.files if f.endswith(".json") and "/" not in f]:
            self.files[file] = re.sub(r'("en": )"((?:[^"\\]|\\.)*)"', lambda m: f'{m.group(0)}, "{code}": "{prefix}{m.group(2)}"',
                                      self.files[file])
        return self.edit(C, '"languages": ["pl", "en"]', f'"languages": ["pl", "en", {{ "code": "{code}", "name": "{name}" }}]')

    def add_questions(self, *questions):
        """Appends single-line questions to the module quiz."""
        self.edit(M, '\n    ]\n  },\n  "roleplay"', "".join(",\n      " + q for q in questions) + '\n    ]\n  },\n  "roleplay"')
        return self

    def write(self):
        folder = CASES / self.name
        folder.mkdir(parents=True)
        for name, text in self.files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
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
           .expect(C, '"pl",\n', "/languages", "wrong type: a string",
                   'an array of languages: codes such as "pl", or {"code": "pl", "name": "Polski"}'))
    yield (Case("text-given-as-string")
           .edit(R, '"note": { "pl": "Przykładowe kontakty.", "en": "Example contacts." }', '"note": "Example contacts."')
           .expect(R, '"Example contacts."', "/note", "wrong type: a string", 'a text per language, {"pl": "…", "en": "…"}'))
    yield (Case("missing-field-draw")
           .edit(A, '  "draw": 2,\n', "")
           .expect(A, "START", "/draw", 'missing field "draw"', "a whole number of questions to draw"))
    yield (Case("blank-string")
           .edit(R, '"category": "internal"', '"category": " "')
           .expect(R, '" "', "/resources/0/category", "empty value", "a non-empty string"))
    # JSON Schema's "integer" is a value (80.0 is one); the loader also wants it written as a whole number.
    yield (Case("whole-number-with-decimal-point")
           .edit(C, '"pass_mark": 80,', '"pass_mark": 80.0,')
           .expect(C, "80.0", "/pass_mark", "wrong type: a decimal number", "a percent from 0 to 100"))
    yield (Case("unknown-field-typo")
           .edit(M, '"correct": true,', '"corect": true,')
           .expect(M, '{ "id": "a", "text": { "pl": "Słucham"', "/quiz/questions/0/options/0/correct",
                   'missing field "correct"', "true or false")
           .expect(M, '"corect"', "/quiz/questions/0/options/0/corect", 'unknown field "corect"', 'did you mean "correct"?'))
    yield (Case("unknown-field-no-suggestion")
           .edit(C, '"version": "1.0.0",', '"version": "1.0.0", "colour": "blue",')
           .expect(C, '"colour"', "/colour", 'unknown field "colour"',
                   'one of "id", "version", "languages", "default_language", "title", "description", "pass_mark", "attempts", '
                   '"roleplay_feedback", "shuffle_replies", "completion", "objectives", "modules", "assessment", "resources", '
                   '"interface", "certificate"'))
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
           .edit(M, '"en": "Please tell me more about that." }, "correct": false', '"en": "Please tell me more about that." }, "correct": true')
           .expect(M, '[\n          { "id": "a", "text": { "pl": "Przykro mi.', "/quiz/questions/5/options",
                   "2 correct options", 'exactly one option with "correct": true'))
    yield (Case("multiple-response-all-correct")
           .edit(M, '"en": "Shouting" }, "correct": false', '"en": "Shouting" }, "correct": true')
           .expect(M, '[\n          { "id": "a", "text": { "pl": "Spokój"', "/quiz/questions/1/options",
                   "every option is correct", 'at least one option with "correct": false'))
    yield (Case("true-false-two-correct")
           .edit(M, '{ "id": "true", "correct": false', '{ "id": "true", "correct": true')
           .expect(M, '[\n          { "id": "true"', "/quiz/questions/2/options", "2 correct options",
                   'exactly one option with "correct": true'))
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


def sc(qid, options, key, kind="single_choice"):
    """A single-line single-answer question; options: [(pl, en)], key: index of the right one."""
    opts = ", ".join('{ "id": "%s", "text": { "pl": "%s", "en": "%s" }, "correct": %s, "feedback": { "pl": "Bo tak.", "en": "Because." } }'
                     % ("abcdef"[i], pl, en, "true" if i == key else "false") for i, (pl, en) in enumerate(options))
    return ('{ "id": "%s", "type": "%s", "objective": "boundaries", "prompt": { "pl": "Pytanie?", "en": "Question?" }, '
            '"options": [ %s ] }' % (qid, kind, opts))


def tf(qid, answer):
    return ('{ "id": "%s", "type": "true_false", "objective": "boundaries", "prompt": { "pl": "Zdanie.", "en": "A statement." }, '
            '"options": [ { "id": "true", "correct": %s, "feedback": { "pl": "A", "en": "A" } }, '
            '{ "id": "false", "correct": %s, "feedback": { "pl": "B", "en": "B" } } ] }'
            % (qid, "true" if answer else "false", "false" if answer else "true"))


def mr(qid, right):
    opts = ", ".join('{ "id": "%s", "text": { "pl": "Krok %d", "en": "Step %d" }, "correct": %s, "feedback": { "pl": "A", "en": "A" } }'
                     % ("abcd"[i], i, i, "true" if i < right else "false") for i in range(4))
    return ('{ "id": "%s", "type": "multiple_response", "objective": "boundaries", "prompt": { "pl": "Co?", "en": "What?" }, '
            '"options": [ %s ] }' % (qid, opts))


# Four-option items whose options are equally long, except the right one by `extra` characters.
def even(qid, key, extra=0):
    options = [("Wariant %d" % i, "Option %d" % i) for i in range(4)]
    options[key] = ("Wariant " + str(key) + "x" * extra, "Option " + str(key) + "x" * extra)
    return sc(qid, options, key)


# Four-option items whose right option is the shortest.
def shortkey(qid, key):
    options = [("Wariant %d" % i, "Option %d" % i) for i in range(4)]
    options[key] = ("Wariant", "Option")
    return sc(qid, options, key)


def item_cases():
    W = "the right one at most 15 % longer"
    # [SECTION] Item quality: length
    yield (Case("warn-longest-right")
           .edit(M, '"text": { "pl": "Słucham", "en": "Listen" }', '"text": { "pl": "Słucham uważnie", "en": "Listen carefully" }')
           .warn(M, '{ "id": "a", "text": { "pl": "Słucham uważnie"', "/quiz/questions/0/options/0",
                 "the right option is 114 % longer than the longest wrong one (pl 15 vs 7, en 16 vs 8 characters)",
                 "options of similar length: " + W, "cue/longest-right"))
    # 8 vs 7 (14 %) and 9 vs 8 (13 %): inside the margin.
    yield (Case("ok-longest-right-inside-margin")
           .edit(M, '"text": { "pl": "Słucham", "en": "Listen" }', '"text": { "pl": "Słucham!", "en": "Listen up" }'))
    # 4 added four-option items, the right one longest in all (+1 character: no item warning), plus b-q1
    # (a tie in Polish counts as longest): pl 5 of 6, en 4 of 6; chance (1/2 + 1/2 + 4 x 1/4) / 6 = 1/3.
    # P(X >= 5) = 0.018 < 0.05 warns; P(X >= 4) = 0.100 does not.
    yield (Case("warn-longest-right-share")
           .add_questions(even("x1", 0, 1), even("x2", 1, 1), even("x3", 2, 1), even("x4", 3, 1))
           .warn(M, '{\n    "pass_mark": 80', "/quiz",
                 "the right option is the longest in 5 of 6 single-answer items (pl); chance is about 33 %",
                 "the right option the longest in at most 4 of them", "cue/longest-right-share"))
    # One of the four shorter instead: pl 4 of 6, no warning.
    yield (Case("ok-longest-right-share")
           .add_questions(even("x1", 0, 1), even("x2", 1, 1), even("x3", 2, 1), sc("x4", [("Wariant 0", "Option 0"), ("Wariant 1", "Option 1"), ("Wariant 2", "Option 2"), ("Krótki", "Short")], 3)))
    # Over-correction: 7 added items whose key is the shortest, plus b-q1 and b-q6 (in English neither key
    # is the longest): 0 of 9, chance (2 x 1/2 + 7 x 1/4) / 9 = 0.31, P(X <= 0) = 0.038 < 0.05 warns.
    # In Polish b-q1's tie counts: 1 of 9, P(X <= 1) = 0.19, no warning.
    yield (Case("warn-longest-right-share-never")
           .add_questions(*[shortkey("x%d" % i, k) for i, k in enumerate([0, 1, 2, 3, 0, 1, 2])])
           .warn(M, '{\n    "pass_mark": 80', "/quiz",
                 "the right option is the longest in only 0 of 9 single-answer items (en); chance is about 31 %",
                 "the right option the longest in at least 1 of them", "cue/longest-right-share"))
    # [SECTION] Key position: b-q1 and b-q6 have the key first; chance (2 x 1/2 + 3 x 1/4) / 5 = 0.35.
    # 5 of 5 first: P = 0.005 < 0.05 / 2 warns; 4 of 5: P = 0.054 does not.
    yield (Case("warn-key-position")
           .add_questions(even("x1", 0), even("x2", 0), even("x3", 0))
           .warn(M, '{\n    "pass_mark": 80', "/quiz", "the right option is option 1 in 5 of 5 single-answer items of the quiz",
                 "the right option in varied positions", "cue/key-position"))
    yield (Case("ok-key-position")
           .add_questions(even("x1", 0), even("x2", 0), even("x3", 2)))
    # [SECTION] Multiple response: b-q2 has 2 right answers
    yield (Case("warn-mr-same-count")
           .add_questions(mr("x1", 2))
           .warn(M, '{\n    "pass_mark": 80', "/quiz", "every multiple-response item of the quiz (2) has 2 right answers",
                 "a varied number of right answers (from 1 to all but one)", "cue/mr-same-count"))
    yield Case("ok-mr-varied-count").add_questions(mr("x1", 1))
    # [SECTION] True/false: b-q3 is false
    yield (Case("warn-true-false-balance")
           .add_questions(tf("x1", False))
           .warn(M, '{\n    "pass_mark": 80', "/quiz", "true/false keys of the quiz: 0 true, 2 false",
                 "as many true as false keys (a difference of at most 1)", "cue/true-false-balance"))
    yield Case("ok-true-false-balance").add_questions(tf("x1", True))
    # [SECTION] Words
    yield (Case("warn-determiner")
           .edit(M, '"text": { "pl": "Uciekam", "en": "Walk off" }', '"text": { "pl": "Zawsze!", "en": "Never go" }')
           .warn(M, '[\n          { "id": "a", "text": { "pl": "Słucham"', "/quiz/questions/0/options",
                 '"zawsze" only in wrong options (pl)',
                 "no always/never-style words that mark the wrong options (or the same words in a right one)", "cue/determiner")
           .warn(M, '[\n          { "id": "a", "text": { "pl": "Słucham"', "/quiz/questions/0/options",
                 '"never" only in wrong options (en)',
                 "no always/never-style words that mark the wrong options (or the same words in a right one)", "cue/determiner"))
    # The same words in the right option: no cue.
    yield (Case("ok-determiner-in-right-option-too")
           .edit(M, '"text": { "pl": "Uciekam", "en": "Walk off" }', '"text": { "pl": "Zawsze uciekam", "en": "Always leave" }')
           .edit(M, '"text": { "pl": "Słucham", "en": "Listen" }', '"text": { "pl": "Zawsze słucham", "en": "Always listen" }'))
    yield (Case("warn-all-of-the-above")
           .edit(M, '"text": { "pl": "Uciekam", "en": "Walk off" }', '"text": { "pl": "Żadne z powyższych", "en": "None of the above" }')
           .warn(M, '[\n          { "id": "a", "text": { "pl": "Słucham"', "/quiz/questions/0/options",
                 '"żadne" only in wrong options (pl)',
                 "no always/never-style words that mark the wrong options (or the same words in a right one)", "cue/determiner")
           .warn(M, '[\n          { "id": "a", "text": { "pl": "Słucham"', "/quiz/questions/0/options",
                 '"none" only in wrong options (en)',
                 "no always/never-style words that mark the wrong options (or the same words in a right one)", "cue/determiner")
           .warn(M, '{ "id": "b", "text": { "pl": "Żadne z powyższych"', "/quiz/questions/0/options/1",
                 'an "all/none of the above" option (pl)', "options that each stand on their own", "cue/all-of-the-above"))
    # [SECTION] Role-play
    yield (Case("warn-duplicate-reply")
           .edit(M, '"text": { "pl": "Słucham.", "en": "Go on." }', '"text": { "pl": "Wróćmy do wniosku.", "en": "Go on." }')
           .warn(M, '{ "id": "b", "text": { "pl": "Wróćmy do wniosku.", "en": "Go on." }', "/roleplay/nodes/1/choices/1",
                 "replies 1 and 2 have the same text (pl)", "replies that differ", "cue/duplicate-reply"))
    yield (Case("warn-no-real-choice")
           .edit(M, '"next": "end_poor",\n            "scores": { "boundary_kept": -1, "empathy_shown": 1 }',
                 '"next": "end_good",\n            "scores": { "boundary_kept": 1 }')
           .edit(M, '{ "id": "end_poor", "ending"', '{ "id": "end_poor_unused", "ending"')
           .edit(M, '"next": "end_poor",\n            "scores": { "boundary_kept": -1 }', '"next": "end_poor_unused",\n            "scores": { "boundary_kept": -1 }')
           .warn(M, '[\n          { "id": "a", "text": { "pl": "Wróćmy', "/roleplay/nodes/1/choices",
                 'every reply leads to "end_good" with the same scores', "replies that lead to different places or score differently",
                 "cue/no-real-choice"))
    # Three more three-reply nodes after n2, the best reply first everywhere: 5 of 5 decisions,
    # chance (1/2 + 1/2 + 3 x 1/3) / 5 = 0.4: P = 0.010 < 0.05 / 2 warns; 4 of 5 (P = 0.087) does not.
    def chain(best_last):
        def node(nid, nxt, best):
            rs = []
            for i in range(3):
                s = 1 if i == best else 0
                rs.append('{ "id": "%s", "text": { "pl": "Odpowiedź %s%d", "en": "Reply %s%d" }, "next": "%s", "scores": { "boundary_kept": %d }, '
                          '"feedback": { "pl": "Tak", "en": "Yes" } }' % ("abc"[i], nid, i, nid, i, nxt if i == best else "end_poor", s))
            return ('{ "id": "%s", "client": { "pl": "Dalej.", "en": "Go on." }, "choices": [ %s ] },\n      ' % (nid, ", ".join(rs)))
        return node("n3", "n4", 0) + node("n4", "n5", 0) + node("n5", "end_good", best_last)
    yield (Case("warn-best-reply-position")
           .edit(M, '"next": "end_good",\n            "scores": { "boundary_kept": 1 }', '"next": "n3",\n            "scores": { "boundary_kept": 1 }')
           .edit(M, '{ "id": "end_good", "ending"', chain(0) + '{ "id": "end_good", "ending"')
           .warn(M, '[\n      { "id": "n1"', "/roleplay/nodes", 'the best-scored reply is reply 1 at 5 of 5 nodes of role-play "boundaries-rp"',
                 "the best reply in varied authored positions", "cue/best-reply-position"))
    yield (Case("ok-best-reply-position")
           .edit(M, '"next": "end_good",\n            "scores": { "boundary_kept": 1 }', '"next": "n3",\n            "scores": { "boundary_kept": 1 }')
           .edit(M, '{ "id": "end_good", "ending"', chain(1) + '{ "id": "end_good", "ending"'))
    # [SECTION] Text
    yield (Case("warn-numbers-differ")
           .edit(M, '"prompt": { "pl": "Co robisz?", "en": "What do you do?" }', '"prompt": { "pl": "Co robisz o 14:00?", "en": "What do you do at 2 pm?" }')
           .warn(M, '{ "pl": "Co robisz o 14:00?"', "/quiz/questions/0/prompt", "the numbers differ between languages (en: 2; pl: 00 14)",
                 "the same numbers (phone numbers, ages, amounts, years) in every language", "lang/numbers-differ"))
    yield (Case("ok-numbers-same")
           .edit(M, '"prompt": { "pl": "Co robisz?", "en": "What do you do?" }', '"prompt": { "pl": "Co robisz o 14:00?", "en": "What do you do at 14:00?" }'))
    yield (Case("warn-placeholder")
           .edit(R, '"name": { "pl": "Wsparcie", "en": "Support" }', '"name": { "pl": "Wsparcie [DO UZUPEŁNIENIA]", "en": "Support [TO BE COMPLETED]" }')
           .edit(R, '"phone": "+48 000 000 000"', '"phone": "TODO"')
           .warn(R, '"Support [TO BE COMPLETED]"', "/resources/0/name/en", "text left for the organisation to complete (contact name)",
                 "the organisation's own text before release (scripts/package refuses it without --draft)", "content/placeholder")
           .warn(R, '"TODO"', "/resources/0/phone", "contact phone left for the organisation to complete",
                 "the organisation's own contact before release (scripts/package refuses it without --draft)", "content/placeholder"))
    # [SECTION] Exceptions: honoured and listed, an unneeded one flagged, malformed ones are errors
    yield (Case("ok-lint-ok-honoured-and-listed")
           .edit(M, '"text": { "pl": "Słucham", "en": "Listen" }', '"text": { "pl": "Słucham uważnie", "en": "Listen carefully" }')
           .edit(M, '"prompt": { "pl": "Co robisz?", "en": "What do you do?" },',
                 '"prompt": { "pl": "Co robisz?", "en": "What do you do?" }, "lint_ok": { "cue/longest-right": "the length is the skill tested" },')
           .edit(M, '"prompt": { "pl": "Co pomaga?", "en": "What helps?" },',
                 '"prompt": { "pl": "Co pomaga?", "en": "What helps?" }, "lint_ok": { "cue/determiner": "kept for a review" },')
           .opt_out(M, '{ "cue/longest-right"', "/quiz/questions/0", "cue/longest-right", "the length is the skill tested")
           .opt_out(M, '{ "cue/determiner"', "/quiz/questions/1", "cue/determiner", "kept for a review", used=False))
    yield (Case("lint-ok-unknown-rule")
           .edit(M, '"prompt": { "pl": "Co robisz?", "en": "What do you do?" },',
                 '"prompt": { "pl": "Co robisz?", "en": "What do you do?" }, "lint_ok": { "cue/longest-rigth": "why" },')
           .expect(M, '"cue/longest-rigth"', "/quiz/questions/0/lint_ok/cue~1longest-rigth", 'unknown rule "cue/longest-rigth"',
                   'did you mean "cue/longest-right"?'))
    yield (Case("lint-ok-without-reason")
           .edit(M, '"prompt": { "pl": "Co robisz?", "en": "What do you do?" },',
                 '"prompt": { "pl": "Co robisz?", "en": "What do you do?" }, "lint_ok": { "cue/longest-right": " " },')
           .expect(M, '" " }', "/quiz/questions/0/lint_ok/cue~1longest-right", "no reason given for the exception",
                   "a sentence saying why the rule does not apply here"))
    yield (Case("lint-ok-in-the-wrong-place")
           .edit(M, '"prompt": { "pl": "Co robisz?", "en": "What do you do?" },',
                 '"prompt": { "pl": "Co robisz?", "en": "What do you do?" }, "lint_ok": { "cue/key-position": "why" },')
           .expect(M, '"cue/key-position"', "/quiz/questions/0/lint_ok/cue~1key-position",
                   'rule "cue/key-position" does not look at a question', "the exception on the quiz or the assessment"))
    yield (Case("lint-ok-in-the-wrong-place-node")
           .edit(M, '{ "id": "n1", "client": { "pl": "Mąż odszedł.", "en": "He left." },',
                 '{ "id": "n1", "lint_ok": { "cue/longest-right": "why" }, "client": { "pl": "Mąż odszedł.", "en": "He left." },')
           .expect(M, '"cue/longest-right"', "/roleplay/nodes/0/lint_ok/cue~1longest-right",
                   'rule "cue/longest-right" does not look at a role-play node', "the exception on the question"))
    yield (Case("lint-ok-placeholder-takes-none")
           .edit(M, '"prompt": { "pl": "Co robisz?", "en": "What do you do?" },',
                 '"prompt": { "pl": "Co robisz?", "en": "What do you do?" }, "lint_ok": { "content/placeholder": "later" },')
           .expect(M, '"content/placeholder"', "/quiz/questions/0/lint_ok/content~1placeholder",
                   'rule "content/placeholder" takes no exception', "the text completed by the organisation"))
    yield (Case("reply-id-with-hyphen")
           .edit(M, '{ "id": "b", "text": { "pl": "Następny!"', '{ "id": "b-2", "text": { "pl": "Następny!"')
           .expect(M, '"b-2"', "/roleplay/nodes/0/choices/1/id", "reply id \"b-2\" has a '-'",
                   "letters, digits, '_' or '.' (an LMS refuses '-' in a response)"))
    yield (Case("response-ids-with-hyphen")
           .edit(M, '{ "id": "b", "text": { "pl": "Uciekam"', '{ "id": "b-1", "text": { "pl": "Uciekam"')
           .edit(M, '{ "id": "s1", "text"', '{ "id": "s-1", "text"')
           .edit(M, '{ "id": "p1", "source"', '{ "id": "p-1", "source"')
           .expect(M, '"b-1"', "/quiz/questions/0/options/1/id", "option id \"b-1\" has a '-'",
                   "letters, digits, '_' or '.' (an LMS refuses '-' in a response)")
           .expect(M, '"s-1"', "/quiz/questions/3/items/0/id", "item id \"s-1\" has a '-'",
                   "letters, digits, '_' or '.' (an LMS refuses '-' in a response)")
           .expect(M, '"p-1"', "/quiz/questions/4/pairs/0/id", "pair id \"p-1\" has a '-'",
                   "letters, digits, '_' or '.' (an LMS refuses '-' in a response)"))
    # [SECTION] Contacts by reference, module quiz draw
    yield (Case("contact-reference-in-course-file")
           .edit(C, '"title": { "pl": "Mały kurs", "en": "Tiny course" }', '"title": { "pl": "Mały kurs {phone:nope}", "en": "Tiny course" }')
           .expect(C, '"Mały kurs {phone:nope}"', "/title/pl", 'unknown contact "nope" in {phone:nope}',
                   "the id of a contact in resources.json"))
    yield (Case("contact-reference-unclosed")
           .edit(M, '"client": { "pl": "Mąż odszedł.", "en": "He left." }',
                 '"client": { "pl": "Mąż odszedł. {phone:eap", "en": "He left. {phone:eap}" }')
           .expect(M, '"Mąż odszedł. {phone:eap"', "/roleplay/nodes/0/client/pl",
                   "a contact reference without its closing '}': {phone:eap", "{phone:ID} with the contact's id"))
    yield (Case("contact-reference-unknown")
           .edit(M, '"client": { "pl": "Mąż odszedł.", "en": "He left." }',
                 '"client": { "pl": "Mąż odszedł. {phone:crisiss}", "en": "He left. {phone:crisis}" }')
           .expect(M, '"Mąż odszedł. {phone:crisiss}"', "/roleplay/nodes/0/client/pl", 'unknown contact "crisiss" in {phone:crisiss}',
                   'did you mean "crisis"?')
           .expect(M, '"He left. {phone:crisis}"', "/roleplay/nodes/0/client/en", 'contact "crisis" has no phone number for {phone:crisis}',
                   "a contact with \"phone\", or {resource:crisis} for its name"))
    yield (Case("contact-reference-not-an-id")
           .edit(M, '"client": { "pl": "Mąż odszedł.", "en": "He left." }',
                 '"client": { "pl": "Mąż odszedł. {phone: eap}", "en": "He left. {phone:eap}" }')
           .expect(M, '"Mąż odszedł. {phone: eap}"', "/roleplay/nodes/0/client/pl", 'unknown contact " eap" in {phone: eap}',
                   'did you mean "eap"?'))
    # A third language added purely as data: it loads, lints clean (its giveaway-word checks skipped
    # with a note, as lint/words.json lists none for it) and passes the schemas.
    yield Case("ok-third-language").add_language("uk", "Українська", "UK ")
    yield (Case("ok-contact-reference")
           .edit(M, '"client": { "pl": "Mąż odszedł.", "en": "He left." }',
                 '"client": { "pl": "Mąż odszedł. {resource:eap}: {phone:eap}", "en": "He left. {resource:eap}: {phone:eap}" }'))
    yield (Case("quiz-draw-more-than-questions")
           .edit(M, '"shuffle_options": true,', '"shuffle_options": true, "draw": 9,')
           .expect(M, '9,', "/quiz/draw", "draw 9 is more than the 6 questions of the quiz", "at most the number of questions"))


def main():
    if CASES.exists():
        shutil.rmtree(CASES)
    names = set()
    for case in list(cases()) + list(item_cases()):
        assert case.name not in names, case.name
        names.add(case.name)
        case.write()
    print(f"wrote {len(names)} cases to {CASES}")


if __name__ == "__main__":
    main()
