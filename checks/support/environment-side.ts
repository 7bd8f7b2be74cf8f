/** Which side of dev/prod parity a deploy is on; test environments are their own. */
export type EnvironmentSide = 'dev' | 'prod' | 'test';

/** Environment names by side (RULES.md X: staging and other production-like deploys are production's side). */
const SIDES: Readonly<Record<string, EnvironmentSide>> = {
  development: 'dev',
  develop: 'dev',
  dev: 'dev',
  local: 'dev',
  production: 'prod',
  prod: 'prod',
  staging: 'prod',
  stage: 'prod',
  live: 'prod',
  preprod: 'prod',
  preproduction: 'prod',
  test: 'test',
  testing: 'test',
  ci: 'test',
  e2e: 'test',
};

/** The side an environment name (`"production"`, `"Dev"`) is on, if it names an environment. */
export function environmentSide(name: string | undefined): EnvironmentSide | undefined {
  return name === undefined ? undefined : SIDES[name.toLowerCase()];
}
