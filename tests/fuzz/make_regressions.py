#!/usr/bin/python3
"""Writes the damaged and edge-case inputs of tests/fuzz/regressions/<target>/: the kinds of input a
fuzzer finds first (empty, cut short, one byte changed, too deep, the wrong kind of file, made for
another course), small, one file each, for the entry points in tests/fuzz/entries.h.
test_fuzz_regressions replays them on every scripts/test run and compares each outcome with the one
recorded in tests/fuzz/regressions/<target>.expected (a new input's line is printed by the test:
check it, then add it).

The inputs are committed: this script says how they were made. Re-running it rewrites the files it
makes; snapshots and records come from `granice simulate`, so after a content change they differ
from the committed ones (and may decode differently): commit them only on purpose.
Run from the repository root after a native build:
  /usr/bin/python3 tests/fuzz/make_regressions.py [build/native/granice]"""
import base64
import json
import pathlib
import subprocess
import sys
import tempfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fuzz" / "regressions"
BASE = ROOT / "tests" / "content" / "valid"
GRANICE = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "native" / "granice")


def simulate(content, seed):
    """The first simulated learner's record (JSON text) for the content folder."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(GRANICE), "simulate", "--learners", "1", "--seed", str(seed), "--out", tmp,
                        "--content", str(content)], check=True, capture_output=True)
        return next(pathlib.Path(tmp).glob("*.json")).read_text(encoding="utf-8")


def b64url_decode(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def b64url_encode(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def with_crc(body):
    """Snapshot bytes with their CRC32 (IEEE, big-endian) recomputed (core/state/snapshot.h layout)."""
    return body + zlib.crc32(body).to_bytes(4, "big")


def xz_lzma(data):
    """LZMA-alone as scripts/lzma_file.js makes it: xz's output with the real size in the header."""
    packed = subprocess.run(["xz", "--format=lzma", "--lzma1=preset=6,lc=4,pb=0", "--stdout"], input=data,
                            check=True, capture_output=True).stdout
    return packed[:5] + len(data).to_bytes(8, "little") + packed[13:]


def replace_once(text, old, new):
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def write(target, inputs):
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in inputs.items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    print(f"{target}: {len(inputs)} inputs in {folder.relative_to(ROOT)}")


