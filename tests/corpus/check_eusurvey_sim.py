#!/usr/bin/env python3
"""Simulated survey-tool submissions (../shared/corpus/eusurvey-sim): every
contribution in its four channels (print view, the survey tool's PDF, a
browser print of the print view, the XML results export) must give exactly
the answers and missing-mandatory findings its NN.expected.json lists, with
the bundled template s3p-annual-self-assessment chosen by itself (no
--mapping), status ok and no question-not-found.

    check_eusurvey_sim.py FORMSIFT CORPUS_DIR
    check_eusurvey_sim.py --infer FORMSIFT CORPUS_DIR
    check_eusurvey_sim.py FORMSIFT CORPUS_DIR DOC...

With DOC arguments, those documents are checked instead of the corpus's own:
each named NN-… (another rendering of contribution NN, e.g. its print view
printed under a layout sweep's variation) against NN.expected.json.

--accept FILE lists known differences, one a line: the document's file
name, a tab, the question id (or "status", "missing-mandatory",
"question-not-found"), a tab, why. Those are reported but do not fail the
check; one that no longer occurs fails it (the list must say what is true).

With --infer, the template is drafted by `formsift infer` from the eight XML
exports and print views (English and French), and a person's review is
played by renaming its question ids to the form's (by the survey tool's
element ids it keeps, nothing else); the draft must know every question
(by uid), the mandatory ones and the matrix rows with stars (from the print
views), the dependent question (from the exports), the French wording of
every title, and then read all 32 documents as well as the bundled template.

Comparison rules (the corpus README's, and ours):
- text: Unicode NFC, every run of white space one space, trimmed; markup a
  respondent typed into an answer (`<b>…</b>`) may be kept or read, so tags
  are taken out of both sides before comparing;
- labels of options, matrix rows and columns and table columns are the
  template's (English) spelling: the expected French labels of a French
  contribution are mapped to English through form.json's i18n;
- a multiple choice is the chosen labels in the order of the form's options;
  a table the non-empty rows, every column present; a matrix the answered
  rows; unanswered (null, [] or {}) all count as no answer;
- missing-mandatory: the set of question ids the record's missing-mandatory
  findings name, equal to the expected list.
"""
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

CHANNELS = ["print.html", "eusurvey.pdf", "browser.pdf", "results.xml"]
TEMPLATE = "s3p-annual-self-assessment"


