// Draws a fillable (AcroForm) PDF of a survey-tool submission, filled with its answers.
//
// Usage: node fillable.cjs MODEL.json FIELD_NAMES.json OUT.pdf
//   MODEL.json        from print_view.py model (one print-view page)
//   FIELD_NAMES.json  element id -> {name, lines}; others are named q<element id>
//
// Layout: A4 pages; section titles, static texts and question titles are page text
// (DejaVu Sans, a red "*" before mandatory titles); answers are fields:
//   free text     -> text field (one-line or multi-line), value = the answer
//   single choice -> radio group, one widget per option with its label drawn to the
//                    right; export values = option labels (pdf-lib keeps them in /Opt,
//                    on-states are "0", "1", ...)
//   table         -> one text field per cell, NAME.rR.cC, in a ruled grid with drawn
//                    column headers and row numbers (header repeated on a new page)
//   matrix        -> one radio group per row, NAME.goalNN, export values = column
//                    labels, header labels above the columns, row labels to the left
// Every field has /TU (tooltip): the question title, "Row R – Column" for table cells,
// the row label for matrix rows; parents NAME of tables and matrices have the title.
// Mandatory questions have the Required flag. Hidden (untriggered) elements are left out.
// A matrix row with two checked options (an inconsistent submission) gets /V = the
// first and the on-state /AS on both widgets.
'use strict';
const fs = require('fs');
const { PDFName } = require('pdf-lib');
const { newDoc, wrap, Flow, setTooltip, setParentTooltip, setDefaultResources, shareAppearanceStreams, save, rgb } =
  require('./common.cjs');

const BLUE = rgb(0, 0.31, 0.6);
const RED = rgb(0.933, 0, 0);
const GREY = rgb(0.45, 0.45, 0.45);
const RULE = rgb(0.73, 0.73, 0.73);
const HEAD = rgb(0.93, 0.93, 0.93);

