#!/usr/bin/env python3
"""Read a survey-tool (EUSurvey) print-view page and re-emit its content.

  print_view.py model PRINT_VIEW.html OUT.json
      the submission as a neutral JSON model (header, then every survey element
      with its kind, titles, mandatory stars and answers); the fillable-PDF
      generator (fillable.mjs) draws its form from this;
  print_view.py xhtml PRINT_VIEW.html OUT.xhtml
      well-formed XHTML that follows the survey tool's PDF template
      (contributions/edit.jsp with forpdf + runner/runnercontentinnerpdf.jsp, as
      described in eusurvey-formats.md section 2), for RenderPdf.java
      (Flying Saucer + iText) to turn into the "survey-tool" PDF.

Only what the print view says is used, so every PDF carries exactly the answers
of its print-view sample. Standard library only (html.parser).
"""

import json
import re
import sys
from html import escape
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}

# Invented survey-level values the print view does not show (see samples/SOURCES.md).
SURVEY_DB_ID = "218764"
SURVEY_ALIAS = "TSSP-Monitoring-Progress-Report"
ANSWER_SET_DB_ID = "5542310"
# Elements whose estimated width exceeds an A4 column get their own landscape page
# in the survey tool (SurveyHelper.calcTableWidths); the SDG matrix is one of them.
WIDE_PAGE_WIDTH_PT = 842
# The survey tool makes such an element as wide as its page; with Flying Saucer's default
# page margins (0.5in) and body margin (8px) that pushes the last matrix column off the
# page, so here the element gets the page's content width instead.
WIDE_CONTENT_WIDTH_PT = WIDE_PAGE_WIDTH_PT - 72 - 12


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.children = []
        self.parent = parent

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def has_class(self, name):
        return name in self.classes()

    def elements(self):
        return [c for c in self.children if isinstance(c, Node)]

    def find_all(self, pred):
        out = []
        for c in self.elements():
            if pred(c):
                out.append(c)
            out.extend(c.find_all(pred))
        return out

    def find(self, pred):
        for c in self.elements():
            if pred(c):
                return c
            hit = c.find(pred)
            if hit is not None:
                return hit
        return None

    def text(self):
        parts = []
        for c in self.children:
            parts.append(c.text() if isinstance(c, Node) else c)
        return "".join(parts)

    def hidden(self):
        style = (self.attrs.get("style") or "").replace(" ", "").lower()
        return "display:none" in style or self.has_class("hideme")


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, [(k, v if v is not None else k) for k, v in attrs], self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, [(k, v if v is not None else k) for k, v in attrs], self.cur)
        self.cur.children.append(node)

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(path):
    with open(path, encoding="utf-8") as f:
        b = TreeBuilder()
        b.feed(f.read())
        b.close()
    return b.root


def inner_xhtml(node, skip=lambda n: False):
    """The children of node serialised as well-formed XHTML."""
    out = []
    for c in node.children:
        if isinstance(c, str):
            out.append(escape(c, quote=False))
        elif skip(c):
            continue
        else:
            attrs = "".join(' %s="%s"' % (k, escape(v)) for k, v in c.attrs.items())
            if c.tag in VOID:
                out.append("<%s%s/>" % (c.tag, attrs))
            else:
                out.append("<%s%s>%s</%s>" % (c.tag, attrs, inner_xhtml(c, skip), c.tag))
    return "".join(out)


