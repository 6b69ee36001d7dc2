// The floor for a Google Forms export read through a mapping: its cells hold commas, so a minimal
// quote-aware split of each line (readline; quoted cells with doubled quotes, nothing checked),
// each answer cell turned into its level (the agreement labels looked up, else Number()), a sum
// per column. `node bench/floor-quoted.mjs FILE`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const LEVELS = new Map([['Strongly disagree', 1], ['Disagree', 2], ['Neither agree nor disagree', 3], ['Agree', 4], ['Strongly agree', 5]]);

function split(line) {
  const cells = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let cell = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          cell += line.slice(j);
          i = line.length;
          break;
        }
        cell += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          cell += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cells.push(cell);
      if (i >= line.length) return cells;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

let sums;
for await (const line of createInterface({ input: createReadStream(process.argv[2], { encoding: 'utf8' }), crlfDelay: Infinity })) {
  const cells = split(line);
  if (sums === undefined) {
    sums = new Float64Array(cells.length);
    continue;
  }
  for (let i = 0; i < cells.length; i++) {
    const value = LEVELS.get(cells[i]) ?? Number(cells[i]);
    if (value === value) sums[i] += value;
  }
}
process.stdout.write(`${Array.from(sums ?? []).join(',')}\n`);
