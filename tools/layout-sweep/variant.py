#!/usr/bin/env python3
"""One variation of the layout sweep applied to a survey-tool print view.

    variant.py print-view PRINT_VIEW.html VARIANT_TSV_LINE OUT.html
        the print view with the variation's style (font, size, page, margins,
        width, print zoom) and titles, for Chromium to print;
    variant.py xhtml PRINT_VIEW.html VARIANT_TSV_LINE OUT.xhtml
        the survey tool's PDF page for it (tools/pdf-samples/print_view.py), with
        the same variation, for Flying Saucer + iText to render.

A variation changes only how the submission looks, never what it says: the
titles keep their words (a phrase of each is set bold, italic or as a link).
Standard library only.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = {"A4": "210mm 297mm", "Letter": "8.5in 11in", "A4-landscape": "297mm 210mm",
         "Letter-landscape": "11in 8.5in"}


def parse(line):
    name, font, size, page, margin, width, zoom, titles, subset = line.rstrip("\n").split("\t")
    return dict(name=name, font=font, size=float(size), page=page, margin=float(margin),
                width=float(width), zoom=float(zoom), titles=titles)


def css(v, browser):
    s, f = v["size"], v["font"]
    # the survey tool's PDF sets its elements 18 cm wide: wider margins than 15 mm would
    # push them off an A4 page, which no real PDF of it does
    margin = v["margin"] if browser else min(v["margin"], 15)
    out = ["@page { size: %s; margin: %gmm; }" % (PAGES[v["page"]], margin)]
    if not browser:  # the survey tool's template names its page "basic"
        out.append("@page basic { size: %s; margin: %gmm; }" % (PAGES[v["page"]], margin))
    out.append("body, .page, .questiontitle, .answertext, td, th, .info-box, "
               ".survey-element, .text { font-family: '%s' !important; font-size: %gpt !important; }" % (f, s))
    # answers: the print view sets them in a monospaced family (the one this family comes
    # with, where a browser lacks FreeMono)
    mono = "Liberation Mono" if f.startswith("Liberation") else "DejaVu Sans Mono" if f.startswith("DejaVu") else "FreeMono"
    if browser:
        out.append("pre, pre div { font-family: '%s' !important; font-size: %gpt !important; }" % (mono, s * 0.95))
    # (the survey tool's PDF keeps its answer boxes' FreeSans 13px, whatever the page's font)
    out.append(".limits, .questionhelp { font-family: '%s' !important; font-size: %gpt !important; }" % (f, s * 0.9))
    out.append(".sectiontitle { font-family: '%s' !important; font-size: %gpt !important; }" % (f, s * 1.5))
    out.append(".surveytitle { font-family: '%s' !important; font-size: %gpt !important; }" % (f, s * 1.8))
    if v["width"] < 100:
        out.append("body > div, .page-wrap { width: %g%% !important; }" % v["width"])
    if browser and v["zoom"] != 100:
        out.append("html { zoom: %g; }" % (v["zoom"] / 100))
    return "\n".join(out)


def restyle_titles(html, how):
    """A phrase (the third to fifth words) of every question title set bold, italic or as a link."""
    if how == "plain":
        return html
    open_tag, close_tag = {"bold": ("<strong>", "</strong>"), "italic": ("<em>", "</em>"),
                           "link": ('<a href="https://example.org/help">', "</a>")}[how]

    def one(m):
        head, body, tail = m.group(1), m.group(2), m.group(3)
        words = body.split(" ")
        if len(words) < 5:
            return m.group(0)
        words[2] = open_tag + words[2]
        words[4] = words[4] + close_tag
        return head + " ".join(words) + tail

    return re.sub(r'(<div class="questiontitle">)([^<]*)(</div>)', one, html)


def main(argv):
    if len(argv) != 5 or argv[1] not in ("print-view", "xhtml"):
        sys.exit(__doc__)
    mode, src, line, out = argv[1:]
    v = parse(line)
    html = restyle_titles(open(src, encoding="utf-8").read(), v["titles"])
    if mode == "print-view":
        rule = '<style type="text/css">pre { white-space: pre-wrap; overflow-wrap: break-word; }\n%s\n</style>\n</head>' % css(v, True)
        if html.count("</head>") != 1:
            sys.exit("variant.py: %s: expected one </head>" % src)
        open(out, "w", encoding="utf-8").write(html.replace("</head>", rule))
        return
    styled = out + ".print-view.html"
    open(styled, "w", encoding="utf-8").write(html)
    subprocess.run([sys.executable, os.path.join(HERE, "..", "pdf-samples", "print_view.py"), "xhtml", styled, out],
                   check=True)
    os.remove(styled)
    x = open(out, encoding="utf-8").read()
    x = x.replace("\t</style>\n</head>", "%s\n\t</style>\n</head>" % css(v, False), 1)
    open(out, "w", encoding="utf-8").write(x)


if __name__ == "__main__":
    main(sys.argv)
