// Runs one svcaudit command (the arguments) while recording V8 code caches of
// dist/ (see bin/code-cache.cjs); scripts/build.mjs runs it for a few commands.
'use strict';
const { join } = require('node:path');
const { makeCodeCache } = require('../bin/code-cache.cjs');

// The run's pack, if the build has made it; SVCAUDIT_LOADED_LOG: where to list the files it loaded.
makeCodeCache(join(__dirname, '..', 'dist'), process.argv.slice(2), process.env.SVCAUDIT_LOADED_LOG);
process.argv = [process.argv[0], join(__dirname, '..', 'bin', 'svcaudit.cjs'), ...process.argv.slice(2)];
require('../dist/cli.cjs').main();
