#!/usr/bin/env python3
"""The layout sweep's check: every rendering of a submission gives the print
view's answers and findings.

    check_sweep.py FORMSIFT PRINT_VIEW.html PDF...

Each PDF is extracted with the template the print view is read with (the
bundled one, chosen by itself) and compared with the print view's record:
the same template, every answer equal after white space is folded (a
renderer wraps lines where it likes), the same missing-mandatory and
unanswered-matrix-row findings, status ok, no question-not-found.
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
    formsift, view, pdfs = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not pdfs:
        print("no PDF to check")
        return 1
    want = record(formsift, view)
    bad = 0
    right = total = 0
    for pdf in pdfs:
        got = record(formsift, pdf)
        problems = []
        if (got.get("template") or {}).get("id") != want["template"]["id"]:
            problems.append("template %s" % got.get("template"))
        if got.get("status") != "ok":
            problems.append("status %s" % got.get("status"))
        for qid, a in want["answers"].items():
            total += 1
            g = (got["answers"].get(qid) or {}).get("value")
            if fold(g) == fold(a.get("value")):
                right += 1
            else:
                problems.append("%s: %s, expected %s" % (qid, json.dumps(fold(g), ensure_ascii=False)[:200],
                                                         json.dumps(fold(a.get("value")), ensure_ascii=False)[:200]))
        if findings(got) != findings(want):
            problems.append("findings %s, expected %s" % (findings(got), findings(want)))
        print("%s: %s" % (pdf, "ok" if not problems else "FAILED"))
        for p in problems:
            print("  " + p)
        bad += 1 if problems else 0
    print("%d of %d renderings give the print view's record; answers right %d/%d" % (len(pdfs) - bad, len(pdfs), right,
                                                                                     total))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