def plain(node, skip=lambda n: False):
    """Rich text (titles, help, static text) as plain text: <br> and blocks become newlines."""
    out = []

    def walk(n):
        for c in n.children:
            if isinstance(c, str):
                out.append(re.sub(r"\s+", " ", c))
            elif skip(c):
                continue
            elif c.tag == "br":
                out.append("\n")
            elif c.tag in ("p", "div", "li"):
                out.append("\n")
                walk(c)
                out.append("\n")
            else:
                walk(c)

    walk(node)
    text = "".join(out)
    lines = [ln.strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def is_star(n):
    return n.has_class("mandatory")


def cls(name):
    return lambda n: n.has_class(name)


def tag(name):
    return lambda n: n.tag == name


def element_model(el):
    eid = el.attrs.get("id", "")
    base = {"id": eid, "hidden": el.hidden()}
    star = any(is_star(c) for c in el.elements())
    title = el.find(cls("questiontitle"))
    help_ = el.find(cls("questionhelp"))

    def titled(kind):
        d = dict(base, kind=kind, mandatory=star,
                 title_html=inner_xhtml(title), title=plain(title),
                 help_html=inner_xhtml(help_) if help_ is not None else None,
                 help=plain(help_) if help_ is not None else "")
        return d

    sec = el.find(cls("sectiontitle"))
    if sec is not None:
        level = next((int(c[7:]) for c in sec.classes() if re.fullmatch(r"section\d+", c)), 1)
        return dict(base, kind="section", level=level, html=inner_xhtml(sec), text=plain(sec))
    txt = el.find(cls("text"))
    if txt is not None and title is None:
        return dict(base, kind="text", html=inner_xhtml(txt), text=plain(txt))
    ans = el.find(cls("answers-table"))
    if ans is not None:
        options = []
        kind = "single"
        for tr in ans.find_all(tag("tr")):
            if tr.hidden():
                continue
            inp = tr.find(tag("input"))
            label = tr.find(cls("answertext"))
            if inp is None or label is None:
                continue
            if inp.attrs.get("type") == "checkbox":
                kind = "multiple"
            options.append({"id": inp.attrs.get("value", ""), "label_html": inner_xhtml(label),
                            "label": plain(label), "checked": "checked" in inp.attrs})
        d = titled(kind)
        d["options"] = options
        return d
    mat = el.find(cls("matrixtable"))
    if mat is not None:
        rows = [tr for tr in mat.find_all(tag("tr")) if not tr.hidden()]
        header = [td for td in rows[0].find_all(tag("td"))]
        d = titled("matrix")
        d["first_cell"] = plain(header[0])
        d["columns"] = [plain(td) for td in header[1:]]
        d["rows"] = []
        for tr in rows[1:]:
            if not tr.has_class("matrix-question"):
                continue
            tds = [c for c in tr.elements() if c.tag == "td"]
            label = tds[0]
            inputs = [td.find(tag("input")) for td in tds[1:]]
            d["rows"].append({
                "id": inputs[0].attrs.get("name", "") if inputs and inputs[0] is not None else "",
                "mandatory": label.find(is_star) is not None,
                "label_html": inner_xhtml(label, skip=is_star), "label": plain(label, skip=is_star),
                "checked": [i is not None and "checked" in i.attrs for i in inputs],
                "multiple": any(i is not None and i.attrs.get("type") == "checkbox" for i in inputs)})
        return d
    tab = el.find(cls("tabletable"))
    if tab is not None:
        trs = tab.find_all(tag("tr"))
        header = [c for c in trs[0].elements() if c.tag == "td"]
        d = titled("table")
        d["first_cell"] = plain(header[0])
        d["columns"] = [plain(td) for td in header[1:]]
        d["rows"] = []
        for tr in trs[1:]:
            tds = [c for c in tr.elements() if c.tag == "td"]
            label = tds[0]
            d["rows"].append({
                "mandatory": label.find(is_star) is not None,
                "label": plain(label, skip=is_star),
                "cells": [td.text() for td in tds[1:]]})
        return d
    pre = el.find(tag("pre"))
    if pre is not None:
        d = titled("freetext")
        d["value"] = pre.text()
        return d
    raise SystemExit("print_view.py: survey element %s: unknown kind" % eid)


def model(root):
    body = root.find(tag("body"))
    container = body.find(lambda n: n.tag == "div" and n.find(cls("survey-element")) is not None)
    m = {"contribution_id": "", "date": "", "survey_title": "", "star_message": "",
         "introduction_html": "", "elements": []}
    for c in container.elements():
        t = plain(c)
        if c.has_class("survey-element"):
            m["elements"].append(element_model(c))
        elif c.has_class("surveytitle"):
            m["survey_title"] = t
        elif c.has_class("introduction"):
            m["introduction_html"] = inner_xhtml(c)
        elif t.startswith("Contribution ID:"):
            m["contribution_id"] = t.split(":", 1)[1].strip()
        elif t.startswith("Date:"):
            m["date"] = t.split(":", 1)[1].strip()
        elif "mandatory" in t:
            m["star_message"] = t
    if not m["contribution_id"] or not m["elements"]:
        raise SystemExit("print_view.py: not a survey-tool print view (no Contribution ID or elements)")
    return m


# --- XHTML after the survey tool's PDF template -------------------------------------

CSS = """
  /* from the survey tool's common.css / runner.css (the parts the PDF uses) */
  .mandatory { color: #e00; font-weight: bold; font-size: 14px; }
  .surveytitle { font-size: 18pt; margin-top: 10px; margin-bottom: 10px; }
  .info-box { border: 1px solid #bbb; padding: 5px; margin-bottom: 10px; }
  .sectiontitle { color: #004F98; font-size: 20px; border-bottom: 1px solid #004F98;
                  margin-top: 20px; padding-bottom: 3px; }
  .section2 { font-size: 17px; }
  .questiontitle { margin-left: 27px; margin-top: 15px; margin-bottom: 4px; }
  .questionhelp { margin-left: 27px; color: #777; font-size: 9pt; margin-bottom: 4px; }
  .limits { margin-left: 27px; color: #777; font-size: 9pt; }
  .text { margin-left: 10px; }
  pre.prepdf { border: 1px solid #bbb; padding: 5px; font-family: FreeSans; font-size: 13px;
               white-space: pre-wrap; margin-top: 2px; }
  .answers-table { margin-left: 27px; }
  .answertext { padding-left: 4px; }
  .tabletable { margin-left: 27px; }
  .tabletable td { border: 1pt solid #bbb; vertical-align: top; }
  .matrixtable tr:first-child td.matrix-header { text-align: center; }
  fieldset { border: 0; margin: 0; padding: 0; }
  label { display: block; }
  .hideme, .modal, .hide { display: none; }

  /* the survey tool's PDF-only block (contributions/edit.jsp, forpdf) */
  table tr { page-break-inside: avoid; }
  body { font-family: FreeSans; }
  pre { background-color: #fff; }
  @page basic { size: 21cm 29.7cm; } /* A4 */
  @page { @bottom-right { content: counter(page); } }
  body { page: basic; }
  .page { page: basic; font-size: 10pt; margin-top: 9pt; margin-left: 2pt; margin-right: 28.34pt;
          background-color: #fff; }
  #runner-content { background-color: #fff; }
  .elem_basic { page: basic; width: 18cm; max-width: 18cm; height: auto; padding-left: 0;
                padding-right: 0; }
  .matrixtable td, .matrixtable th { padding: 4pt; padding-left: 9pt; padding-right: 9pt;
                                     border: 1pt solid #bbb; }
  .matrixtable { margin-left: 18pt; }
  .tabletable { width: 95%; }
  .answer-columns { max-width: 18cm; }
"""


def radio_img(checked, multiple=False):
    name = ("checkbox" if multiple else "radiobutton") + ("checked" if checked else "")
    return '<img align="middle" src="images/%s.png"/>' % name


def xhtml(m):
    wide = [e for e in m["elements"] if e["kind"] == "matrix" and not e["hidden"]]
    css = CSS
    for e in wide:
        css += ("  @page wide_%(id)s { size: %(w)dpt 21cm; }\n"
                "  .elem_%(id)s { page: wide_%(id)s; max-width: %(c)dpt; width: %(c)dpt; }\n"
                "  .table_%(id)s { width: %(t)dpt !important; max-width: %(t)dpt !important; }\n"
                % {"id": e["id"], "w": WIDE_PAGE_WIDTH_PT, "c": WIDE_CONTENT_WIDTH_PT,
                   "t": WIDE_PAGE_WIDTH_PT - 150})
    o = []
    w = o.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n')
    w('<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n')
    w('\t<title>EUSurvey - Survey</title>\n')
    w('\t<meta name="subject" content="%s"/>\n' % escape(m["contribution_id"]))
    w('\t<meta name="keywords" content="%s, %s"/>\n' % (SURVEY_DB_ID, SURVEY_ALIAS))
    w('\t<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>\n')
    w('\t<meta name="viewport" content="width=device-width, initial-scale=1"/>\n')
    w('\t<meta name="Description" content="EUSurvey is an online survey-management system built '
      'for the creation and publishing of globally accessible forms, such as user satisfaction '
      'surveys and public consultations."/>\n')
    w('\t<style type="text/css">%s\t</style>\n</head>\n' % css)
    w('<body style="text-align: center;">\n<div class="page-wrap">\n')
    w('\t<div style="color:#666; text-align: left;">\n')
    w('\t\tContribution ID: %s<br/>\n' % escape(m["contribution_id"]))
    w('\t\tDate: %s<br/>\n\t\t<hr/>\n\t</div>\n' % escape(m["date"]))
    w('\t<div class="pagepdf">\n\t<div id="runner-content" class="runner-content">\n')
    w('\t<form action="/eusurvey/runner/%s" id="runnerForm" method="post">\n' % SURVEY_ALIAS)
    hidden = [("survey.id", SURVEY_DB_ID), ("language.code", "EN"),
              ("uniqueCode", m["contribution_id"]), ("IdAnswerSet", ANSWER_SET_DB_ID),
              ("invitation", ""), ("participationGroup", ""), ("mode", "editcontribution"),
              ("draftid", ""), ("newlang", "EN")]
    for name, value in hidden:
        w('\t\t<input type="hidden" name="%s" value="%s"/>\n' % (name, escape(value)))
    w('\t<div class="left-area" style="float: none; width: auto; padding-top: 0px; text-align: left;">\n')
    w('\t\t<div style="max-width: 100%%"><div class="surveytitle">%s</div><br/></div>\n'
      % escape(m["survey_title"]))
    if m["star_message"]:
        w('\t\t<div class="info-box" style="width: 400px;">%s</div>\n' % escape(m["star_message"]))
    w('\t\t<span class="introduction">%s</span>\n' % m["introduction_html"])
    w('\t\t<div class="single-page" id="page0">\n')
    for e in m["elements"]:
        w(element_xhtml(e, e in wide))
    w('\t\t</div>\n\t</div>\n\t</form>\n\t</div>\n\t</div>\n</div>\n</body>\n</html>\n')
    return "".join(o)


def element_xhtml(e, wide):
    o = []
    w = o.append
    w('\t\t\t<fieldset class="%s"><div class="elementwrapper">\n'
      % ("elem_%s" % e["id"] if wide else "elem_basic"))
    if e["hidden"]:
        w('\t\t\t<div class="survey-element untriggered 3" id="%s" data-id="%s" style="display: none;">\n'
          % (e["id"], e["id"]))
    else:
        w('\t\t\t<div class="survey-element 5" id="%s" data-id="%s">\n' % (e["id"], e["id"]))
    k = e["kind"]
    if k == "section":
        w('\t\t\t\t<div class="sectiontitle section%d">%s</div>\n' % (e["level"], e["html"]))
    elif k == "text":
        w('\t\t\t\t<div class="text">%s</div>\n' % e["html"])
    elif k in ("freetext", "single", "multiple"):
        if e["mandatory"]:
            w('\t\t\t\t<span class="mandatory" style="position: absolute; margin-left: 17px; '
              'margin-top: 2px;">*</span>\n')
        w('\t\t\t\t<label for="input%s"><div class="questiontitle">%s</div></label>\n'
          % (e["id"], e["title_html"]))
        if e["help"]:
            w('\t\t\t\t<div class="questionhelp">%s</div>\n' % e["help_html"])
        if k == "freetext":
            w('\t\t\t\t<pre class="prepdf" style="margin-left: 20px;"><div style="word-wrap: '
              'break-word; min-height: 20px;">%s</div></pre>\n' % escape(e["value"], quote=False))
        else:
            w('\t\t\t\t<div class="answer-columns">\n\t\t\t\t<table class="answers-table">\n')
            w('\t\t\t\t\t<tr class="hideme"><th>%s</th><th>label</th></tr>\n'
              % ("checkbox" if k == "multiple" else "radio button"))
            for opt in e["options"]:
                w('\t\t\t\t\t<tr><td style="vertical-align: top"><div style="margin-bottom: 2px">%s</div></td>'
                  '<td style="vertical-align: top"><label for="%s"><div class="answertext">%s</div></label></td></tr>\n'
                  % (radio_img(opt["checked"], k == "multiple"), opt["id"], opt["label_html"]))
            w('\t\t\t\t</table>\n\t\t\t\t</div>\n')
    elif k == "matrix":
        w('\t\t\t\t<div class="questiontitle">%s</div>\n' % e["title_html"])
        w('\t\t\t\t<div class="questionhelp">%s</div>\n' % (e["help_html"] or ""))
        w('\t\t\t\t<div>\n\t\t\t\t<table class="matrixtable" style="width: auto">\n')
        w('\t\t\t\t\t<tr><td class="matrix-header"><div>%s</div></td>' % escape(e["first_cell"]))
        for c in e["columns"]:
            w('<td class="matrix-header"><div>%s</div></td>' % escape(c))
        w('</tr>\n')
        for r in e["rows"]:
            w('\t\t\t\t\t<tr class="matrix-question 2" id="%s" data-id="%s"><td class="matrix-header">'
              % (r["id"], r["id"]))
            if r["mandatory"]:
                w('<span class="mandatory" style="position: absolute; margin-left: 53px; '
                  'margin-top: 2px;">*</span>')
            w('<div>%s</div></td>' % r["label_html"])
            for i, checked in enumerate(r["checked"]):
                w('<td class="matrix-cell"><label for="%s%d" class="hideme">Matrix answer row column %d</label>%s</td>'
                  % (r["id"], i, i + 2, radio_img(checked, r["multiple"])))
            w('</tr>\n')
        w('\t\t\t\t</table>\n\t\t\t\t</div>\n')
    elif k == "table":
        w('\t\t\t\t<div class="questiontitle">%s</div>\n' % e["title_html"])
        w('\t\t\t\t<div class="questionhelp">%s</div>\n' % (e["help_html"] or ""))
        w('\t\t\t\t<div>\n\t\t\t\t<table id="%s" class="table_%s tabletable" style="table-layout: fixed;">\n'
          '\t\t\t\t<tbody>\n' % (e["id"], e["id"]))
        w('\t\t\t\t\t<tr><td style="background-color: #eee; padding-left: 10px"><div>%s</div></td>'
          % escape(e["first_cell"]))
        for c in e["columns"]:
            w('<td style="background-color: #eee; padding-left: 10px">%s</td>' % escape(c))
        w('</tr>\n')
        for r in e["rows"]:
            w('\t\t\t\t\t<tr><td style="background-color: #eee; padding-left: 10px">')
            if r["mandatory"]:
                w('<span class="mandatory" style="position: absolute; margin-left: 49px; '
                  'margin-top: 3px;">*</span>')
            w(escape(r["label"]) + '</td>')
            for cell in r["cells"]:
                w('<td style="padding: 2px"><pre class="prepdf" style="margin: 0px; background-color: #fff; '
                  'border: 0px;"><div style="word-wrap: break-word;">%s</div></pre></td>'
                  % escape(cell, quote=False))
            w('</tr>\n')
        w('\t\t\t\t</tbody>\n\t\t\t\t</table>\n\t\t\t\t</div>\n')
    w('\t\t\t</div>\n\t\t\t</div></fieldset>\n')
    return "".join(o)


def main(argv):
    if len(argv) != 4 or argv[1] not in ("model", "xhtml"):
        sys.stderr.write(__doc__)
        return 2
    m = model(parse(argv[2]))
    with open(argv[3], "w", encoding="utf-8") as f:
        if argv[1] == "model":
            json.dump(m, f, ensure_ascii=False, indent=1)
            f.write("\n")
        else:
            f.write(xhtml(m))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
