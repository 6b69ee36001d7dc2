// The baseline for scoring many answers files: read and parse every file with
// the `yaml` package alone, and do nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const dir = process.argv[2];
let answers = 0;
for (const name of readdirSync(dir)) {
  const data = parse(readFileSync(join(dir, name), 'utf8'));
  answers += Object.keys(data.answers).length;
}
process.stdout.write(`${answers}\n`);
