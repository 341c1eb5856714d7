#!/usr/bin/env python3
"""Self-checks for the generated PDF samples (run by tools/make-pdf-samples).

  check.py text MODEL.json PDF
      every word of every answer, title and option label of the visible elements
      occurs in the PDF's text (pdftotext -raw; whitespace and page-number lines
      ignored, so words the renderer broke across lines or pages still count; -raw
      because the default mode drops the hyphen of a line that ends in '-', as in a
      URL that Chromium broke after "www-lesechos-"); the hidden element's title must
      not occur;
  check.py fields MODEL.json FIELD_NAMES.json PDF
      the AcroForm (read with qpdf --json) holds one field per visible answer with
      the submission's value: text fields' /V, radio groups' /V through /Opt, table
      cells NAME.rR.cC, matrix rows NAME.goalNN;
  check.py noform PDF
      the PDF has no AcroForm and no widget annotations.

Exit status 0 when all checks pass, 1 otherwise (each failure on stderr).
"""

import json
import re
import subprocess
import sys


def pdftext(pdf):
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout


def qpdf_json(pdf):
    return json.loads(subprocess.run(["qpdf", "--json", "--json-stream-data=none", pdf], check=True,
                                     capture_output=True, text=True).stdout)


def squash(s):
    return re.sub(r"\s+", "", s)


def check_text(model, pdf):
    # Page-number footers can sit between the two halves of an answer split by a page break.
    text = squash("\n".join(ln for ln in pdftext(pdf).split("\n")
                             if not re.fullmatch(r"\f?\s*\d+\s*", ln)))
    bad = []
    for e in model["elements"]:
        words = []
        if e["hidden"]:
            if squash(e.get("title", "")) in text:
                bad.append("hidden element %s is printed" % e["id"])
            continue
        words += (e.get("title") or e.get("text") or "").split()
        words += e.get("value", "").split()
        for o in e.get("options", []):
            words += o["label"].split()
        for r in e.get("rows", []):
            words += r["label"].split()
            for c in r.get("cells", []):
                words += c.split()
        for w in words:
            if squash(w) not in text:
                bad.append("element %s: %r not in the text" % (e["id"], w))
    return bad


def unpdf(v):
    if v is None:
        return ""
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        return bytes.fromhex(v[2:]).decode("latin-1")
    return v


def check_fields(model, names, pdf):
    j = qpdf_json(pdf)
    objects = j["qpdf"][1]
    fields = {}
    for f in j["acroform"]["fields"]:
        fields.setdefault(f["fullname"], f)
    bad = []

    def field_dict(f):
        w = objects["obj:" + f["object"]]["value"]
        return objects["obj:" + w["/Parent"]]["value"] if "/Parent" in w and "/T" not in w else w

    def radio_value(name):
        f = fields.get(name)
        if f is None:
            bad.append("no field %s" % name)
            return None
        d = field_dict(f)
        v = d.get("/V")
        if v in (None, "/Off"):
            return None
        opts = [unpdf(o) for o in d.get("/Opt", [])]
        return opts[int(v[1:])] if opts else v[1:]

    def text_value(name):
        f = fields.get(name)
        if f is None:
            bad.append("no field %s" % name)
            return None
        return unpdf(f["value"])

    for e in model["elements"]:
        name = names.get(e["id"], {}).get("name", "q" + e["id"])
        if e["hidden"]:
            if any(k == name or k.startswith(name + ".") for k in fields):
                bad.append("hidden element %s has a field" % e["id"])
            continue
        if e["kind"] == "freetext":
            got = text_value(name)
            if got is not None and got != e["value"]:
                bad.append("%s: %r != %r" % (name, got[:60], e["value"][:60]))
            if name in fields and bool(fields[name]["fieldflags"] & 2) != e["mandatory"]:
                bad.append("%s: Required flag wrong" % name)
        elif e["kind"] == "single":
            want = next((o["label"] for o in e["options"] if o["checked"]), None)
            got = radio_value(name)
            if got != want:
                bad.append("%s: %r != %r" % (name, got, want))
        elif e["kind"] == "table":
            for ri, r in enumerate(e["rows"]):
                for ci, cell in enumerate(r["cells"]):
                    fname = "%s.r%d.c%d" % (name, ri + 1, ci + 1)
                    got = text_value(fname)
                    if got is not None and got != cell:
                        bad.append("%s: %r != %r" % (fname, got[:60], cell[:60]))
        elif e["kind"] == "matrix":
            for ri, r in enumerate(e["rows"]):
                want = next((c for c, on in zip(e["columns"], r["checked"]) if on), None)
                got = radio_value("%s.goal%02d" % (name, ri + 1))
                if got != want:
                    bad.append("%s row %d: %r != %r" % (name, ri + 1, got, want))
    return bad


def check_noform(pdf):
    j = qpdf_json(pdf)
    bad = []
    if j["acroform"]["hasacroform"] or j["acroform"]["fields"]:
        bad.append("has an AcroForm")
    for obj in j["qpdf"][1].values():
        v = obj.get("value")
        if isinstance(v, dict) and v.get("/Subtype") == "/Widget":
            bad.append("has a widget annotation")
            break
    return bad


def main(argv):
    if len(argv) >= 2 and argv[1] == "text" and len(argv) == 4:
        bad = check_text(json.load(open(argv[2], encoding="utf-8")), argv[3])
    elif len(argv) >= 2 and argv[1] == "fields" and len(argv) == 5:
        bad = check_fields(json.load(open(argv[2], encoding="utf-8")),
                           json.load(open(argv[3], encoding="utf-8")), argv[4])
    elif len(argv) == 3 and argv[1] == "noform":
        bad = check_noform(argv[2])
    else:
        sys.stderr.write(__doc__)
        return 2
    for b in bad:
        sys.stderr.write("%s: %s\n" % (argv[-1], b))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
