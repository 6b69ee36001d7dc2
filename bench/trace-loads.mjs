// Preloaded with `node --import`: records every module file the process loads,
// so the benchmark can show which commands load inquirer (and which do not).
// The CLI is CommonJS (each module is entered in Module._cache); ES modules,
// if any, are seen by a loader hook.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.SVCAUDIT_TRACE_FILE;
if (log) {
  // Every CommonJS module is entered in Module._cache before it runs, whether Node's loader
  // (Module._load) or bin/code-cache.cjs loaded it, from its file or from a command's pack.
  Module._cache = new Proxy(Module._cache, {
    set(cache, filename, module) {
      if (!(filename in cache)) appendFileSync(log, `${pathToFileURL(filename).href}\n`);
      cache[filename] = module;
      return true;
    },
  });
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => appendFileSync(log, `${url}\n`));
  port1.unref();
  register('./trace-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
}
