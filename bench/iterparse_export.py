#!/usr/bin/env python3
"""What a user would otherwise write: the XML results export to JSONL with
Python's ElementTree iterparse (each answer set cleared once read), labels
resolved from the elements, no template, no checks.

  iterparse_export.py EXPORT.xml > OUT.jsonl
"""
import json
import sys
import xml.etree.ElementTree as ET


def main():
    labels = {}
    for event, el in ET.iterparse(sys.argv[1], events=("end",)):
        if el.tag in ("Question", "Answer", "MatrixQuestion", "MatrixAnswer", "TableQuestion", "TableAnswer",
                      "MatrixTitle", "TableTitle") and el.get("type"):
            labels[el.get("id")] = (el.text or "").strip()
        elif el.tag == "AnswerSet":
            record = {"id": el.get("id"), "answers": {}}
            for a in el.findall("Answer"):
                q = labels.get(a.get("qid"), a.get("qid"))
                v = labels.get(a.get("aid"), a.text or "") if a.get("aid") else (a.text or "")
                record["answers"].setdefault(q, []).append(v)
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            el.clear()


if __name__ == "__main__":
    main()
