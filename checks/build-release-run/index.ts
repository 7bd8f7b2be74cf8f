import type { Check } from '../define-check.ts';
import noRuntimeCodeUpdate from './no-runtime-code-update/index.ts';
import noBuildAtStart from './no-build-at-start/index.ts';
import pinBaseImage from './pin-base-image/index.ts';
import pinDeployImage from './pin-deploy-image/index.ts';

export const checks: readonly Check[] = [noRuntimeCodeUpdate, noBuildAtStart, pinBaseImage, pinDeployImage];
