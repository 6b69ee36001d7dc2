// Preloaded with `node --import`: records every module file the process loads,
// so the benchmark can show which commands load inquirer (and which do not).
import { register } from 'node:module';
import { appendFileSync } from 'node:fs';

const log = process.env.SVCAUDIT_TRACE_FILE;
if (log) {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => appendFileSync(log, `${url}\n`));
  port1.unref();
  register('./trace-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
}
