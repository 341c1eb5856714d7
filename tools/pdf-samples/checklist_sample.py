"""A submission of an invented workshop-evaluation form holding the survey
tool's less common elements (eusurvey-formats.md §2.3, §3, §4): a rating
(three rows of five stars), a ranking (four items with drag handles), an
upload (two files) and a confirmation (its check box in its title), beside
free texts and an e-mail. The XML export defines the confirmation but holds
no answer to it: the survey tool never exports one (§4).

    checklist_sample.py images DIR          the icons, drawn here (PNG)
    checklist_sample.py print-view OUT.html the print view (contributions/print.jsp)
    checklist_sample.py server OUT.xhtml    the server PDF's page (runnercontentinnerpdf.jsp)
    checklist_sample.py xml OUT.xml         the XML results export

The icons are our own drawings of what the survey tool shows (a yellow or
grey five-pointed star, 48x48; a grey drag handle, 10x14): the survey tool's
own PNGs are not copied. Everything is deterministic.
"""
import html
import math
import os
import struct
import sys
import zlib

CONTRIBUTION = "7c2d9e41-3b5a-4f08-9e6d-2a1b0c9d8e7f"
DATE = "12/06/2024 09:31:55"
TITLE = "Regional Workshop Evaluation"
RATING = ("How useful were the parts of the workshop", ["Opening talk", "Site visit to the innovation hub", "Closing panel"], [4, 2, 5])
RANKING = ("Order the topics by their importance to your region",
           ["Energy", "Mobility", "Housing", "Water management"],   # initial order
           ["Mobility", "Water management", "Energy", "Housing"])   # the respondent's
