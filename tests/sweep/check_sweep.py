#!/usr/bin/env python3
"""The layout sweep's check: every rendering of a submission gives the print
view's answers and findings.

    check_sweep.py [--accept FILE] FORMSIFT PRINT_VIEW.html PDF...

Each PDF is extracted with the template the print view is read with (the
bundled one, chosen by itself) and compared with the print view's record:
the same template, every answer equal after white space is folded (a
renderer wraps lines where it likes), the same missing-mandatory and
unanswered-matrix-row findings, status ok, no question-not-found.

--accept FILE lists known differences, one a line: the PDF's file name, a
tab, the question id (or "findings", "status"), a tab, why. Those are
reported but do not fail the check; one that no longer occurs fails it (the
list must say what is true).
"""
import json
import re
import subprocess
import sys


def record(formsift, path):
    out = subprocess.run([formsift, "extract", path], capture_output=True, text=True, check=False)
    return json.loads(out.stdout)


def fold(v):
    if isinstance(v, str):
        return re.sub(r"\s+", " ", v).strip()
    if isinstance(v, list):
        return [fold(x) for x in v]
    if isinstance(v, dict):
        return {fold(k): fold(x) for k, x in v.items()}
    return v


def findings(r):
    return sorted((f["code"], f.get("question", ""), fold(f["message"])) for f in r["findings"]
                  if f["code"] in ("missing-mandatory", "unanswered-matrix-row", "question-not-found",
                                   "multiple-selections"))


def main():
    args = sys.argv[1:]
    accepted = {}
    if args and args[0] == "--accept":
        for line in open(args[1], encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                name, what, why = line.rstrip("\n").split("\t", 2)
                accepted[(name, what)] = why
        args = args[2:]
    formsift, view, pdfs = args[0], args[1], args[2:]
    seen = set()
    if not pdfs:
        print("no PDF to check")
        return 1
    want = record(formsift, view)
    bad = 0
    with_known = 0
    right = total = 0
    for pdf in pdfs:
        got = record(formsift, pdf)
        name = pdf.rsplit("/", 1)[-1]
        problems, known = [], []

        def differs(what, text):
            if (name, what) in accepted:
                seen.add((name, what))
                known.append("%s (known: %s)" % (text, accepted[(name, what)]))
            else:
                problems.append(text)

        if (got.get("template") or {}).get("id") != want["template"]["id"]:
            problems.append("template %s" % got.get("template"))
        if got.get("status") != "ok":
            differs("status", "status %s" % got.get("status"))
        for qid, a in want["answers"].items():
            total += 1
            g = (got["answers"].get(qid) or {}).get("value")
            if fold(g) == fold(a.get("value")):
                right += 1
            else:
                differs(qid, "%s: %s, expected %s" % (qid, json.dumps(fold(g), ensure_ascii=False)[:200],
                                                      json.dumps(fold(a.get("value")), ensure_ascii=False)[:200]))
        if findings(got) != findings(want):
            differs("findings", "findings %s, expected %s" % (findings(got), findings(want)))
        print("%s: %s" % (pdf, "FAILED" if problems else "ok" if not known else "ok but for known differences"))
        for p in problems + known:
            print("  " + p[:600])
        bad += 1 if problems else 0
        with_known += 1 if known and not problems else 0
    for key in sorted(set(accepted) - seen):
        if any(p.endswith("/" + key[0]) or p == key[0] for p in pdfs):
            print("%s: %s reads right now: take it off the accepted list" % key)
            bad += 1
    print("%d of %d renderings give the print view's record, %d more but for known differences, %d fail; "
          "answers right %d/%d" % (len(pdfs) - bad - with_known, len(pdfs), with_known, bad, right, total))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
