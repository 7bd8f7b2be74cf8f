import type { Check } from '../define-check.ts';
import noMemorySessionStore from './no-memory-session-store/index.ts';
import noModuleStateInHandlers from './no-module-state-in-handlers/index.ts';
import noLocalUploadStorage from './no-local-upload-storage/index.ts';
import noHostpathState from './no-hostpath-state/index.ts';
import noStickySessions from './no-sticky-sessions/index.ts';

export const checks: readonly Check[] = [noMemorySessionStore, noModuleStateInHandlers, noLocalUploadStorage, noHostpathState, noStickySessions];
