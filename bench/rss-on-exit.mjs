// Preloaded with `node --import`: writes the process's peak resident memory
// (KiB) to SVCAUDIT_RSS_FILE when it exits, so the benchmark can report it.
import { writeFileSync } from 'node:fs';

const file = process.env.SVCAUDIT_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
