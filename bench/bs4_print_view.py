#!/usr/bin/env python3
"""The Python converter a user would otherwise write: BeautifulSoup over the
survey tool's print view, questions and answers to JSON (no template, no
checks). Used by bench/run as the baseline formsift is measured against.

    bench/bs4_print_view.py [--parser lxml|html.parser] FILE...
"""
import json
import sys

from bs4 import BeautifulSoup


def hidden(tag):
    style = (tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "hideme" in (tag.get("class") or [])


def answer(el):
    matrix = el.find("table", class_="matrixtable")
    if matrix:
        rows = matrix.find_all("tr")
        header = [td.get_text(" ", strip=True) for td in rows[0].find_all("td")][1:]
        out = {}
        for tr in rows[1:]:
            if hidden(tr):
                continue
            cells = tr.find_all("td")
            if not cells:
                continue
            picked = [header[i - 1] for i, td in enumerate(cells) if i and td.find("input", checked=True)]
            if picked:
                out[cells[0].get_text(" ", strip=True)] = picked[0] if len(picked) == 1 else picked
        return out
    table = el.find("table", class_="tabletable")
    if table:
        rows = table.find_all("tr")
        header = [td.get_text(" ", strip=True) for td in rows[0].find_all("td")][1:]
        out = []
        for tr in rows[1:]:
            cells = [td.get_text() for td in tr.find_all("td")][1:]
            if any(c.strip() for c in cells):
                out.append(dict(zip(header, cells)))
        return out
    inputs = [i for i in el.find_all("input") if i.get("type") in ("radio", "checkbox")]
    if inputs:
        picked = []
        for i in inputs:
            if i.has_attr("checked"):
                label = i.find_parent("td").find_next_sibling("td")
                picked.append(label.get_text(" ", strip=True) if label else i.get("value"))
        return picked
    pre = el.find("pre")
    return pre.get_text() if pre else None


def convert(path, parser):
    with open(path, "rb") as f:
        soup = BeautifulSoup(f.read(), parser)
    record = {}
    for el in soup.find_all("div", class_="survey-element"):
        if hidden(el):
            continue
        title = el.find("div", class_="questiontitle")
        if title is None:
            continue
        record[title.get_text(" ", strip=True)] = answer(el)
    return {"source": path, "answers": record}


def main():
    args = sys.argv[1:]
    parser = "lxml"
    if args[:1] == ["--parser"]:
        parser, args = args[1], args[2:]
    for path in args:
        print(json.dumps(convert(path, parser), ensure_ascii=False))


if __name__ == "__main__":
    main()
