// The floor for a folder of answers files: a read-only pass over the same files (list the folder,
// read every file as text), and nothing else. `node bench/floor-files.mjs FOLDER`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let characters = 0;
for (const name of readdirSync(dir)) characters += readFileSync(join(dir, name), 'utf8').length;
process.stdout.write(`${characters}\n`);
