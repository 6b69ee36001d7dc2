// Preloaded with `node --import`: records every module file the process loads,
// so the benchmark can show which commands load inquirer (and which do not).
// The CLI is CommonJS (each module passes Module.prototype.load); ES modules,
// if any, are seen by a loader hook.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.SVCAUDIT_TRACE_FILE;
if (log) {
  // Every CommonJS module is loaded through Module.prototype.load, whether Node resolved the
  // request (Module._load) or bin/code-cache.cjs loaded a chunk of the bundle by its path.
  const load = Module.prototype.load;
  Module.prototype.load = function traced(filename) {
    appendFileSync(log, `${pathToFileURL(filename).href}\n`);
    return load.call(this, filename);
  };
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => appendFileSync(log, `${url}\n`));
  port1.unref();
  register('./trace-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
}
