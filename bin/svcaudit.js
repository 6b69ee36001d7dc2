#!/usr/bin/env node
// Tiny on purpose: start-up time is a feature. Node 22+ can cache compiled
// code; Node 20 cannot, so the CLI is a bundle with lazily loaded commands.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/cli.js');
