// Preloaded with `node --import`: writes the process's peak resident memory (KiB), then its CPU
// time (user and system, microseconds), to SVCAUDIT_RSS_FILE when it exits, so the benchmark can
// report them where /usr/bin/time is missing. Both are the operating system's accounting: VmHWM
// of /proc/self/status on Linux (getrusage's peak elsewhere), and getrusage's CPU times.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.SVCAUDIT_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${peakKiB() ?? usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}

function peakKiB() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
