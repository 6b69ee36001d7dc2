declare const __SVCAUDIT_VERSION__: string | undefined;

/** Set by the bundler from package.json; `0.0.0-dev` when running the sources (tests). */
export const VERSION: string = typeof __SVCAUDIT_VERSION__ === 'string' ? __SVCAUDIT_VERSION__ : '0.0.0-dev';

declare const __SVCAUDIT_REPOSITORY__: string | undefined;
/**
 * The repository's web address, from package.json `repository` by the bundler; the same address
 * when running the sources (a test keeps the two equal). Rule help links into its docs/rules.md.
 */
export const REPOSITORY_URL: string = typeof __SVCAUDIT_REPOSITORY__ === 'string' ? __SVCAUDIT_REPOSITORY__ : 'https://github.com/svcaudit/svcaudit';
