import type { Check } from '../define-check.ts';
import noRuntimeCodeUpdate from './no-runtime-code-update.ts';
import noBuildAtStart from './no-build-at-start.ts';
import pinBaseImage from './pin-base-image.ts';

export const checks: readonly Check[] = [noRuntimeCodeUpdate, noBuildAtStart, pinBaseImage];
