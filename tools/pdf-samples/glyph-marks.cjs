// A small questionnaire whose choices are marked with text glyphs, not images,
// vector drawings or form fields.
//
// Usage: node glyph-marks.cjs OUT.pdf
//
// Part A draws the marks with Unicode characters in DejaVu Sans (embedded subset,
// Identity-H, with a ToUnicode map): ☐ ☑ ☒ ○ ● ◉ ✓ ✔ ✗ ✘. Part B draws them with the
// standard-14 font ZapfDingbats (not embedded, its built-in encoding, no ToUnicode):
// codes '4' ✔, '8' ✘, 'l' ●, 'm' ❍, 'n' ■, 'o' ❏. Each mark sits left of its option
// label, in columns or several to a line. The answers a correct extraction must
// return are listed in samples/SOURCES.md ("pdf/glyph-marks.pdf").
'use strict';
const { StandardFonts } = require('pdf-lib');
const { newDoc, wrap, Flow, save, rgb } = require('./common.cjs');

const GREY = rgb(0.4, 0.4, 0.4);

// [question, layout, options]; an option is [mark, label]. Part A marks are Unicode
// characters drawn in DejaVu Sans; part B marks are ZapfDingbats characters (pdf-lib
// encodes the Unicode character given here into the font's code).
const PART_A = [
  ['1. Which sessions did you attend? (tick all that apply)', 'column',
    [['☑', 'Opening keynote'], ['☐', 'Data visualisation workshop'], ['☒', 'Regional policy panel'],
     ['☐', 'Closing session']]],
  ['2. How would you rate the organisation?', 'line',
    [['○', 'Poor'], ['○', 'Fair'], ['●', 'Good'], ['○', 'Excellent']]],
  ['3. Preferred format for future events', 'column',
    [['○', 'In person'], ['◉', 'Hybrid'], ['○', 'Online']]],
  ['4. Please mark each statement as true (✓) or false (✗)', 'column',
    [['✓', 'The agenda arrived in time'], ['✔', 'The venue was accessible'],
     ['✗', 'Sessions started on time'], ['✘', 'Materials were online before the event']]],
];
const PART_B = [
  ['5. Would you like to receive the report?', 'line', [['■', 'Yes'], ['❏', 'No']]],
  ['6. Will you attend next year?', 'line', [['❍', 'Yes'], ['●', 'Not sure'], ['❍', 'No']]],
  ['7. Which materials were useful?', 'column',
    [['✔', 'Slides'], ['❏', 'Recordings'], ['✔', 'Participant list']]],
  ['8. May we contact you about the next event?', 'column',
    [['✔', 'by e-mail'], ['✘', 'by telephone']]],
];

async function main(argv) {
  if (argv.length !== 3) {
    process.stderr.write('usage: node glyph-marks.cjs OUT.pdf\n');
    process.exit(2);
  }
  const date = new Date(Date.UTC(2021, 2, 4, 9, 30, 0));
  const { doc, regular, bold } = await newDoc({ title: 'Workshop feedback', date });
  const zapf = await doc.embedFont(StandardFonts.ZapfDingbats);
  const flow = new Flow(doc);
  const X = flow.margin;

  flow.text(['Workshop feedback'], { x: X, font: bold, size: 16 });
  flow.text(wrap('Smart Specialisation Platform workshop, Brussels, 3 March 2021. Please mark your answers.',
                 regular, 9, flow.width), { x: X, font: regular, size: 9, color: GREY });

  const part = (heading, questions, markFont, markSize) => {
    flow.y -= 12;
    flow.text([heading], { x: X, font: bold, size: 11.5, color: rgb(0, 0.31, 0.6) });
    for (const [q, layout, options] of questions) {
      flow.y -= 8;
      flow.text(wrap(q, bold, 10, flow.width), { x: X, font: bold, size: 10 });
      flow.y -= 2;
      if (layout === 'line') {
        flow.need(16);
        flow.y -= 15;
        let x = X + 12;
        for (const [mark, label] of options) {
          flow.page.drawText(mark, { x, y: flow.y + 3, font: markFont, size: markSize });
          x += markFont.widthOfTextAtSize(mark, markSize) + 5;
          flow.page.drawText(label, { x, y: flow.y + 3, font: regular, size: 10 });
          x += regular.widthOfTextAtSize(label, 10) + 24;
        }
      } else {
        for (const [mark, label] of options) {
          flow.need(15);
          flow.y -= 15;
          flow.page.drawText(mark, { x: X + 12, y: flow.y + 3, font: markFont, size: markSize });
          flow.page.drawText(label, { x: X + 30, y: flow.y + 3, font: regular, size: 10 });
        }
      }
    }
  };
  part('A. The workshop', PART_A, regular, 11);
  part('B. Follow-up', PART_B, zapf, 10);

  flow.y -= 14;
  flow.text(['9. Any other comments?'], { x: X, font: bold, size: 10 });
  const comment = 'The café was excellent; more time for Q&A next time, please.';
  flow.y -= 22;
  flow.page.drawRectangle({ x: X + 12, y: flow.y, width: flow.width - 12, height: 20,
                            borderColor: rgb(0.73, 0.73, 0.73), borderWidth: 0.75 });
  flow.page.drawText(comment, { x: X + 17, y: flow.y + 6.5, font: regular, size: 10 });

  await save(doc, argv[2]);
}

main(process.argv).catch((err) => {
  process.stderr.write(String(err && err.stack || err) + '\n');
  process.exit(1);
});
