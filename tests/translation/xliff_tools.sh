#!/usr/bin/env bash
# The XLIFF export read by real translation tools (ctest; docs/translation.md):
#   - it validates against the XLIFF 1.2 strict schema (xmllint, the schema scripts/setup unpacks
#     from Debian's php-symfony-translation into the cache, no network);
#   - translate-toolkit's pocount counts every unit;
#   - xliff2po -> po2xliff -> granice xliff import leaves the content byte for byte as it was, and
#     brings a new language (the qps pseudo-locale) in exactly as a direct import does.
# The shipped content plus tests/content/xliff/interface.json when the content has no interface.json.
# usage: tests/translation/xliff_tools.sh path/to/granice   (from the repository root)
set -euo pipefail
granice=$1
cache="${GRANICE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/granice}"
xsd="$cache/xliff-schema/xliff-core-1.2-strict.xsd"
[ -f "$xsd" ] || { echo "missing $xsd: run scripts/setup"; exit 1; }
for tool in xmllint pocount xliff2po po2xliff; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/setup"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r quizzes "$tmp/content"
[ -f "$tmp/content/interface.json" ] || cp tests/content/xliff/interface.json "$tmp/content/"
cp -r "$tmp/content" "$tmp/original"
fails=0
check() {  # check "what" command...
  if "${@:2}"; then echo "ok: $1"; else echo "FAILED: $1"; fails=$((fails + 1)); fi
}
same_tree() { diff -r "$1" "$2" >/dev/null; }

"$granice" xliff export --source pl --target en --out "$tmp/en.xlf" "$tmp/content" 2>/dev/null
"$granice" xliff export --source pl --target uk --out "$tmp/uk.xlf" "$tmp/content" 2>/dev/null
"$granice" xliff pseudo --source pl --target qps --xliff "$tmp/qps.xlf" "$tmp/content" 2>/dev/null
for f in en uk qps; do
  check "$f.xlf validates against xliff-core-1.2-strict.xsd" xmllint --noout --nonet --schema "$xsd" "$tmp/$f.xlf"
done

units=$(grep -c '<trans-unit ' "$tmp/en.xlf")
interface_units=$(grep -c '<trans-unit id="interface.json#' "$tmp/en.xlf")
check "the export has interface strings ($interface_units) among its $units units" test "$interface_units" -gt 0
total() { pocount --csv "$1" 2>/dev/null | tail -1 | awk -F', *' '{print $9}'; }
untranslated() { pocount --csv "$1" 2>/dev/null | tail -1 | awk -F', *' '{print $7}'; }
check "pocount counts all $units units of en.xlf (got $(total "$tmp/en.xlf"))" test "$(total "$tmp/en.xlf")" = "$units"
check "pocount counts all $units units of uk.xlf as untranslated (got $(untranslated "$tmp/uk.xlf"))" \
  test "$(untranslated "$tmp/uk.xlf")" = "$units"

# Through gettext and back: po2xliff keeps the ids only as locations and drops the languages.
xliff2po "$tmp/en.xlf" "$tmp/en.po" >/dev/null 2>&1
po2xliff "$tmp/en.po" "$tmp/en-back.xlf" >/dev/null 2>&1
check "xliff2po -> po2xliff -> import of the existing translation changes no byte" \
  sh -c "'$granice' xliff import '$tmp/en-back.xlf' --source pl --target en '$tmp/content' 2>/dev/null && diff -r '$tmp/content' '$tmp/original' >/dev/null"

xliff2po "$tmp/qps.xlf" "$tmp/qps.po" >/dev/null 2>&1
po2xliff "$tmp/qps.po" "$tmp/qps-back.xlf" >/dev/null 2>&1
cp -r "$tmp/original" "$tmp/via-po"
"$granice" xliff pseudo --source pl --target qps --out "$tmp/direct" "$tmp/original" 2>/dev/null
# The pseudo-locale names itself (its own name, bracketed): the import is given the same --name.
name=$(node -e 'const l = require(process.argv[1]).languages; process.stdout.write(l[l.length - 1].name || "")' "$tmp/direct/course.json")
"$granice" xliff import "$tmp/qps-back.xlf" --source pl --target qps --name "$name" "$tmp/via-po" 2>/dev/null || true
check "a new language through xliff2po -> po2xliff imports exactly as the direct import" same_tree "$tmp/via-po" "$tmp/direct"
check "the course with the new language passes granice lint" sh -c "'$granice' lint '$tmp/via-po' >/dev/null 2>&1"
# A language is either its code or {"code", "name"} (quizzes/README.md); the import appends {code, name} with --name.
check "and declares it: languages pl, en, qps" sh -c "node -e 'const l = require(process.argv[1]).languages.map((x) => x.code || x); process.exit(l.join() === \"pl,en,qps\" ? 0 : 1)' '$tmp/via-po/course.json'"
check "with its own name for the switcher ($name)" test -n "$name"
# Packed as the web build packs a course: one pack per language, each with its own texts only.
node scripts/embed_files.js pack "$tmp/packs" "$tmp/via-po"
check "one language pack per language: pl, en, qps" test "$(cd "$tmp/packs" && ls *.pack | tr '\n' ' ')" = "content-en.pack content-pl.pack content-qps.pack "
check "the qps pack holds qps texts and no Polish ones" \
  sh -c "grep -q '\"qps\":\"\\[' '$tmp/packs/course.json.qps.min' && ! grep -q '\"pl\":\"' '$tmp/packs/course.json.qps.min'"

echo "$fails failed"
[ "$fails" -eq 0 ]
