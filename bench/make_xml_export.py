#!/usr/bin/env python3
"""Write a large survey-tool XML results export for bench/run-xml.

  make_xml_export.py SAMPLE.xml N OUT.xml

Takes the Survey (elements) of SAMPLE.xml (an export in the shape of
samples/xml/tssp-progress-report-2020-results.xml) and writes N answer sets
made from its answer sets in turn, each with a fresh contribution id and its
free-text answers cut to 100 characters and tables to their first two rows
(about 5 KB an answer set, the size of a typical one in a long export). Streams its output: memory stays small whatever N.
"""
import re
import sys
import uuid


def main():
    sample, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    text = open(sample, encoding="utf-8").read()
    head = text[: text.index("  <Answers>")]
    sets = re.findall(r"    <AnswerSet .*?</AnswerSet>\n", text, re.S)

    def shorten(m):
        body = m.group(2)
        return m.group(1) + body[:100] + "</Answer>"

    # free text shortened, empty table cells left out (the export writes them,
    # but they only pad the file)
    small = []
    for s in sets:
        s = re.sub(r'(<Answer qid="[^"]*">)(.*?)</Answer>', shorten, s, flags=re.S)
        s = re.sub(r'      <Answer qid="[^"]*" aid="[^"]*"></Answer>\n', "", s)
        # table cells (an answer with both ids and text) of the first two rows of each table only
        rows = []
        def keep(m):
            if m.group(1) not in rows:
                rows.append(m.group(1))
            return m.group(0) if rows.index(m.group(1)) % 10 < 2 else ""
        s = re.sub(r'      <Answer qid="([^"]*)" aid="[^"]*">[^<]+</Answer>\n', keep, s)
        small.append(s)
    ns = uuid.UUID("0b1e5d1e-6c3a-4a55-9a61-1c2f7b0d9e11")
    with open(out, "w", encoding="utf-8") as f:
        f.write(head)
        f.write("  <Answers>\n")
        for i in range(n):
            s = small[i % len(small)]
            cid = str(uuid.uuid5(ns, str(i)))
            f.write(re.sub(r'<AnswerSet id="[^"]*"', '<AnswerSet id="%s"' % cid, s, count=1))
        f.write("  </Answers>\n</Results>\n")


if __name__ == "__main__":
    main()
