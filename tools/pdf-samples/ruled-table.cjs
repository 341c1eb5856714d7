// A questionnaire page with two tables drawn as page content (no form fields):
//  - a ruled table (every cell border drawn as a line, grey header row) of 24 project
//    rows that does not fit on page 1 and continues on page 2, where the header row is
//    drawn again; some cells wrap onto two lines, some are empty;
//  - an aligned table without any lines (columns only by x position, bold header).
//
// Usage: node ruled-table.cjs OUT.pdf
// The values a correct extraction must return are listed in samples/SOURCES.md
// ("pdf/ruled-table.pdf").
'use strict';
const { newDoc, wrap, Flow, save, rgb } = require('./common.cjs');

const RULE = rgb(0.2, 0.2, 0.2);
const HEAD = rgb(0.85, 0.85, 0.85);

const COLUMNS = [['No.', 28], ['Project', 150], ['Lead region', 120], ['Budget (EUR)', 80], ['Status', 117]];
const ROWS = [
  ['1', 'NextBatt4EU', 'Auvergne-Rhône-Alpes', '1 250 000', 'running'],
  ['2', 'Carbon anodes for lithium-ion cells', 'Bavaria', '4 800 000', 'funded (IPCEI)'],
  ['3', 'Solid-state pilot line', 'Bavaria', '', 'under discussion'],
  ['4', 'Raw materials from mine tailings', 'Castilla y León', '2 100 000', 'first description'],
  ['5', 'Prototyping & testing network', 'West Slovenia', '3 000 000', 'TAFF application, October 2020'],
  ['6', 'Flow batteries for grid storage', 'Basque Country', '950 000', 'running'],
  ['7', 'Cobalt refining', 'Central Ostrobothnia', '6 400 000', 'start-up funding received'],
  ['8', 'Second-life battery packs', 'Lombardy', '', ''],
  ['9', 'Electrolyte recycling', 'Nouvelle-Aquitaine', '720 000', 'under discussion'],
  ['10', 'Battery passport and traceability data', 'Flanders', '1 100 000', 'first description'],
  ['11', 'Sodium-ion cells', 'Navarra', '1 750 000', 'running'],
  ['12', 'Cathode powders (NMC 811)', 'Vestlandet', '5 200 000', 'running'],
  ['13', 'Thermal management for packs', 'Emilia-Romagna', '430 000', 'closed'],
  ['14', 'Skills academy for cell production', 'Pohjois-Savo', '300 000', 'running'],
  ['15', 'Recycling of black mass', 'Baden-Württemberg', '2 900 000', 'under discussion'],
  ['16', 'Hydrometallurgy pilot', 'Lapland', '', 'first description'],
  ['17', 'Battery testing for e-buses', 'Valencia', '860 000', 'running'],
  ['18', 'Graphite from bio-based precursors', 'North Karelia', '1 300 000', 'funded (Horizon 2020)'],
  ['19', 'Lithium from geothermal brines', 'Grand Est', '1 900 000', 'first description'],
  ['20', 'Battery-grade nickel sulphate', 'Kainuu', '3 600 000', 'running'],
  ['21', 'Digital twin of a cell factory', 'Eindhoven region', '', 'under discussion'],
  ['22', 'Second-use storage for farms', 'Galicia', '410 000', 'running'],
  ['23', 'Coatings for separators', 'Aragón', '780 000', 'closed'],
  ['24', 'Open test data platform', 'Brussels-Capital Region', '250 000', 'running'],
];
const SUMMARY = 'Twenty-four projects are now on the list. Two of them received funding in the period ' +
  '(carbon anodes through the second IPCEI on batteries, cobalt refining through a private investor) ' +
  'and five are running. The prototyping and testing network prepares a TAFF application for ' +
  'October 2020. Three projects are still under discussion and may not go further; project 13 was ' +
  'closed after its feasibility study. Budgets below are the total eligible costs agreed by the ' +
  'partners, in euro, and are left empty where no budget has been agreed yet. The list of contact ' +
  'persons at the end of this form replaces the one sent in July 2020.';
const CONTACTS_HEAD = ['Name', 'Role', 'E-mail', 'Country'];
const CONTACTS = [
  ['Ana Martínez', 'Coordinator', 'ana.martinez@example.org', 'ES'],
  ['Jukka Virtanen', 'Deputy coordinator', 'jukka.virtanen@example.org', 'FI'],
  ['Marie Dubois', 'Communication', '', 'FR'],
  ['Tomaž Novak', 'Finance', 'tomaz.novak@example.org', 'SI'],
];

