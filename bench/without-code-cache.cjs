// The CLI as bin/svcaudit.cjs runs it, but without the V8 code caches of
// dist/code-cache: the benchmark shows what the caches save.
'use strict';
require('../dist/cli.cjs').main();
