#!/usr/bin/python3
"""Checks quizzes/schema/*.schema.json against the loader's rules (src/core/load_*.cpp, validator.cpp):
- every schema is a valid JSON Schema (draft 2020-12);
- every shipped content file in quizzes/ passes its schema, and its "$schema" names that schema;
- every case of the lint corpus (tests/content/cases/, made by make_corpus.py) that the loader accepts
  (ok-*, warn-*: test_lint_corpus.cpp checks the loader's verdict) passes the schemas;
- every case the loader rejects fails the schemas, in a file and at a place the loader names, unless
  it is in LOADER_ONLY below: a mistake that only the loader can see, which must pass the schemas.
A case that moves between the lists (a schema grows or loses a rule, a case is added) fails the test
until LOADER_ONLY is updated. quizzes/README.md ("What only the loader checks") lists the same rules.
Needs the jsonschema module: Debian's python3-jsonschema (scripts/setup).
Run from the repository root: /usr/bin/python3 tests/content/check_schemas.py   (exit 1 on any problem)"""
import json
import pathlib
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    sys.exit("check_schemas: the jsonschema module is missing: run scripts/setup (Debian package python3-jsonschema)")

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "quizzes" / "schema"
CASES = ROOT / "tests" / "content" / "cases"

# Rejected corpus cases whose mistake JSON Schema cannot express: they pass the schemas, and the loader
# alone reports them. Each with the reason; keep it in step with quizzes/README.md.
LOADER_ONLY = {
    # The text, not the value: a JSON parser keeps one of two equal keys, and a schema sees the value.
    "syntax-duplicate-key": "a field written twice: parsers keep one, so a schema never sees the other",
    # Which files exist, and how they refer to each other.
    "missing-course-file": "no course.json in the folder: there is no file to validate",
    "missing-module-file": "course.json names a module file that does not exist",
    "duplicate-question-id-across-files": "question ids are unique across all files",
    "unknown-objective": "objective ids are declared in course.json, used in the module files",
    "unknown-objective-in-breaks": "objective ids are declared in course.json, used in the module files",
    "contact-reference-in-course-file": "{phone:ID} names a contact of resources.json (its syntax is in the schema)",
    "contact-reference-unknown": "{phone:ID} names a contact of resources.json (its syntax is in the schema)",
    # Uniqueness of one field among array items: uniqueItems compares whole items.
    "duplicate-objective-id": "ids unique among the items of an array",
    "duplicate-option-id": "ids unique among the items of an array",
    "duplicate-pair-id": "ids unique among the items of an array",
    "duplicate-resource-id": "ids unique among the items of an array",
    # One value compared with another part of the same file (JSON Schema has no $data).
    "draw-more-than-bank": "draw compared with the number of questions",
    "quiz-draw-more-than-questions": "draw compared with the number of questions",
    "unknown-rubric-id-in-scores": "a score names a rubric id of the same role-play",
    "roleplay-start-missing": "start names a node id of the same role-play",
    "roleplay-next-missing": "next names a node id of the same role-play",
    # The role-play graph.
    "roleplay-unreachable-node": "every node reachable from start (graph reachability)",
    "roleplay-loop-without-exit": "an ending reachable from every node (graph reachability)",
    # Which languages a text has is declared in course.json: the schemas accept any language code in a
    # text (so a course adds a language as data, no schema edit), the loader checks them against it.
    "extra-language": "a text's languages are course.json's languages (another file)",
    "missing-translation": "a text's languages are course.json's languages (another file)",
    "missing-translation-in-list": "a text's languages are course.json's languages (another file)",
    # JSON Schema's "integer" is a number's value, not how it is written: 80.0 is an integer there.
    "whole-number-with-decimal-point": "whole numbers written without a decimal point",
}

ROLES = {"course.json": "course", "assessment.json": "assessment", "resources.json": "resources",
         "interface.json": "interface"}


def make_validators():
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMAS.glob("*.schema.json"))}
    for name, schema in schemas.items():
        Draft202012Validator.check_schema(schema)  # raises SchemaError with the place
    try:  # jsonschema >= 4.18 resolves "$ref" through a registry
        from referencing import Registry, Resource
        registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
        return {n: Draft202012Validator(s, registry=registry) for n, s in schemas.items()}
    except ImportError:  # Debian bookworm's 4.10
        from jsonschema import RefResolver
        store = {s["$id"]: s for s in schemas.values()}
        return {n: Draft202012Validator(s, resolver=RefResolver.from_schema(s, store=store)) for n, s in schemas.items()}


VALIDATORS = make_validators()


def schema_for(file_name):
    return ROLES.get(file_name, "module") + ".schema.json"


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def check_file(path):
    """[(pointer, message)] of what the file's schema refuses; [(None, ...)] when it is not JSON."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=reject_constant)
    except ValueError as e:
        return [(None, f"not JSON: {e}")]
    return [(pointer(e.absolute_path), e.message) for e in VALIDATORS[schema_for(path.name)].iter_errors(data)]


def check_folder(folder):
    """{file name: [(pointer, message)]} for the files that fail their schema."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        errors = check_file(path)
        if errors:
            out[path.name] = errors
    return out


