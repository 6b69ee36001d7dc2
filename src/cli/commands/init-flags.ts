import { Command } from '@commander-js/extra-typings';
import { commonOptions, type CommandKit } from '../command-kit.js';

export function initCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('init'))
    .description('start a project: a commented svcaudit.config.yaml, an audits/ folder with a blank answers file, and a CI workflow')
    .option('--force', 'overwrite those files when they exist')
    .addHelpText('after', `
Writes svcaudit.config.yaml, audits/self-audit.yaml and .github/workflows/svcaudit.yml in this
folder; an existing one is left alone (exit 2) unless --force is given.

Example:
  $ svcaudit init
`)
    .action(async (options) => {
      const { runInit } = await import('./init.js');
      done(await runInit(options, ctx));
    });
}

export type InitFlags = ReturnType<ReturnType<typeof initCommand>['opts']>;
