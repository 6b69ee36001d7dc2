/** Deterministic benchmark inputs: many answers files and large survey CSVs. */
import { existsSync, mkdirSync, renameSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { deflateRawSync } from 'node:zlib';

export const ITEMS = [
  'be-nice', 'respond-quickly', 'benefit-of-the-doubt', 'keep-your-cool', 'be-generous', 'get-to-the-point',
  'happiest-solution', 'smile', 'listen', 'empathize', 'remove-hindrances', 'train-everyone', 'one-touch',
];
const ROLES = ['customer', 'staff', 'manager'];
/** The items the built-in rubric asks only staff and managers (their `audience`): customers leave them blank, as in examples/. */
const STAFF_ONLY = new Set(['remove-hindrances', 'train-everyone']);
/** Bumped when the data changes, so a cached file of older data is never measured. */
const DATA_VERSION = 3;
/** The Google Forms exports' own version: 4 has their timestamps in time order, as a real export lists its responses. */
const FORMS_DATA_VERSION = 4;
const answerFor = (rand, role, item) => {
  const value = answerValue(rand);
  return role === 'customer' && STAFF_ONLY.has(item) ? '' : value;
};

/** A small, fast, seeded generator (mulberry32), so every run scores the same data. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function answerValue(rand) {
  const r = rand();
  if (r < 0.05) return 'na';
  if (r < 0.08) return '';
  return String(1 + Math.floor(rand() * 5));
}

export function answersFolder(root, count) {
  const dir = join(root, `answers-${count}-v${DATA_VERSION}`);
  if (existsSync(join(dir, `r${count - 1}.yaml`))) return dir;
  mkdirSync(dir, { recursive: true });
  const rand = random(count);
  for (let i = 0; i < count; i++) {
    const lines = ['svcaudit: 1', 'kind: answers', 'rubric: service-commitments', 'respondent:', `  name: Respondent ${i}`, `  role: ${ROLES[i % 3]}`, 'date: 2026-11-20', 'answers:'];
    for (const item of ITEMS) {
      const value = answerFor(rand, ROLES[i % 3], item);
      if (value === '') continue;
      if (rand() < 0.1 && value !== 'na') lines.push(`  ${item}: {score: ${value}, note: "Said on call ${i}: it took a while"}`);
      else lines.push(`  ${item}: ${value}`);
    }
    writeFileSync(join(dir, `r${i}.yaml`), `${lines.join('\n')}\n`);
  }
  return dir;
}

export function surveyCsv(root, rows) {
  return writeSurvey(join(root, `survey-${rows}-v${DATA_VERSION}.csv`), rows, rows, answerFor);
}

/**
 * The follow-up of surveyCsv's survey: the same respondents (names R0, R1, …, so `compare` pairs
 * them), answered anew, a fifth of the answers one level higher.
 */
export function followUpCsv(root, rows) {
  const better = (rand, role, item) => {
    const value = answerFor(rand, role, item);
    return /^[1-4]$/.test(value) && rand() < 0.2 ? String(Number(value) + 1) : value;
  };
  return writeSurvey(join(root, `follow-up-${rows}-v${DATA_VERSION}.csv`), rows, rows + 1, better);
}

/** `value(rand, role, item)`: one answer. */
async function writeSurvey(file, rows, seed, value) {
  if (existsSync(file)) return file;
  mkdirSync(join(file, '..'), { recursive: true });
  // Written beside and renamed when whole: a run stopped half-way must not leave a short file to be measured.
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const rand = random(seed);
  out.write(`name,role,${ITEMS.join(',')}\n`);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    batch += `R${i},${ROLES[i % 3]},${ITEMS.map((item) => value(rand, ROLES[i % 3], item)).join(',')}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
  renameSync(partial, file);
  return file;
}

/** The levels as a Google Forms agreement scale writes them, and its "don't know" for na. */
const AGREEMENT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const asLabel = (value) => (value === 'na' ? "Don't know" : value === '' ? '' : AGREEMENT[Number(value) - 1]);

/**
 * The rows of surveyCsv (same seed, same answers) as a Google Forms export, with the mapping that
 * reads it: `Timestamp` first, a grid question's rows as `Question [Row]`, answers as labels.
 */
export async function googleFormsCsv(root, rows) {
  const map = join(root, 'google-forms.map.yaml');
  mkdirSync(root, { recursive: true });
  writeFileSync(map, googleFormsMapping());
  const file = await writeFormsExport(join(root, `google-forms-${rows}-v${FORMS_DATA_VERSION}.csv`), rows, rows, '', () => '');
  return { file, map };
}

/**
 * A Google Forms export of `rows` rows of surveyCsv's respondents (answers drawn from `seed`), each
 * row ending with `extra(i)` under the header's `more` columns.
 */
async function writeFormsExport(file, rows, seed, more, extra) {
  if (existsSync(file)) return file;
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const rand = random(seed);
  out.write(`Timestamp,Your name,Which best describes you?,${ITEMS.map((id) => `"How much do you agree? [${id}]"`).join(',')}${more}\n`);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    batch += `${formsTimestamp(i, rows)},R${i},${ROLES[i % 3]},${ITEMS.map((item) => asLabel(answerFor(rand, ROLES[i % 3], item))).join(',')}${extra(i)}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
  renameSync(partial, file);
  return file;
}

/**
 * Google Forms' timestamp of row i of `rows`: a fortnight of fieldwork in time order, as Google
 * Forms lists its responses, the clock moving on through each day (a column of 14 dates whose
 * texts rarely repeat).
 */
function formsTimestamp(i, rows) {
  const day = Math.floor((i * 14) / rows);
  const seconds = 9 * 3600 + Math.floor((((i * 14) % rows) / rows) * 36000);
  const hour = Math.floor(seconds / 3600);
  const clock = `${hour > 12 ? hour - 12 : hour}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')} ${hour >= 12 ? 'PM' : 'AM'}`;
  return `2026/11/${String(10 + day).padStart(2, '0')} ${clock} GMT`;
}

function googleFormsMapping() {
  return [
    'svcaudit: 1', 'kind: mapping', 'rubric: service-commitments', 'layout: google-forms', 'columns:',
    ...ITEMS.map((id) => `  ${id}: "How much do you agree? [${id}]"`),
    'respondent:', '  name: Your name', '  role: Which best describes you?', 'date: Timestamp',
    `labels: {${AGREEMENT.map((label, i) => `"${label}": ${i + 1}`).join(', ')}}`, '',
  ].join('\n');
}

/** The same rows as a one-sheet .xlsx of shared strings (as Microsoft Forms' "Open in Excel" writes it). */
export function surveyXlsx(root, rows) {
  const file = join(root, `survey-${rows}-v${DATA_VERSION}.xlsx`);
  if (existsSync(file)) return file;
  mkdirSync(root, { recursive: true });
  const rand = random(rows);
  const strings = new Map();
  const shared = (text) => {
    if (!strings.has(text)) strings.set(text, strings.size);
    return strings.get(text);
  };
  const cell = (ref, value) => (value === '' ? '' : `<c r="${ref}" t="s"><v>${shared(value)}</v></c>`);
  const columns = ['name', 'role', ...ITEMS];
  const letters = columns.map((_, i) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`));
  const sheet = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`];
  sheet.push(`<row r="1">${columns.map((c, i) => cell(`${letters[i]}1`, c)).join('')}</row>`);
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const values = [`R${i}`, ROLES[i % 3], ...ITEMS.map((item) => answerFor(rand, ROLES[i % 3], item))];
    sheet.push(`<row r="${r}">${values.map((v, c) => (/^\d+$/.test(v) ? `<c r="${letters[c]}${r}"><v>${v}</v></c>` : cell(`${letters[c]}${r}`, v))).join('')}</row>`);
  }
  sheet.push('</sheetData></worksheet>');
  const esc = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = (s) => Buffer.from(s, 'utf8');
  const parts = [
    { name: '[Content_Types].xml', data: text('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>') },
    { name: 'xl/workbook.xml', data: text('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: text('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: text(sheet.join('')) },
    { name: 'xl/sharedStrings.xml', data: text(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${[...strings.keys()].map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`) },
  ];
  writeFileSync(`${file}.partial`, zip(parts));
  renameSync(`${file}.partial`, file);
  return file;
}

/** A ZIP of deflated parts (APPNOTE.TXT 4.3), enough for a workbook. */
function zip(parts) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const packed = deflateRawSync(part.data);
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(part.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A Google Forms export of `rows` rows in which every respondent wrote a comment: as many quotes
 * as rows (`item: general` evidence, under General comments), with its mapping.
 */
export async function googleFormsQuotesCsv(root, rows) {
  const map = join(root, 'google-forms-quotes.map.yaml');
  mkdirSync(root, { recursive: true });
  writeFileSync(map, googleFormsMapping().replace('labels:', 'evidence:\n  - {column: "Anything else?", item: general}\nlabels:'));
  const said = (i) => `,"Call ${i}: kept waiting, but the agent was kind, and it was solved"`;
  const file = await writeFormsExport(join(root, `google-forms-quotes-${rows}-v${FORMS_DATA_VERSION}.csv`), rows, rows + 7, ',Anything else?', said);
  return { file, map };
}