UPLOAD = ("Please attach your presentation", [("5e0b7a3c-1f2d-4c6b-8a9e-0d1c2b3a4f5e", "slides-final.pdf"),
                                               ("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "speaker notes.docx")])
NAME = ("Your name", "Ines Moreau")
EMAIL = ("Contact e-mail", "ines.moreau@example.org")
COMMENTS = ("Any other comments", "The site visit was too short.\nPlease share the slides.")
CONFIRMATION = ("Publication of your feedback", "I agree that my answers may be published without my name.")


def png(width, height, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def star(colour):
    pts = []
    for k in range(10):
        r = 22 if k % 2 == 0 else 9
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((24 + r * math.cos(a), 25 + r * math.sin(a)))

    def inside(x, y):
        c = False
        for i in range(len(pts)):
            (x0, y0), (x1, y1) = pts[i], pts[i - 1]
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                c = not c
        return c
    return png(48, 48, lambda x, y: (*colour, 255) if inside(x + 0.5, y + 0.5) else (255, 255, 255, 0))


def drag():
    return png(10, 14, lambda x, y: (150, 150, 150, 255) if x % 4 in (1, 2) and y % 4 in (1, 2) else (255, 255, 255, 0))


def images(folder):
    os.makedirs(folder, exist_ok=True)
    for name, data in (("star_yellow.png", star((250, 190, 0))), ("star_grey.png", star((205, 205, 205))),
                       ("drag.png", drag())):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


def e(s):
    return html.escape(s, quote=True)


def page(server):
    """The print view (server=False) or the server PDF's page (server=True)."""
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>' if server else "<!DOCTYPE html>")
    w('<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head>')
    w('<meta charset="utf-8"/>' if not server else '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>')
    w(f"<title>EUSurvey - {e(TITLE)}</title>")
    if server:
        w(f'<meta name="subject" content="{CONTRIBUTION}"/>')
    w('<style type="text/css">body { -webkit-print-color-adjust: exact; font-family: FreeSans, Arial, sans-serif; }'
      " .mandatory { color: #e00; font-weight: bold; font-size: 14px; } .questionhelp { color: #777; }"
      " .ratingitem img { width: 24px; height: 24px; } pre { margin-left: 20px; border: 1px solid #bbb; padding: 4px; }"
      " .rankingitem-decoration { width: 22px; }</style></head><body>")
    w('<div style="margin: 20px;">')
    w(f"<div>Contribution ID: {CONTRIBUTION}</div><div>Date: {DATE}</div><hr/>")
    w(f'<div class="surveytitle">{e(TITLE)}</div><div style="margin-top: 10px;">Fields marked with * are mandatory.</div>')
    ids = iter(range(5101, 5200))

    def element(body, star=False):
        s = '<span class="mandatory" style="position:absolute; margin-left:-7px; margin-top:2px;">*</span>' if star else ""
        w(f'<div class="survey-element" id="{next(ids)}" style="margin: 5px; margin-top: 25px;">{s}{body}</div>')

    def free(title, value, star=False):
        text = "".join(f"<div>{e(line)}</div>" for line in value.split("\n"))
        element(f'<div class="questiontitle">{e(title)}</div>'
                f'<pre class="prepdf" style="white-space: pre-wrap; font-family: FreeMono, monospace;">{text}</pre>', star)

    element('<hr class="hr2"/><div class="sectiontitle section1">About you</div>')
    free(*NAME, star=True)
    free(*EMAIL)
    element('<hr class="hr2"/><div class="sectiontitle section1">The workshop</div>')
    title, rows, values = RATING
    body = f'<div class="questiontitle">{e(title)}</div><table class="ratingtable">'
    for row, v in zip(rows, values):
        icons = "".join(f'<span class="ratingitem"><img src="images/star_{"yellow" if k < v else "grey"}.png" alt=""/></span>'
                        for k in range(5))
        body += f"<tr><td>{e(row)}</td><td>{icons}</td></tr>"
    element(body + "</table>", True)
    title, _, order = RANKING
    body = (f'<div class="questiontitle">{e(title)}</div><div class="ranking-question-initial-answer-message">'
            "Use drag&amp;drop or the up/down buttons to change the order or accept the initial order.</div>")
    for item in order:
        body += ('<div class="rankingitem-form-data"><table><tr><td class="rankingitem-decoration" style="width: 22px">'
                 f'<img src="images/drag.png" alt=""/></td><td><div class="rankingitemtext">{e(item)}</div></td></tr></table></div>')
    element(body, True)
    title, files = UPLOAD
    if server:
        body = (f'<div class="questiontitle">{e(title)}</div><span>Only files of the type pdf,docx,pptx are allowed</span>'
                + "".join(f"<div>{uid}/{e(name)}</div>" for uid, name in files) + '<div class="file-uploader"></div>')
    else:
        body = (f'<div class="questiontitle">{e(title)}</div><div class="uploaded-files">'
                + "".join(f"{e(name)}<br /><br />" for _, name in files) + "</div>")
    element(body)
    free(*COMMENTS)
    title, text = CONFIRMATION
    if server:
        element(f'<div class="questiontitle confirmationelement"><img align="middle" style="margin-right: 7px;" '
                f'src="images/checkboxchecked.png" alt=""/>{e(title)}</div><div style="margin-left: 20px;">{e(text)}</div>')
    else:
        element(f'<div class="questiontitle"><input type="checkbox" checked="checked" class="required check" '
                f'disabled="disabled"/>{e(title)}</div><div class="files"></div><div style="margin-left: 40px;">{e(text)}</div>')
    w("</div></body></html>")
    return "\n".join(out) + "\n"


def xml():
    title, rows, values = RATING
    rtitle, items, order = RANKING
    utitle, files = UPLOAD
    uid = lambda n: f"00000000-0000-4000-8000-{n:012d}"
    item_uid = {item: uid(40 + k) for k, item in enumerate(items)}
    el = [f'<Section id="{uid(1)}" type="Section">About you</Section>',
          f'<Question id="{uid(2)}" type="Free Text">{e(NAME[0])}</Question>',
          f'<Question id="{uid(3)}" type="E-mail">{e(EMAIL[0])}</Question>',
          f'<Section id="{uid(4)}" type="Section">The workshop</Section>',
          f'<Question id="{uid(5)}" type="Rating">{e(title)}</Question>']
    el += [f'<RatingQuestion id="{uid(20 + k)}" type="Rating">{e(title)}: {e(row)}</RatingQuestion>' for k, row in enumerate(rows)]
    el.append(f'<Question id="{uid(6)}" type="Ranking">{e(rtitle)}</Question>')
    el += [f'<RankingItem id="{item_uid[item]}" type="Ranking Item">{e(item)}</RankingItem>' for item in items]
    el.append(f'<Question id="{uid(7)}" type="File Upload">{e(utitle)}</Question>')
    el.append(f'<Question id="{uid(8)}" type="Free Text">{e(COMMENTS[0])}</Question>')
    el.append(f'<Question id="{uid(9)}" type="Confirmation">{e(CONFIRMATION[0])}</Question>')  # never answered here
    ans = [f'<Answer qid="{uid(2)}">{e(NAME[1])}</Answer>', f'<Answer qid="{uid(3)}">{e(EMAIL[1])}</Answer>']
    ans += [f'<Answer qid="{uid(20 + k)}">{v}/5</Answer>' for k, v in enumerate(values)]
    ans.append(f'<Answer qid="{uid(6)}">{";".join(item_uid[i] for i in order)}</Answer>')
    ans.append(f'<Answer qid="{uid(7)}">{";".join(e(name) for _, name in files)}</Answer>')
    ans.append(f'<Answer qid="{uid(8)}">{e(COMMENTS[1])}</Answer>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Results create="2024-06-13_08-00-00">\n'
            f'  <Survey id="812" uid="{uid(99)}" alias="workshop-evaluation">\n    <Elements lang="EN">\n      '
            + "\n      ".join(el) + "\n    </Elements>\n  </Survey>\n  <Answers>\n"
            f'    <AnswerSet id="{CONTRIBUTION}" create="2024-06-12_09-31-55" last="2024-06-12_09-31-55" list="1" lang="EN" user="" invitation="">\n      '
            + "\n      ".join(ans) + "\n    </AnswerSet>\n  </Answers>\n</Results>\n")


if __name__ == "__main__":
    what, target = sys.argv[1], sys.argv[2]
    if what == "images":
        images(target)
    else:
        text = {"print-view": lambda: page(False), "server": lambda: page(True), "xml": xml}[what]()
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
