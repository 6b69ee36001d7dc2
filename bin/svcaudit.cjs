#!/usr/bin/env node
// Tiny on purpose: start-up time is a feature. Node 22+ can cache compiled
// code; Node 20 cannot, so the CLI is a CommonJS bundle whose commands are
// loaded only when run (see scripts/build.mjs).
'use strict';
require('node:module').enableCompileCache?.();
let cli;
try {
  cli = require('../dist/cli.cjs');
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.cjs')) throw error;
  process.stderr.write('svcaudit: the tool is not built yet (dist/ is missing). Run `npm install` or `npm run build` in its folder.\n');
  process.exitCode = 2;
}
cli?.main();
