// Helpers shared by the pdf-lib sample generators (fillable.cjs, glyph-marks.cjs,
// ruled-table.cjs). Run them with NODE_PATH pointing at a node_modules that has
// pdf-lib 1.17.1 and @pdf-lib/fontkit 1.1.1 (tools/make-pdf-samples does this).
'use strict';

// pdf-lib draws resource names and font subset tags with Math.random(); a seeded
// generator makes every run write the same bytes.
function seedRandom(seed) {
  let s = seed >>> 0;
  Math.random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
seedRandom(20200715);

const fs = require('fs');
const { PDFDocument, PDFName, PDFHexString, PDFDict, PDFRef, PDFStream, rgb } = require('pdf-lib');
const fontkit = require('@pdf-lib/fontkit');

const A4 = [595.28, 841.89];
const FONT_DIR = '/usr/share/fonts/truetype/dejavu/';

async function newDoc({ title, date }) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const regular = await doc.embedFont(fs.readFileSync(FONT_DIR + 'DejaVuSans.ttf'), { subset: true });
  const bold = await doc.embedFont(fs.readFileSync(FONT_DIR + 'DejaVuSans-Bold.ttf'), { subset: true });
  return { doc, regular, bold };
}

// Lines of text that fit in width: paragraphs split at '\n', words wrapped at spaces,
// a word wider than the line cut where it stops fitting.
function wrap(text, font, size, width) {
  const out = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      const candidate = line === '' ? word : line + ' ' + word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') out.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width) {
        let n = line.length - 1;
        while (n > 1 && font.widthOfTextAtSize(line.slice(0, n), size) > width) n--;
        out.push(line.slice(0, n));
        line = line.slice(n);
      }
    }
    out.push(line);
  }
  return out;
}

// A top-down cursor over A4 pages.
class Flow {
  constructor(doc, { margin = 50, size = A4 } = {}) {
    this.doc = doc;
    this.margin = margin;
    this.size = size;
    this.width = size[0] - 2 * margin;
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - this.margin;
    return this.page;
  }
  // Make room for h points; start a new page when they do not fit.
  need(h) {
    if (this.y - h < this.margin) this.newPage();
  }
  text(lines, { x, font, size, color = rgb(0, 0, 0), leading = 1.3 }) {
    for (const line of lines) {
      this.need(size * leading);
      this.y -= size * leading;
      this.page.drawText(line, { x, y: this.y + size * 0.25, font, size, color });
    }
  }
}

function setTooltip(field, text) {
  field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(text));
}

// Tooltip of the field's top-level ancestor (e.g. "working_areas" of "working_areas.r1.c1").
function setParentTooltip(field, text) {
  let top = field.acroField.getParent();
  while (top && top.getParent()) top = top.getParent();
  if (top) top.dict.set(PDFName.of('TU'), PDFHexString.fromText(text));
}

// The form's default resources: the font its fields' /DA names, so a viewer that
// regenerates an appearance finds it.
function setDefaultResources(doc, font) {
  const fonts = doc.context.obj({});
  fonts.set(PDFName.of(font.name), font.ref);
  const dr = doc.context.obj({});
  dr.set(PDFName.of('Font'), fonts);
  doc.getForm().acroForm.dict.set(PDFName.of('DR'), dr);
}

// pdf-lib gives every radio and checkbox widget its own copies of the on/off (and
// pressed) appearance streams, all alike; point the widgets at one copy of each distinct
// stream and drop the rest, which keeps a form with a hundred radios small.
function shareAppearanceStreams(doc) {
  const ctx = doc.context;
  const seen = new Map();
  const share = (holder, key) => {
    const ref = holder.get(key);
    if (!(ref instanceof PDFRef)) return;
    const stream = ctx.lookup(ref);
    if (!(stream instanceof PDFStream)) return;
    const id = stream.dict.toString() + Buffer.from(stream.getContents()).toString('base64');
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, ref);
    } else if (first !== ref) {
      holder.set(key, first);
      ctx.delete(ref);
    }
  };
  for (const field of doc.getForm().getFields()) {
    for (const widget of field.acroField.getWidgets()) {
      const ap = widget.dict.lookup(PDFName.of('AP'));
      if (!(ap instanceof PDFDict)) continue;
      for (const kind of ['N', 'D', 'R']) {
        const entry = ap.lookup(PDFName.of(kind));
        if (entry instanceof PDFDict) {
          for (const state of entry.keys()) share(entry, state);
        }
      }
    }
  }
}

async function save(doc, path) {
  const bytes = await doc.save({ updateFieldAppearances: false });
  fs.writeFileSync(path, bytes);
}

module.exports = { A4, newDoc, wrap, Flow, setTooltip, setParentTooltip, setDefaultResources,
                   shareAppearanceStreams, save, rgb };