def loader_places(case):
    """[(file, pointer)] of the loader's diagnostics in expected.txt ("file:line:col: /pointer: ...")."""
    places = []
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        where, _, rest = line.partition(": ")
        if where.startswith("lint_ok") or rest.startswith("warning: "):
            continue
        places.append((where.split(":")[0], rest.partition(": ")[0]))
    return places


def related(a, b):
    """One JSON pointer is the other or lies inside it ("/" is the root)."""
    a, b = a.rstrip("/"), b.rstrip("/")
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def same_place(schema_errors, places):
    for file, errors in schema_errors.items():
        for ptr, _ in errors:
            for pfile, pptr in places:
                if file == pfile and (ptr is None or related(ptr, pptr)):
                    return True
    return False


def show(errors, limit=4):
    lines = [f"      {f}: {p or '(file)'}: {m[:160]}" for f, es in errors.items() for p, m in es]
    return "\n".join(lines[:limit] + ([f"      … {len(lines) - limit} more"] if len(lines) > limit else []))


def main():
    problems = []

    # [SECTION] The shipped content
    quizzes = ROOT / "quizzes"
    shipped = sorted(quizzes.glob("*.json"))
    course = json.loads((quizzes / "course.json").read_text(encoding="utf-8"))
    listed = {"course.json", course["assessment"], course["resources"], course.get("interface", "interface.json"), *course["modules"]}
    for path in shipped:
        if path.name not in listed:
            problems.append(f"quizzes/{path.name}: not named in course.json, so no schema applies to it")
        errors = check_file(path)
        if errors:
            problems.append(f"quizzes/{path.name} fails {schema_for(path.name)}:\n" + show({path.name: errors}))
            continue
        named = json.loads(path.read_text(encoding="utf-8")).get("$schema", "")
        if (quizzes / named).resolve() != SCHEMAS / schema_for(path.name):
            problems.append(f'quizzes/{path.name}: "$schema" is "{named}", expected "schema/{schema_for(path.name)}"')
    for name in sorted(listed - {p.name for p in shipped}):
        problems.append(f"quizzes/{name}: named in course.json but missing")

    # [SECTION] The giveaway words of each language (lint/words.json, beside the course files)
    words = quizzes / "lint" / "words.json"
    data = json.loads(words.read_text(encoding="utf-8"))
    errors = [(pointer(e.absolute_path), e.message) for e in VALIDATORS["lint-words.schema.json"].iter_errors(data)]
    if errors:
        problems.append("quizzes/lint/words.json fails lint-words.schema.json:\n" + show({"lint/words.json": errors}))
    if (words.parent / data.get("$schema", "")).resolve() != SCHEMAS / "lint-words.schema.json":
        problems.append('quizzes/lint/words.json: "$schema" does not name schema/lint-words.schema.json')

    # [SECTION] The lint corpus
    cases = sorted(p for p in CASES.iterdir() if (p / "expected.txt").exists())
    if len(cases) < 30:
        problems.append(f"only {len(cases)} corpus cases in {CASES}: run tests/content/make_corpus.py")
    accepted = rejected_by_schema = not_json = loader_only = 0
    names = {c.name for c in cases}
    for name in sorted(set(LOADER_ONLY) - names):
        problems.append(f"LOADER_ONLY names {name}, which is not a corpus case: remove it")
    for case in [ROOT / "tests" / "content" / "valid"] + cases:
        errors = check_folder(case)
        loads = case.name == "valid" or case.name.startswith(("ok-", "warn-"))
        if loads:
            accepted += 1
            if errors:
                problems.append(f"{case.name}: the loader accepts it, the schemas refuse it:\n" + show(errors))
        elif case.name in LOADER_ONLY:
            loader_only += 1
            if errors:
                problems.append(f"{case.name}: listed in LOADER_ONLY ({LOADER_ONLY[case.name]}) but the schemas now "
                                "refuse it: remove it from LOADER_ONLY (and from quizzes/README.md if the rule moved):\n"
                                + show(errors))
        else:
            rejected_by_schema += 1
            not_json += any(p is None for es in errors.values() for p, _ in es)
            if not errors:
                problems.append(f"{case.name}: the loader rejects it, the schemas accept it: add the rule to the schema, "
                                "or add the case to LOADER_ONLY with the reason a schema cannot express it")
            elif not same_place(errors, loader_places(case)):
                problems.append(f"{case.name}: the schemas refuse it, but nowhere near the loader's diagnostics "
                                f"{loader_places(case)}:\n" + show(errors))

    print(f"shipped content: {len(shipped)} files checked against {len(VALIDATORS)} schemas")
    print(f"corpus: {len(cases)} cases and the valid base; the loader accepts {accepted}, all must pass the schemas")
    print(f"  the loader rejects {rejected_by_schema + loader_only}: {rejected_by_schema} must fail the schemas "
          f"({not_json} of them are not JSON), {loader_only} only the loader can see (LOADER_ONLY)")
    for p in problems:
        print("FAIL: " + p)
    print("schemas and loader agree" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
