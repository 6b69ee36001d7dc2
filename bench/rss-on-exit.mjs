// Preloaded with `node --import`: writes the process's peak resident memory
// (KiB), then its CPU time (user and system, microseconds), to SVCAUDIT_RSS_FILE
// when it exits, so the benchmark can report them. CPU time is less moved than
// wall time by other work on the machine.
import { writeFileSync } from 'node:fs';

const file = process.env.SVCAUDIT_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}
