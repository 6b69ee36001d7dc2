// Preloaded with `node --import`: records every module file the process loads,
// so the benchmark can show which commands load inquirer (and which do not).
// The CLI is CommonJS (each require() passes Module._load); ES modules, if
// any, are seen by a loader hook.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.SVCAUDIT_TRACE_FILE;
if (log) {
  const load = Module._load;
  Module._load = function traced(request, parent, isMain) {
    const exports = load.apply(this, arguments);
    if (!request.startsWith('node:') && !Module.isBuiltin(request)) {
      appendFileSync(log, `${pathToFileURL(Module._resolveFilename(request, parent, isMain)).href}\n`);
    }
    return exports;
  };
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => appendFileSync(log, `${url}\n`));
  port1.unref();
  register('./trace-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
}
