declare const __SVCAUDIT_VERSION__: string | undefined;

/** Set by the bundler from package.json; `0.0.0-dev` when running the sources (tests). */
export const VERSION: string = typeof __SVCAUDIT_VERSION__ === 'string' ? __SVCAUDIT_VERSION__ : '0.0.0-dev';
