import packageJson from '../package.json' with { type: 'json' };

export const TOOL_NAME = 'twelve-factor-review';
export const TOOL_VERSION: string = packageJson.version;