def main():
    real = json.loads(simulate(ROOT / "quizzes", 5))
    tiny_record = simulate(BASE, 5)   # a record of the lint corpus's base course: another course id
    snap = real["snapshot"]
    tiny_snap = json.loads(tiny_record)["snapshot"]
    raw = b64url_decode(snap[3:])

    # [SECTION] snapshot: decode_snapshot against the real course
    write("snapshot", {
        "valid": snap,
        "empty": "",
        "prefix-only": "G1.",
        "not-a-snapshot": "hello, world",
        "future-format": "G9." + snap[3:],
        "bad-character": snap[:40] + "*" + snap[41:],
        "cut-in-half": snap[: len(snap) // 2],
        "last-character-missing": snap[:-1],
        "one-character-changed": snap[:60] + ("A" if snap[60] != "A" else "B") + snap[61:],
        "longer-than-suspend-data": "G1." + "A" * 4100,
        "other-course": tiny_snap,
        "payload-cut-checksum-fixed": "G1." + b64url_encode(with_crc(raw[: len(raw) // 2])),
        "payload-zeroed-checksum-fixed": "G1." + b64url_encode(with_crc(raw[:7] + bytes(len(raw) - 11))),
    })

    # [SECTION] record: from_record (no course needed) and the fast reader beside it
    rec = tiny_record
    write("record", {
        "valid": rec,
        "empty": "",
        "open-brace": "{",
        "array": "[]",
        "cut-in-half": rec[: len(rec) // 2],
        "other-format": replace_once(rec, '"granice-record"', '"scorm-record"'),
        "future-format-version": replace_once(rec, '"format_version": 1', '"format_version": 99'),
        "attempts-as-text": replace_once(rec, '"attempts": 1,', '"attempts": "1",'),
        "derived-score-as-text-ignored": replace_once(rec, '"score": ', '"score": "80", "x_score": '),
        "huge-number": replace_once(rec, '"seed": ', '"seed": 1e999, "x_seed": '),
        "deep-nesting": '{"format": "granice-record", "modules": ' + "[" * 5000 + "]" * 5000 + "}",
        "nul-byte-in-name": replace_once(rec, '"learner": {', '"learner": {"x\u0000": 1, '),
        "invalid-utf8": rec.encode("utf-8").replace(b'"format"', b'"form\xff\xfeat"', 1),
    })

    # [SECTION] scorm: byte 0 picks the parser (entries.h)
    z = "\0"
    damaged_snap = snap[:60] + ("A" if snap[60] != "A" else "B") + snap[61:]
    write("scorm", {
        "location-unknown-module": "\x00lesson:m99:1",
        "location-garbage": "\x00:::::",
        "language-unknown": "\x01xx-YY",
        "count-negative": "\x02-1",
        "count-too-big": "\x02" + "9" * 30,
        "name-control-characters-long": "\x03Kowalski,\x01\x7f Jan " + "ą" * 300,
        "entry-upper-case": "\x04RESUME",
        "time-february-30": "\x052026-02-30T08:00:00Z",
        "time-without-zone": "\x052026-12-01T08:22:48",
        "saved-record-cut": "\x06" + json.dumps(real)[:5000],
        "saved-snapshot-damaged": "\x06" + damaged_snap,
        "saved-record-other-course": "\x06" + tiny_record,
        "saved-blank": "\x06 \n\t ",
        "resume-suspend-damaged": "\x07resume" + z + damaged_snap + z + "home" + z + "id7" + z + "Nowak, Anna" + z + "pl" + z + "3",
        "resume-suspend-empty": "\x08resume" + z + z + z + "id8" + z + "Anna" + z + "en-GB" + z + "0",
        "resume-unknown-location": "\x08resume" + z + snap + z + "lesson:m99:9" + z + "id8" + z + "Anna" + z + "en" + z + "0",
    })

    # [SECTION] lzma: the page's decoder
    text = (BASE / "course.json").read_bytes()
    good = xz_lzma(text)
    write("lzma", {
        "valid": good,
        "empty": b"",
        "header-cut": good[:7],
        "properties-out-of-range": b"\xff" + good[1:],
        "size-unknown": good[:5] + b"\xff" * 8 + good[13:],
        "size-too-large": good[:5] + (2 << 20).to_bytes(8, "little") + good[13:],
        "size-larger-than-stream": good[:5] + (len(text) + 100).to_bytes(8, "little") + good[13:],
        "stream-cut-in-half": good[: 13 + (len(good) - 13) // 2],
        "range-coder-bad-start": good[:13] + b"\x01" + good[14:],
    })

    # [SECTION] xliff: granice xliff import into the base course plus tests/content/xliff/interface.json
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp) / "c"
        folder.mkdir()
        for f in BASE.glob("*.json"):
            (folder / f.name).write_bytes(f.read_bytes())
        (folder / "interface.json").write_bytes((ROOT / "tests/content/xliff/interface.json").read_bytes())
        export = subprocess.run([str(GRANICE), "xliff", "export", "--source", "pl", "--target", "en", str(folder)],
                                check=True, capture_output=True).stdout.decode("utf-8")
    unit_start = export.index('      <trans-unit id="course.json#/title"')
    unit_end = export.index("</trans-unit>\n", unit_start) + len("</trans-unit>\n")
    write("xliff", {
        "valid": export,
        "empty": "",
        "cut-in-half": export[: len(export) // 2],
        "doctype-entity": export.replace("<xliff", '<!DOCTYPE x [<!ENTITY e "ee">]><xliff', 1),
        "unknown-entity": export.replace("Tiny course", "Tiny&nbsp;course", 1),
        "invalid-utf8": export.encode("utf-8").replace(b"Tiny course", b"Tiny \xff course", 1),
        "not-xliff": export.replace("<xliff", "<xlf", 1).replace("</xliff>", "</xlf>", 1),
        "version-2": export.replace('version="1.2"', 'version="2.0"', 1),
        "unit-twice": export[:unit_end] + export[unit_start:unit_end] + export[unit_end:],
        "unknown-id": export.replace('id="course.json#/title"', 'id="course.json#/titel"', 1),
        "stale-source": export.replace("<source>Mały kurs</source>", "<source>Duży kurs</source>", 1),
        "target-empty": export.replace(">Tiny course</target>", "></target>", 1),
        "placeholder-lost": export.replace("{name} completed", "Someone completed", 1),
        "too-long": export.replace(">Next</target>", ">Next page, please</target>", 1),
        "inline-markup": export.replace(">Tiny course</target>", '>Tiny <g id="1">course</g></target>', 1),
        "deep-nesting": export.replace("<body>", "<body>" + "<group>" * 300, 1),
    })

    # [SECTION] loader: byte 0 picks the file of the base course (sorted: assessment, course, module,
    # resources), the rest replaces it
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(BASE.glob("*.json"))}
    names = sorted(files)
    sel = {n: chr(i) for i, n in enumerate(names)}
    M, C, A, R = "m1-boundaries.json", "course.json", "assessment.json", "resources.json"
    m, c = files[M], files[C]
    write("loader", {
        "module-valid": sel[M] + m,
        "module-selector-wraps": chr(4 + ord(sel[M])) + m,
        "module-empty": sel[M],
        "module-cut-in-half": sel[M] + m[: len(m) // 2],
        "module-byte-order-mark": sel[M] + "\ufeff" + m,
        "module-invalid-utf8": (sel[M] + m).encode("utf-8").replace(b'"Granice"', b'"Gran\xff\xfeice"', 1),
        "module-nul-byte-in-text": sel[M] + replace_once(m, '"Granice"', '"Gra\u0000nice"'),
        "module-lone-surrogate": sel[M] + replace_once(m, '"Granice"', '"Gra\\ud800nice"'),
        "module-deep-nesting": sel[M] + "[" * 300 + "]" * 300,
        "module-array": sel[M] + "[]",
        "module-huge-number": sel[M] + replace_once(m, '"number": 1,', '"number": 1e999,'),
        "module-number-negative-huge": sel[M] + replace_once(m, '"number": 1,', '"number": -99999999999999999999,'),
        "course-no-modules": sel[C] + replace_once(c, '"modules": ["m1-boundaries.json"]', '"modules": []'),
        "course-lists-itself-as-module": sel[C] + replace_once(c, '"modules": ["m1-boundaries.json"]', '"modules": ["course.json"]'),
        "course-resources-is-the-module": sel[C] + replace_once(c, '"resources": "resources.json"', '"resources": "m1-boundaries.json"'),
        "assessment-no-questions": sel[A] + files[A][: files[A].index('"questions"')] + '"questions": []\n}\n',
        "resources-empty-list": sel[R] + '{ "resources": [] }',
    })


if __name__ == "__main__":
    main()
