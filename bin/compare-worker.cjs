// The worker thread in which `compare` reads its follow-up side (src/app/side-in-worker.ts),
// started the way bin/svcaudit.cjs starts the CLI: from the V8 code caches and compare's pack.
'use strict';
const nodeModule = require('node:module');
const { join } = require('node:path');

if (nodeModule.enableCompileCache) nodeModule.enableCompileCache();
else require('./code-cache.cjs').useCodeCache(join(__dirname, '..', 'dist'), ['compare']);
require('../dist/compare-worker.cjs');
