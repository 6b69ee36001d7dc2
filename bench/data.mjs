/** Deterministic benchmark inputs: many answers files and large survey CSVs. */
import { existsSync, mkdirSync, renameSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

export const ITEMS = [
  'be-nice', 'respond-quickly', 'benefit-of-the-doubt', 'keep-your-cool', 'be-generous', 'get-to-the-point',
  'happiest-solution', 'smile', 'listen', 'empathize', 'remove-hindrances', 'train-everyone', 'one-touch',
];
const ROLES = ['customer', 'staff', 'manager'];

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
  const dir = join(root, `answers-${count}`);
  if (existsSync(join(dir, `r${count - 1}.yaml`))) return dir;
  mkdirSync(dir, { recursive: true });
  const rand = random(count);
  for (let i = 0; i < count; i++) {
    const lines = ['svcaudit: 1', 'kind: answers', 'rubric: service-commitments', 'respondent:', `  name: Respondent ${i}`, `  role: ${ROLES[i % 3]}`, 'date: 2026-11-20', 'answers:'];
    for (const item of ITEMS) {
      const value = answerValue(rand);
      if (value === '') continue;
      if (rand() < 0.1 && value !== 'na') lines.push(`  ${item}: {score: ${value}, note: "Said on call ${i}: it took a while"}`);
      else lines.push(`  ${item}: ${value}`);
    }
    writeFileSync(join(dir, `r${i}.yaml`), `${lines.join('\n')}\n`);
  }
  return dir;
}

export function surveyCsv(root, rows) {
  return writeSurvey(join(root, `survey-${rows}.csv`), rows, rows, answerValue);
}

/**
 * The follow-up of surveyCsv's survey: the same respondents (names R0, R1, …, so `compare` pairs
 * them), answered anew, a fifth of the answers one level higher.
 */
export function followUpCsv(root, rows) {
  const better = (rand) => {
    const value = answerValue(rand);
    return /^[1-4]$/.test(value) && rand() < 0.2 ? String(Number(value) + 1) : value;
  };
  return writeSurvey(join(root, `follow-up-${rows}.csv`), rows, rows + 1, better);
}

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
    batch += `R${i},${ROLES[i % 3]},${ITEMS.map(() => value(rand)).join(',')}\n`;
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
