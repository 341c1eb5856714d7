#!/usr/bin/env bash
# The command line as a user meets it: exit codes, batches that go on past
# bad files, output formats. Usage: cli_test.sh FORMSIFT SOURCE_DIR
set -u
fs=$1
cd "$2" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
expect() {  # expect NAME WANT_RC ACTUAL_RC
  if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL: $1: exit $3, expected $2"; fails=$((fails + 1)); fi
}
contains() {  # contains NAME FILE PATTERN
  if grep -q -- "$3" "$2"; then pass=$((pass + 1)); else echo "FAIL: $1: no '$3' in output:"; head -20 "$2"; fails=$((fails + 1)); fi
}

seed=samples/html/tssp-progress-report-2020-h1.html

"$fs" extract "$seed" > "$tmp/seed.json"; expect "extract seed" 0 $?
contains "extract seed names the template" "$tmp/seed.json" '"id": "tssp-progress-report"'

"$fs" check samples/html/tssp-progress-report-2020-h1-no-summary.html > "$tmp/check.txt"; expect "check without summary" 1 $?
contains "check names the missing answer" "$tmp/check.txt" \
  '^samples/html/tssp-progress-report-2020-h1-no-summary.html:line [0-9]*: error: executive_summary: mandatory question .* has no answer \[missing-mandatory\]$'

# a batch goes on past files that cannot be read, and says which
"$fs" extract "$seed" samples/bad/empty.html samples/bad/not-there.html samples/bad/binary-junk.html \
  --format jsonl > "$tmp/batch.jsonl" 2> "$tmp/batch.err"; expect "batch with unreadable files" 3 $?
[ "$(wc -l < "$tmp/batch.jsonl")" = 4 ]; expect "one JSONL record per input" 0 $?
contains "batch record of the good file" "$tmp/batch.jsonl" '"status":"ok"'
contains "batch message for the empty file" "$tmp/batch.err" 'samples/bad/empty.html: error: file is empty \[input-empty\]'
contains "batch message for the missing file" "$tmp/batch.err" 'samples/bad/not-there.html: error: cannot open: No such file or directory \[input-unreadable\]'

# an answer that once crashed the process (an unclosed tag over 300 KB; a
# 200 KB word, for infer): its findings, and those of the files around it
gen() { python3 tools/make-generated-sample "samples/bad/$1.gen" > "$tmp/$1"; }
gen unclosed-tag-answer.md; gen unclosed-tag-textarea.html; gen long-word-answer.md
good=samples/html/form-event-feedback.html
"$fs" check "$good" "$tmp/unclosed-tag-answer.md" "$good" > "$tmp/around.txt"; expect "check good bad good" 1 $?
[ "$(grep -c "^$good:" "$tmp/around.txt")" = 2 ]; expect "findings of the good file before and after" 0 $?
contains "findings of the bad file" "$tmp/around.txt" \
  'unclosed-tag-answer.md:line 11: error: please_list_the_leading_regions: mandatory question .* has no answer \[missing-mandatory\]'
"$fs" check "$tmp/unclosed-tag-textarea.html" "$good" > "$tmp/textarea.txt"; expect "check the text area, then a good file" 1 $?
contains "text area's findings" "$tmp/textarea.txt" 'unclosed-tag-textarea.html:line 9: error: leading_regions'
"$fs" infer "$tmp/long-word-answer.md" "$tmp/unclosed-tag-answer.md" > "$tmp/long.yaml"; expect "infer on long answers" 0 $?
contains "infer drafts the questions after the long answers" "$tmp/long.yaml" 'label: Contact e-mail'

