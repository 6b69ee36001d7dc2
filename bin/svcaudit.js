#!/usr/bin/env node
// Tiny on purpose: start-up time is a feature. Node 22+ can cache compiled
// code; Node 20 cannot, so the CLI is a bundle with lazily loaded commands.
import module from 'node:module';

module.enableCompileCache?.();
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.url ?? error.message).includes('/dist/cli.js')) throw error;
  process.stderr.write('svcaudit: the tool is not built yet (dist/ is missing). Run `npm install` or `npm run build` in its folder.\n');
  process.exitCode = 2;
}
await cli?.main();
