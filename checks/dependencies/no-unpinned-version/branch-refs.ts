/** Refs that name a moving branch rather than a tag or a commit. */
export const BRANCH_REFS: ReadonlySet<string> = new Set(['main', 'master', 'develop', 'development', 'dev', 'trunk', 'head', 'HEAD', 'next', 'staging', 'canary', 'nightly']);