async function main(argv) {
  if (argv.length !== 5) {
    process.stderr.write('usage: node fillable.cjs MODEL.json FIELD_NAMES.json OUT.pdf\n');
    process.exit(2);
  }
  const model = JSON.parse(fs.readFileSync(argv[2], 'utf8'));
  const names = JSON.parse(fs.readFileSync(argv[3], 'utf8'));
  const m = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d)$/.exec(model.date);
  // Filled in an hour after the submission (UTC+2 in July), a fixed date for repeatable output.
  const date = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4] - 1, +m[5], +m[6]));
  const { doc, regular, bold } = await newDoc({ title: model.survey_title, date });
  const form = doc.getForm();
  const flow = new Flow(doc);
  const X = flow.margin;
  const QX = X + 10; // question titles and fields, right of the star
  const QW = flow.width - 10;
  const doubleOn = [];

  flow.text(wrap(model.survey_title, bold, 14, flow.width), { x: X, font: bold, size: 14 });
  flow.y -= 4;
  if (model.star_message) flow.text([model.star_message], { x: X, font: regular, size: 8.5, color: GREY });

  // The title with its star and help; `after` = height of what must follow on the same page.
  const title = (e, after = 20) => {
    flow.y -= 8;
    const lines = wrap(e.title, bold, 9.5, QW);
    const helpLines = e.help ? wrap(e.help, regular, 8, QW) : [];
    const own = lines.length * 9.5 * 1.3 + helpLines.length * 8 * 1.3 + 3;
    flow.need(own + Math.min(after, flow.size[1] - 2 * flow.margin - own));
    if (e.mandatory) flow.page.drawText('*', { x: X + 1, y: flow.y - 9.5, font: bold, size: 11, color: RED });
    flow.text(lines, { x: QX, font: bold, size: 9.5 });
    if (e.help) flow.text(helpLines, { x: QX, font: regular, size: 8, color: GREY });
    flow.y -= 3;
  };

  for (const e of model.elements) {
    if (e.hidden) continue;
    const spec = names[e.id] || { name: 'q' + e.id };
    if (e.kind === 'section') {
      flow.y -= 10;
      flow.need(40);
      flow.text(wrap(e.text, bold, e.level > 1 ? 11 : 12.5, flow.width), {
        x: X, font: bold, size: e.level > 1 ? 11 : 12.5, color: BLUE });
      flow.page.drawLine({ start: { x: X, y: flow.y - 2 }, end: { x: X + flow.width, y: flow.y - 2 },
                           thickness: 0.6, color: BLUE });
      flow.y -= 4;
    } else if (e.kind === 'text') {
      flow.y -= 4;
      flow.text(wrap(e.text, regular, 8.5, flow.width), { x: X, font: regular, size: 8.5 });
    } else if (e.kind === 'freetext') {
      const size = 8;
      const lineH = regular.heightAtSize(size) * 1.2; // pdf-lib's multi-line layout
      const lines = spec.lines === 1 ? 1
        : Math.max(3, wrap(e.value, regular, size, QW - 8).length + 1);
      const h = Math.min(lines * lineH + 6, flow.size[1] - 2 * flow.margin);
      title(e, h);
      flow.need(h);
      flow.y -= h;
      const f = form.createTextField(spec.name);
      if (spec.lines !== 1) f.enableMultiline();
      f.addToPage(flow.page, { x: QX, y: flow.y, width: QW, height: h, borderColor: RULE,
                               borderWidth: 1, font: regular });
      f.setFontSize(size);
      f.setText(e.value);
      setTooltip(f, e.title);
      if (e.mandatory) f.enableRequired();
    } else if (e.kind === 'single' || e.kind === 'multiple') {
      title(e, 40);
      const group = e.kind === 'single' ? form.createRadioGroup(spec.name) : null;
      e.options.forEach((o, i) => {
        const lines = wrap(o.label, regular, 9, QW - 20);
        flow.need(lines.length * 12 + 2);
        const top = flow.y;
        if (group) {
          group.addOptionToPage(o.label, flow.page, { x: QX + 2, y: top - 11, width: 9, height: 9,
                                                      borderColor: GREY, borderWidth: 1 });
        } else {
          const cb = form.createCheckBox(`${spec.name}.o${i + 1}`);
          cb.addToPage(flow.page, { x: QX + 2, y: top - 11, width: 9, height: 9, borderColor: GREY });
          if (o.checked) cb.check();
          setTooltip(cb, o.label);
        }
        lines.forEach((ln, k) => flow.page.drawText(ln, { x: QX + 17, y: top - 10 - k * 12, font: regular, size: 9 }));
        flow.y = top - lines.length * 12 - 2;
      });
      if (group) {
        const checked = e.options.filter((o) => o.checked);
        if (checked.length) group.select(checked[0].label);
        setTooltip(group, e.title);
        if (e.mandatory) group.enableRequired();
      }
    } else if (e.kind === 'table') {
      title(e, 60);
      tableFields(e, spec.name);
    } else if (e.kind === 'matrix') {
      title(e, 60);
      matrixFields(e, spec.name);
    }
  }

  function tableFields(e, name) {
    const numW = 22;
    const colW = (QW - numW) / e.columns.length;
    const size = 7;
    const lineH = regular.heightAtSize(size) * 1.2; // pdf-lib's multi-line layout
    const headLines = e.columns.map((c) => wrap(c, bold, 7.5, colW - 6));
    const headH = Math.max(...headLines.map((l) => l.length)) * 9.5 + 6;
    const header = () => {
      const y = flow.y;
      flow.page.drawRectangle({ x: QX, y: y - headH, width: QW, height: headH, color: HEAD,
                                borderColor: RULE, borderWidth: 0.75 });
      headLines.forEach((ls, c) => ls.forEach((ln, k) => flow.page.drawText(ln, {
        x: QX + numW + c * colW + 3, y: y - 10 - k * 9.5, font: bold, size: 7.5 })));
      for (let c = 0; c <= e.columns.length; c++) {
        const x = QX + numW + c * colW;
        flow.page.drawLine({ start: { x, y }, end: { x, y: y - headH }, thickness: 0.75, color: RULE });
      }
      flow.y -= headH;
    };
    flow.need(headH + 20);
    header();
    e.rows.forEach((r, ri) => {
      const cellLines = r.cells.map((v) => (v === '' ? 1 : wrap(v, regular, size, colW - 8).length));
      const rowH = Math.max(16, Math.max(...cellLines) * lineH + 6);
      if (flow.y - rowH < flow.margin) {
        flow.newPage();
        header();
      }
      const y = flow.y - rowH;
      flow.page.drawRectangle({ x: QX, y, width: numW, height: rowH, color: HEAD });
      flow.page.drawRectangle({ x: QX, y, width: QW, height: rowH, borderColor: RULE, borderWidth: 0.75 });
      flow.page.drawText(r.label, { x: QX + 4, y: flow.y - 10, font: regular, size: 7.5 });
      if (r.mandatory) flow.page.drawText('*', { x: QX + 15, y: flow.y - 10, font: bold, size: 9, color: RED });
      r.cells.forEach((v, c) => {
        const x = QX + numW + c * colW;
        flow.page.drawLine({ start: { x, y: flow.y }, end: { x, y }, thickness: 0.75, color: RULE });
        const f = form.createTextField(`${name}.r${ri + 1}.c${c + 1}`);
        if (cellLines[c] > 1) f.enableMultiline();
        f.addToPage(flow.page, { x: x + 1, y: y + 1, width: colW - 2, height: rowH - 2, borderWidth: 0,
                                 font: regular });
        f.setFontSize(size);
        f.setText(v);
        setTooltip(f, `Row ${r.label} – ${e.columns[c]}`);
        if (ri === 0 && c === 0) setParentTooltip(f, e.title);
        if (r.mandatory) f.enableRequired();
      });
      flow.y = y;
    });
  }

  function matrixFields(e, name) {
    const labelW = 200;
    const colW = (QW - labelW) / e.columns.length;
    const headLines = e.columns.map((c) => wrap(c, bold, 7.5, colW - 2));
    const headH = Math.max(...headLines.map((l) => l.length)) * 9.5 + 6;
    const header = () => {
      const y = flow.y;
      flow.page.drawRectangle({ x: QX, y: y - headH, width: QW, height: headH, color: HEAD,
                                borderColor: RULE, borderWidth: 0.75 });
      if (e.first_cell) flow.page.drawText(e.first_cell, { x: QX + 3, y: y - 10, font: bold, size: 7.5 });
      headLines.forEach((ls, c) => ls.forEach((ln, k) => {
        const w = bold.widthOfTextAtSize(ln, 7.5);
        flow.page.drawText(ln, { x: QX + labelW + c * colW + (colW - w) / 2, y: y - 10 - k * 9.5, font: bold, size: 7.5 });
      }));
      flow.y -= headH;
    };
    flow.need(headH + 30);
    header();
    e.rows.forEach((r, ri) => {
      const lines = wrap(r.label, regular, 7.5, labelW - 14);
      const rowH = Math.max(16, lines.length * 9.5 + 6);
      if (flow.y - rowH < flow.margin) {
        flow.newPage();
        header();
      }
      const y = flow.y - rowH;
      flow.page.drawRectangle({ x: QX, y, width: QW, height: rowH, borderColor: RULE, borderWidth: 0.75 });
      lines.forEach((ln, k) => flow.page.drawText(ln, { x: QX + 10, y: flow.y - 10 - k * 9.5, font: regular, size: 7.5 }));
      if (r.mandatory) flow.page.drawText('*', { x: QX + 2, y: flow.y - 10, font: bold, size: 9, color: RED });
      const group = form.createRadioGroup(`${name}.goal${String(ri + 1).padStart(2, '0')}`);
      e.columns.forEach((col, c) => {
        const cx = QX + labelW + c * colW + colW / 2;
        group.addOptionToPage(col, flow.page, { x: cx - 4.5, y: y + rowH / 2 - 4.5, width: 9, height: 9,
                                                borderColor: GREY, borderWidth: 1 });
      });
      const on = e.columns.filter((_, c) => r.checked[c]);
      if (on.length) group.select(on[0]);
      if (on.length > 1) doubleOn.push({ group, indices: r.checked.map((v, i) => (v ? i : -1)).filter((i) => i >= 0) });
      setTooltip(group, r.label);
      if (ri === 0) setParentTooltip(group, e.title);
      if (r.mandatory) group.enableRequired();
      flow.y = y;
    });
  }

  form.updateFieldAppearances(regular);
  for (const { group, indices } of doubleOn) {
    const widgets = group.acroField.getWidgets();
    for (const i of indices) widgets[i].setAppearanceState(widgets[i].getOnValue());
  }
  shareAppearanceStreams(doc);
  setDefaultResources(doc, regular);
  // Page numbers, bottom right, as on the other channels.
  doc.getPages().forEach((p, i) => p.drawText(String(i + 1), { x: p.getWidth() - flow.margin - 6,
    y: 25, font: regular, size: 8 }));
  await save(doc, argv[4]);
}

main(process.argv).catch((err) => {
  process.stderr.write(String(err && err.stack || err) + '\n');
  process.exit(1);
});