def drafted_template(formsift, corpus, form, problems):
    """The drafted template, its ids renamed to the form's by uid; its path."""
    import tempfile
    out = tempfile.mkdtemp()
    draft = os.path.join(out, "drafted.yaml")
    sources = sorted(glob.glob(os.path.join(corpus, "*.results.xml"))) + sorted(
        glob.glob(os.path.join(corpus, "*.print.html")))
    subprocess.run([formsift, "infer", "-o", draft] + sources, check=True, capture_output=True)
    text = open(draft, encoding="utf-8").read()
    by_uid = {e["uid"]: e for e in form["elements"] if e["kind"] == "question"}
    # the draft's ids and uids, read from its lines (no YAML library needed)
    rename = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^ +- id: (\S+)", line)
        if m:
            current = m.group(1)
        m = re.match(r"^ +uid: (\S+)", line)
        if m and current is not None and m.group(1) in by_uid:
            rename[current] = by_uid[m.group(1)]["id"]
    missing = sorted(set(e["id"] for e in by_uid.values()) - set(rename.values()))
    if missing:
        problems.append("the draft lacks questions (by uid): %s" % missing)
    for old, new in sorted(rename.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(r"(?<=- id: )%s(?=\s|$)" % re.escape(old), new, text, flags=re.M)
        text = re.sub(r"(?<=question: )%s(?=[,}])" % re.escape(old), new, text)
    renamed = os.path.join(out, "renamed.yaml")
    open(renamed, "w", encoding="utf-8").write(text)
    # what the draft must know
    blocks = {m.group(1): m.group(0) for m in re.finditer(r"^ +- id: (\S+).*\n(?:(?! +- id: ).*\n?)*", text, re.M)}
    bare = lambda t: re.sub(r"\s+", "", fold(t))  # titles of several paragraphs: compared without spaces
    for e in by_uid.values():
        block = blocks.get(e["id"], "")
        if bool(e.get("mandatory")) != ("mandatory: true\n" in block.split("options:")[0].split("rows:")[0]):
            problems.append("draft: %s mandatory should be %s" % (e["id"], bool(e.get("mandatory"))))
        if bare(e["i18n"]["FR"]["title"]) not in bare(block):
            problems.append("draft: %s lacks its French title" % e["id"])
        for r in e.get("rows", []):
            if r.get("mandatory") and "label: %s, alt_labels: [%s], mandatory: true}" % (r["label"], r["i18n"]["FR"]) not in block:
                problems.append("draft: %s row %r should be mandatory" % (e["id"], r["label"]))
        if "depends_on" in e and "shown_if: {question: %s, option: %s}" % (
                e["depends_on"]["question"], e["depends_on"]["option"]) not in block:
            problems.append("draft: %s should be shown only by %s" % (e["id"], e["depends_on"]))
    return renamed


def main():
    accepted = {}
    if len(sys.argv) > 2 and sys.argv[1] == "--accept":
        for line in open(sys.argv[2], encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                name, what, why = line.rstrip("\n").split("\t", 2)
                accepted[(name, what)] = why
        del sys.argv[1:3]
    seen = set()
    infer = len(sys.argv) > 1 and sys.argv[1] == "--infer"
    if infer:
        del sys.argv[1]
    formsift, corpus = sys.argv[1], sys.argv[2]
    form = json.load(open(os.path.join(corpus, "form.json"), encoding="utf-8"))
    english = {}
    for e in form["elements"]:
        for key in ("options", "rows", "columns"):
            for o in e.get(key, []):
                english[fold(o["i18n"]["FR"])] = fold(o["label"])

    def canon(v):
        if v is None:
            return None
        if isinstance(v, str):
            v = fold(v)
            return english.get(v, v)
        if isinstance(v, list):
            out = [canon(x) for x in v]
            if out and isinstance(out[0], dict):
                out = [r for r in out if any(x for x in r.values())]
            return out or None
        if isinstance(v, dict):
            out = {canon(k): canon(x) for k, x in v.items()}
            return out or None
        return v

    right = total = 0
    failed = []
    mapping = []
    if infer:
        mapping = ["--mapping", drafted_template(formsift, corpus, form, failed)]
    expected_files = sorted(glob.glob(os.path.join(corpus, "*.expected.json")))
    if not expected_files:
        print("no NN.expected.json in " + corpus)
        return 1
    extra = sys.argv[3:]
    for path in expected_files:
        nn = os.path.basename(path)[:2]
        expected = json.load(open(path, encoding="utf-8"))
        docs = [os.path.join(corpus, "%s.%s" % (nn, channel)) for channel in CHANNELS]
        if extra:
            docs = [d for d in extra if os.path.basename(d).startswith(nn + "-")]
        for doc in docs:
            run = subprocess.run([formsift, "extract", doc] + mapping, capture_output=True, text=True, check=False)
            problems = []
            try:
                record = json.loads(run.stdout)
            except ValueError:
                failed.append("%s: no record (%s)" % (doc, run.stderr.strip()[:200]))
                total += len(expected["answers"])
                continue
            if isinstance(record, list):
                record = record[0]
            template = (record.get("template") or {}).get("id")
            if not infer and template != TEMPLATE:
                problems.append("template %r, expected %r" % (template, TEMPLATE))
            if record.get("status") != "ok":
                problems.append("status %s" % record.get("status"))
            answers = record.get("answers", {})
            for qid, want in expected["answers"].items():
                got = (answers.get(qid) or {}).get("value")
                total += 1
                if canon(want) == canon(got):
                    right += 1
                else:
                    problems.append("%s: expected %s, got %s" % (
                        qid, json.dumps(canon(want), ensure_ascii=False)[:160],
                        json.dumps(canon(got), ensure_ascii=False)[:160]))
            findings = record.get("findings", [])
            missing = sorted({f.get("question") for f in findings if f["code"] == "missing-mandatory"})
            if missing != sorted(expected["missing_mandatory"]):
                problems.append("missing-mandatory %s, expected %s" % (missing, sorted(expected["missing_mandatory"])))
            lost = [f.get("question") for f in findings if f["code"] == "question-not-found"]
            if lost:
                problems.append("question-not-found on a complete document: %s" % lost)
            known = []
            for p in list(problems):
                what = p.split(":", 1)[0].split(" ", 1)[0]
                key = (os.path.basename(doc), what)
                if key in accepted:
                    seen.add(key)
                    problems.remove(p)
                    known.append("%s (known: %s)" % (p, accepted[key]))
            print("%s: %s" % (doc, "FAILED" if problems else "ok but for known differences" if known else "ok"))
            for k in known:
                print("  " + k[:400])
            failed.extend("%s: %s" % (doc, p) for p in problems)
    for key in sorted(set(accepted) - seen):
        failed.append("%s: %s reads right now: take it off the accepted list" % key)
    print("answers right: %d/%d" % (right, total))
    for f in failed:
        print("  " + f)
    return 1 if failed else 0


def fold(s):
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"</?[A-Za-z][^<>]*>", "", s)
    return re.sub(r"\s+", " ", s).strip()


if __name__ == "__main__":
    sys.exit(main())
