import type { Check } from '../define-check.ts';
import noMemorySessionStore from './no-memory-session-store.ts';
import noModuleStateInHandlers from './no-module-state-in-handlers.ts';
import noLocalUploadStorage from './no-local-upload-storage.ts';

export const checks: readonly Check[] = [noMemorySessionStore, noModuleStateInHandlers, noLocalUploadStorage];
