#!/usr/bin/env python3
"""How much of the third-party flattened PDFs (../shared/corpus/pdf-flat/,
all but the survey tool's own eusurvey__*.pdf) `formsift extract` reads the
way a person reading the printed page does.

    check_pdf_flat.py [--pinned N] FORMSIFT CORPUS_DIR EXPECTED_DIR

It measures; with --pinned N it also pins the figure: it fails when the
answers right are not exactly N (fewer: a regression; more: raise the pin),
so the test says what is true.

EXPECTED_DIR holds one JSON file per PDF, written by reading the rendered
pages: {"source": FILE, "note": ..., "answers": [{"label", "value", "page"}]},
a label as printed and the answer a reader records (text, the ticked
option's label, a list when several are ticked, null when visibly empty).

For each expected file the checker runs `FORMSIFT extract CORPUS_DIR/FILE`
(no template). Its standard output is one JSON record, or an array of
records of which the first is used; the record's "answers" maps a question
id to an object with "value" (and, when there is one, "title"/"label"/
"question" text, and "where": {"page": N}).

Comparison rules:

* Labels. Both sides are normalised: NFKD with combining marks dropped,
  case folded, a leading "*" and leading numbering ("1.", "19)", "a)",
  "IV.", or a bare leading number such as the "20" formsift keeps from
  "* 20.") removed, every other non-alphanumeric character made a space,
  whitespace folded. When formsift gives the question a title, the title is
  compared with the label. When it gives only the id (generic records key
  questions by a slug of the title: ASCII words, numbering stripped, at most
  eight words, "_2", "_3" added to repeats), the id is compared, with and
  without a trailing "_N", against the label cut to its first eight words.
  Similarity is difflib.SequenceMatcher's ratio; a pair counts when it is
  at least 0.8. Expected labels are paired one-to-one with record
  questions, best ratio first (ties: the id itself before the id without
  its "_N", then a question on the expected page, then form order), so two
  expected "Name" fields need two questions.
* Values. A label not found is not right, whatever it expects. Otherwise
  null, "", [] and {} (or a list of such) all mean no answer; strings
  compare after NFKC, case folding and whitespace folding; a list of one
  item equals that item; lists of several compare as sets; anything else
  (a table, a matrix) compares as its folded JSON text, so it only matches
  the same structure.

Per file it prints labels found, answers right, how many answers formsift
gave, and the first mismatches (expected vs got); then the total
"answers right: R/T, labels found: F/T". It is a measurement: it exits 0
unless it is called wrongly.
"""
import difflib
import json
import os
import re
import subprocess
import sys
import unicodedata

THRESHOLD = 0.8
SLUG_WORDS = 8
SHOW_MISMATCHES = 5

