#!/usr/bin/env node
// Tiny on purpose: start-up time is a feature. The CLI is a CommonJS bundle
// whose commands are loaded only when run (see scripts/build.mjs). Node 22+
// caches compiled code itself; on Node 20 the build leaves V8 code caches in
// dist/code-cache (see code-cache.cjs).
'use strict';
const nodeModule = require('node:module');
const { join } = require('node:path');

if (nodeModule.enableCompileCache) nodeModule.enableCompileCache();
else require('./code-cache.cjs').useCodeCache(join(__dirname, '..', 'dist'), process.argv.slice(2));
let cli;
try {
  cli = require('../dist/cli.cjs');
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.cjs')) throw error;
  process.stderr.write('svcaudit: the tool is not built yet (dist/ is missing). Run `npm install` or `npm run build` in its folder.\n');
  process.exitCode = 2;
}
cli?.main();
