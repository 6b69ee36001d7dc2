// The floor for CSV rows in svcaudit's own layout: the least any Node tool can do with the same
// rows. Each line through readline, split on commas, every cell through Number(), a sum per
// column; nothing checked, nothing kept. `node bench/floor-csv.mjs FILE...` (compare's floor
// reads both of its files).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

for (const file of process.argv.slice(2)) {
  let sums;
  for await (const line of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    const cells = line.split(',');
    if (sums === undefined) {
      sums = new Float64Array(cells.length);
      continue;
    }
    for (let i = 0; i < cells.length; i++) {
      const value = Number(cells[i]);
      if (value === value) sums[i] += value;
    }
  }
  process.stdout.write(`${Array.from(sums ?? []).join(',')}\n`);
}