# standard input, CSV, output directory with a summary
"$fs" extract - --format csv < "$seed" > "$tmp/seed.csv"; expect "extract stdin csv" 0 $?
contains "csv header" "$tmp/seed.csv" '^path,status,template,question,value,parsed$'
contains "csv row" "$tmp/seed.csv" '^-,ok,tssp-progress-report,reporting_period,January - June 2020,"{""type"":""date"",""value"":""2020-01/2020-06"",""precision"":""month"",""interval"":true}"$'
contains "csv region" "$tmp/seed.csv" 'leading_regions,.*""nuts"":""ES61""'
"$fs" extract samples/html/*.html -o "$tmp/out/" 2> "$tmp/summary.txt"; rc=$?
[ "$rc" = 1 ]; expect "extract all samples (some have errors)" 0 $?
[ -f "$tmp/out/tssp-progress-report-2020-h1.json" ]; expect "one file per input" 0 $?
contains "summary counts files" "$tmp/summary.txt" '^formsift: [0-9]* file(s):'

# usage and mapping errors exit 2
"$fs" extract > /dev/null 2>&1; expect "no input" 2 $?
"$fs" frobnicate > /dev/null 2>&1; expect "unknown command" 2 $?
"$fs" extract "$seed" --format xml > /dev/null 2>&1; expect "unknown format" 2 $?
printf 'id: x\nsections:\n  - id: s\n    questions:\n      - id: a\n        label: A\n        type: essay\n' > "$tmp/bad.yaml"
"$fs" extract "$seed" --mapping "$tmp/bad.yaml" > /dev/null 2> "$tmp/map.err"; expect "bad mapping" 2 $?
contains "mapping error is located" "$tmp/map.err" "bad.yaml:line 7: error: unknown question type 'essay'"

# an explicit mapping, and a mappings directory
"$fs" extract "$seed" --mapping mappings/tssp-progress-report.yaml > "$tmp/m.json"; expect "explicit mapping" 0 $?
cmp -s "$tmp/m.json" "$tmp/seed.json"; expect "explicit mapping gives the same record" 0 $?

# fields: raw controls, exit 3 only for unreadable input
"$fs" fields samples/html/form-event-feedback.html > "$tmp/fields.json"; expect "fields" 0 $?
contains "fields lists the radio group" "$tmp/fields.json" '"kind": "radio"'
"$fs" fields samples/bad/empty.html > /dev/null 2>&1; expect "fields on an empty file" 3 $?

# determinism: byte-identical output across runs
"$fs" extract "$seed" > "$tmp/again.json"
cmp -s "$tmp/again.json" "$tmp/seed.json"; expect "deterministic output" 0 $?

# encrypted PDFs: a clear error without the password, read with it
"$fs" fields samples/bad/encrypted.pdf > /dev/null 2> "$tmp/enc.err"; expect "encrypted PDF without password" 3 $?
contains "encrypted PDF message" "$tmp/enc.err" 'encrypted PDF, give --password \[pdf-encrypted\]'
"$fs" fields samples/bad/encrypted.pdf --password secret > "$tmp/enc.json"; expect "encrypted PDF with password" 0 $?
contains "encrypted PDF fields" "$tmp/enc.json" '"value": "Ann"'
"$fs" fields samples/bad/encrypted.pdf --password wrong > /dev/null 2> "$tmp/enc2.err"; expect "wrong password" 3 $?
contains "wrong password message" "$tmp/enc2.err" 'pdf-bad-password'

"$fs" --help > "$tmp/help.txt"; expect "help" 0 $?
contains "help documents exit codes" "$tmp/help.txt" 'Exit codes'

# an XML results export: one record per answer set, as a JSON array or JSONL,
# in an output directory one file for the export; damage after complete sets
xml=samples/xml/tssp-progress-report-2020-results.xml
"$fs" extract "$xml" --format jsonl > "$tmp/xml.jsonl"; expect "extract XML export (a set misses a mandatory answer)" 1 $?
[ "$(wc -l < "$tmp/xml.jsonl")" = 4 ]; expect "one JSONL record per answer set" 0 $?
contains "answer set position in source" "$tmp/xml.jsonl" '"answer_set":"4"'
"$fs" extract "$xml" > "$tmp/xml.json"; expect "extract XML export as JSON" 1 $?
contains "an export of many answer sets is a JSON array" "$tmp/xml.json" '^\[$'
"$fs" extract "$xml" "$seed" -o "$tmp/xml-out/" 2> "$tmp/xml-summary.txt"; expect "XML and HTML into a directory" 1 $?
[ -f "$tmp/xml-out/tssp-progress-report-2020-results.json" ]; expect "one output file for the export" 0 $?
contains "summary counts files and records" "$tmp/xml-summary.txt" '^formsift: 2 file(s), 5 record(s):'
"$fs" check samples/bad/malformed-results.xml > "$tmp/malformed.txt"; expect "damaged export" 3 $?
contains "damaged export: located error" "$tmp/malformed.txt" ':line 722: error: malformed XML: .*cut short.* \[xml-malformed\]$'
[ "$(grep -c 'missing-mandatory' "$tmp/malformed.txt")" = 1 ]; expect "damaged export: the answer sets before the damage are read" 0 $?

# infer drafts a template that extract reads back; no readable input: exit 3
"$fs" infer samples/xml/tssp-progress-report-2020-results.xml -o "$tmp/drafted.yaml" 2> "$tmp/infer.err"; expect "infer from an XML export" 0 $?
contains "drafted template names the survey tool's ids" "$tmp/drafted.yaml" '^ *uid: '
contains "drafted template asks a person to decide" "$tmp/drafted.yaml" 'does not say which questions are mandatory'
"$fs" extract samples/xml/tssp-progress-report-2020-results.xml --mapping "$tmp/drafted.yaml" --format jsonl > "$tmp/drafted.jsonl"
expect "extract with the drafted template (one answer set has two radios checked)" 1 $?
[ "$(grep -c '"template":{"id":"tssp_monitoring_progress_report"' "$tmp/drafted.jsonl")" = 4 ]; expect "every answer set under the drafted template" 0 $?
"$fs" infer samples/bad/empty.html > /dev/null 2>&1; expect "infer from nothing readable" 3 $?

# limits: each has its option, and what it leaves out is said
"$fs" check --max-seconds 0.001 samples/pdf/ruled-table.pdf > "$tmp/late.txt"; expect "a PDF over its time" 0 $?
contains "time limit said" "$tmp/late.txt" 'warning: .*(--max-seconds).* \[time-limit\]$'
"$fs" check --max-cells 8 samples/html/tssp-progress-report-2020-h1.html > "$tmp/cells.txt"; expect "tables over the cell limit" 0 $?
contains "cell limit said" "$tmp/cells.txt" 'warning: table of .* cells, over the limit of 8 (--max-cells): its first 2 of .* rows are kept \[too-many-cells\]$'
"$fs" check --max-objects 1000 samples/bad/many-paths.pdf > "$tmp/objects.txt"; expect "objects over the limit" 0 $?
contains "object limit said" "$tmp/objects.txt" 'more than 1000 drawing objects on the page (--max-objects)'

# a question of the template not found is said, and the record is partial; never on a complete document
"$fs" extract samples/bad/page-missing.pdf > "$tmp/cut.json"; expect "a PDF with a page cut out" 1 $?
contains "page cut out: status partial" "$tmp/cut.json" '^  "status": "partial",$'
[ "$(grep -c '"code": "question-not-found"' "$tmp/cut.json")" = 3 ]; expect "page cut out: its three questions not found" 0 $?
"$fs" extract samples/pdf/tssp-progress-report-2020-h1.eusurvey.pdf > "$tmp/whole.json"; expect "the same PDF whole" 0 $?
! grep -q 'question-not-found' "$tmp/whole.json"; expect "the whole PDF: every question found" 0 $?
# (but the XML export of a form with a confirmation: the survey tool never exports its answer)
! grep -l 'question-not-found' samples/html/*.expected.json samples/pdf/*.expected.json samples/markdown/*.expected.json \
    $(ls samples/xml/*.expected.json | grep -v workshop-evaluation); expect "no sample of a complete document has a question not found" 0 $?
[ "$(grep -c '"code": "question-not-found"' samples/xml/workshop-evaluation-2024-results.expected.json)" = 1 ]
expect "the XML export: only the confirmation not found" 0 $?

echo "$pass passed, $fails failed"
[ "$fails" = 0 ]