_NUMBERING = re.compile(r"^\s*\(?(?:\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,6}|[a-z])[.)]\s+", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^\d{1,3}\s+")


def norm_label(text):
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.lstrip().lstrip("*").lstrip()
    s = _NUMBERING.sub("", s)
    s = re.sub(r"[\W_]+", " ", s).strip()
    s = _LEADING_NUMBER.sub("", s)
    return s


def similarity(a, b):
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def fold_text(s):
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


def fold_value(v):
    """None for no answer, a string, a frozenset for several options, or
    folded JSON text for anything else."""
    if v is None:
        return None
    if isinstance(v, bool):
        return fold_text(str(v))
    if isinstance(v, (int, float)):
        return fold_text(str(v))
    if isinstance(v, str):
        return fold_text(v) or None
    if isinstance(v, dict):
        if not v or all(fold_value(x) is None for x in v.values()):
            return None
        return fold_text(json.dumps(v, ensure_ascii=False, sort_keys=True))
    if isinstance(v, list):
        items = [fold_value(x) for x in v]
        items = [x for x in items if x is not None]
        if not items:
            return None
        if len(items) == 1:
            return items[0]
        if all(isinstance(x, str) for x in items):
            return frozenset(items)
        return fold_text(json.dumps(v, ensure_ascii=False, sort_keys=True))
    return fold_text(str(v))


def show(v, limit=90):
    text = json.dumps(v, ensure_ascii=False) if v is not None else "null"
    return text if len(text) <= limit else text[:limit] + "..."


def record_questions(record):
    """[(id, candidate strings, page, value)] of the record's answers."""
    out = []
    answers = record.get("answers") or {}
    if isinstance(answers, list):  # tolerate a list of {"question": id, ...}
        answers = {a.get("question") or a.get("id") or str(i): a for i, a in enumerate(answers)}
    for qid, a in answers.items():
        if not isinstance(a, dict):
            a = {"value": a}
        title = a.get("title") or a.get("label")
        if not title and isinstance(a.get("question"), str) and a.get("question") != qid:
            title = a.get("question")
        if title:
            cands = [(norm_label(title), False, True)]
        else:
            cands = [(norm_label(qid.replace("_", " ")), True, True)]
            stripped = re.sub(r"_\d+$", "", qid)
            if stripped != qid:
                cands.append((norm_label(stripped.replace("_", " ")), True, False))
        where = a.get("where") or {}
        page = where.get("page") if isinstance(where, dict) else None
        out.append((qid, cands, page, a.get("value")))
    return out


def pair_score(label, cands):
    """(ratio, 1 when the id itself rather than the id without "_N" gave it)"""
    full = norm_label(label)
    cut = " ".join(full.split()[:SLUG_WORDS])
    return max((similarity(cut if is_slug else full, c), 1 if whole else 0) for c, is_slug, whole in cands)


def run_formsift(formsift, path):
    try:
        out = subprocess.run([formsift, "extract", path], capture_output=True, text=True,
                             timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, "could not run: %s" % e
    try:
        doc = json.loads(out.stdout)
    except ValueError:
        return None, "exit %d, no JSON on stdout: %s" % (out.returncode, out.stderr.strip()[:200])
    if isinstance(doc, list):
        doc = doc[0] if doc else {}
    if not isinstance(doc, dict):
        return None, "exit %d, unexpected output" % out.returncode
    return doc, None


def check_file(formsift, corpus, exp):
    expected = exp.get("answers") or []
    doc, err = run_formsift(formsift, os.path.join(corpus, exp["source"]))
    questions = record_questions(doc) if doc else []
    # one-to-one pairing, best ratio first, same page breaking ties, then form order
    pairs = []
    for i, e in enumerate(expected):
        for j, (_qid, cands, page, _v) in enumerate(questions):
            r, whole = pair_score(e.get("label", ""), cands)
            if r >= THRESHOLD:
                pairs.append((-r, -whole, 0 if page == e.get("page") else 1, i, j))
    pairs.sort()
    match = {}
    used = set()
    for _r, _w, _p, i, j in pairs:
        if i in match or j in used:
            continue
        match[i] = j
        used.add(j)
    found = right = 0
    problems = []
    for i, e in enumerate(expected):
        label = e.get("label", "")
        if i not in match:
            best = max(((pair_score(label, q[1])[0], q[0]) for q in questions), default=(0.0, None))
            problems.append("%r: label not found (expected %s; closest id %s, %.2f)"
                            % (label, show(e.get("value")), best[1], best[0]))
            continue
        found += 1
        qid, _c, _p, got = questions[match[i]]
        if fold_value(e.get("value")) == fold_value(got):
            right += 1
        else:
            problems.append("%r: expected %s, got %s [%s]" % (label, show(e.get("value")), show(got), qid))
    return len(expected), found, right, len(questions), problems, err


def main():
    floor = None
    if len(sys.argv) > 2 and sys.argv[1] == "--pinned":
        floor = int(sys.argv[2])
        del sys.argv[1:3]
    if len(sys.argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    formsift, corpus, expected_dir = sys.argv[1:4]
    total = found_all = right_all = 0
    for name in sorted(os.listdir(expected_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(expected_dir, name), encoding="utf-8") as f:
            exp = json.load(f)
        n, found, right, got, problems, err = check_file(formsift, corpus, exp)
        total += n
        found_all += found
        right_all += right
        print("%s: labels found %d/%d, answers right %d/%d (formsift gave %d answers)"
              % (exp["source"], found, n, right, n, got))
        if err:
            print("  formsift: " + err)
        for p in problems[:SHOW_MISMATCHES]:
            print("  " + p)
        if len(problems) > SHOW_MISMATCHES:
            print("  ... and %d more" % (len(problems) - SHOW_MISMATCHES))
    print("answers right: %d/%d, labels found: %d/%d" % (right_all, total, found_all, total))
    if floor is not None and right_all != floor:
        print("answers right %d, pinned at %d: %s" % (
            right_all, floor, "a regression" if right_all < floor else "better: raise the pin in tests/CMakeLists.txt"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
