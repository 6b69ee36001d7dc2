// The worker thread that reads a large survey export while the CLI scores its rows
// (src/inputs/survey/scan-in-worker.ts), started the way bin/svcaudit.cjs starts the CLI: from the
// V8 code caches where the build left them.
'use strict';
const nodeModule = require('node:module');
const { join } = require('node:path');

if (nodeModule.enableCompileCache) nodeModule.enableCompileCache();
else require('./code-cache.cjs').useCodeCache(join(__dirname, '..', 'dist'), []);
require('../dist/scan-worker.cjs');