async function main(argv) {
  if (argv.length !== 3) {
    process.stderr.write('usage: node ruled-table.cjs OUT.pdf\n');
    process.exit(2);
  }
  const date = new Date(Date.UTC(2021, 0, 18, 14, 5, 0));
  const { doc, regular, bold } = await newDoc({ title: 'Partnership projects', date });
  const flow = new Flow(doc);
  const X = flow.margin;
  const size = 9;
  const lead = 11.5;

  flow.text(['Partnership projects, January 2021'], { x: X, font: bold, size: 15 });
  flow.y -= 4;
  flow.text(wrap('This form collects the projects of the partnership and the people to contact. ' +
                 'Budgets are in euro; leave a cell empty when a value is not known yet.',
                 regular, 9.5, flow.width), { x: X, font: regular, size: 9.5 });
  flow.y -= 10;
  for (const [label, value] of [['Partnership', 'Advanced materials for batteries'],
                                ['Reporting period', 'July – December 2020'],
                                ['Filled in by', 'Partnership secretariat']]) {
    flow.y -= 16;
    flow.page.drawText(label + ':', { x: X, y: flow.y, font: bold, size: 9.5 });
    flow.page.drawText(value, { x: X + 110, y: flow.y, font: regular, size: 9.5 });
  }
  // A boxed text answer pushes the table down, so it has to continue on page 2.
  flow.y -= 24;
  flow.text(['Summary of the period'], { x: X, font: bold, size: 10.5 });
  const summary = wrap(SUMMARY, regular, 9.5, flow.width - 10);
  const boxH = summary.length * 12.5 + 10;
  flow.page.drawRectangle({ x: X, y: flow.y - boxH - 4, width: flow.width, height: boxH,
                            borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.7 });
  flow.y -= 6;
  flow.text(summary, { x: X + 5, font: regular, size: 9.5, leading: 12.5 / 9.5 });
  flow.y -= 40;
  flow.text(['1. Please list the projects of the partnership'], { x: X, font: bold, size: 10.5 });
  flow.y -= 6;

  const xs = [X];
  for (const [, w] of COLUMNS) xs.push(xs[xs.length - 1] + w);
  const right = xs[xs.length - 1];
  const header = () => {
    const h = lead + 8;
    flow.page.drawRectangle({ x: X, y: flow.y - h, width: right - X, height: h, color: HEAD });
    COLUMNS.forEach(([name], c) => flow.page.drawText(name, { x: xs[c] + 4, y: flow.y - lead, font: bold, size }));
    hline(flow.y);
    hline(flow.y - h);
    vlines(flow.y, flow.y - h);
    flow.y -= h;
  };
  const hline = (y) => flow.page.drawLine({ start: { x: X, y }, end: { x: right, y }, thickness: 0.7, color: RULE });
  const vlines = (top, bottom) => xs.forEach((x) => flow.page.drawLine({ start: { x, y: top }, end: { x, y: bottom },
                                                                         thickness: 0.7, color: RULE }));
  header();
  for (const row of ROWS) {
    const cells = row.map((v, c) => wrap(v, regular, size, COLUMNS[c][1] - 8));
    const h = Math.max(...cells.map((l) => l.length)) * lead + 6;
    if (flow.y - h < flow.margin) {
      flow.newPage();
      header();
    }
    cells.forEach((lines, c) => lines.forEach((ln, k) => {
      const w = regular.widthOfTextAtSize(ln, size);
      // numbers right-aligned, text left-aligned
      const x = c === 0 || c === 3 ? xs[c + 1] - 4 - w : xs[c] + 4;
      flow.page.drawText(ln, { x, y: flow.y - lead + 1 - k * lead, font: regular, size });
    }));
    vlines(flow.y, flow.y - h);
    hline(flow.y - h);
    flow.y -= h;
  }

  flow.y -= 30;
  flow.text(['2. Contact persons'], { x: X, font: bold, size: 10.5 });
  flow.y -= 6;
  const cx = [X, X + 110, X + 230, X + 400];
  flow.y -= lead;
  CONTACTS_HEAD.forEach((h, c) => flow.page.drawText(h, { x: cx[c], y: flow.y, font: bold, size }));
  for (const row of CONTACTS) {
    flow.y -= lead + 2;
    row.forEach((v, c) => v && flow.page.drawText(v, { x: cx[c], y: flow.y, font: regular, size }));
  }

  doc.getPages().forEach((p, i, all) => p.drawText(`Page ${i + 1} of ${all.length}`, {
    x: p.getWidth() / 2 - 25, y: 25, font: regular, size: 8 }));
  await save(doc, argv[2]);
}

main(process.argv).catch((err) => {
  process.stderr.write(String(err && err.stack || err) + '\n');
  process.exit(1);
});
