#!/usr/bin/env python3
"""The survey tool's own blank PDFs (../shared/corpus/pdf-flat/eusurvey__*.pdf,
printed in 2015): `formsift fields` must list every choice question as one
field with all its options labelled and none selected, and the questions
marked with a red `*` as required.

    check_eusurvey_flat.py FORMSIFT CORPUS_DIR
"""
import json
import subprocess
import sys

# marks per file (pdfimages -list counts 15x15 images the same), and the
# labels of the fields a red star marks mandatory
EXPECTED = {
    "eusurvey__SatisfactionSurvey.pdf": (221, 23, [
        "What is your overall impression of DIGIT ICT Conference 2014?"]),
    "eusurvey__JournalFeedbackSurvey.pdf": (62, 14, [
        "1) Please tell us something about yourself:",
        "2) For how long have you been a reader of the Journal?",
        "3) How often do you read the Journal?",
        "4) How much of each issue do you read?",
        "5) What subjects of the journal do you find most interesting or useful? (possible to pick more than one)",
        "6) How do you prefer to read the Journal"]),
}


def main():
    formsift, corpus = sys.argv[1], sys.argv[2]
    failures = 0
    failed_files = 0
    for name, (marks, groups, required) in EXPECTED.items():
        out = subprocess.run([formsift, "fields", "--format", "jsonl", corpus + "/" + name],
                             capture_output=True, text=True, check=False)
        doc = json.loads(out.stdout)
        fields = [f for f in doc["fields"] if f["origin"] == "image-mark"]
        problems = []
        options = sum(len(f["options"]) for f in fields)
        if options != marks:
            problems.append("%d image marks, expected %d" % (options, marks))
        if len(fields) != groups:
            problems.append("%d choice fields, expected %d" % (len(fields), groups))
        for f in fields:
            if not f["label"].strip():
                problems.append("field %s has no label" % f["name"])
            if any(not o["label"].strip() for o in f["options"]):
                problems.append("field %r has an unlabelled option" % f["label"])
            if any(o["selected"] for o in f["options"]):
                problems.append("field %r has a selected option in a blank survey" % f["label"])
            if f["kind"] not in ("radio", "checkbox"):
                problems.append("field %r is a %s" % (f["label"], f["kind"]))
        got_required = [f["label"] for f in fields if f["required"]]
        if got_required != required:
            problems.append("required fields %r, expected %r" % (got_required, required))
        print("%s: %d fields, %d options, %d required: %s" % (
            name, len(fields), options, len(got_required), "ok" if not problems else "FAILED"))
        for p in problems:
            print("  " + p)
        failures += len(problems)
        failed_files += 1 if problems else 0
    print("%d passed, %d failed" % (len(EXPECTED) - failed_files, failed_files))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
