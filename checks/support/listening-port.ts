/** The highest TCP port. */
const HIGHEST_PORT = 65_535;
/** Below it, ports need privileges: an app server is handed one only as 80 or 443. */
const FIRST_UNPRIVILEGED_PORT = 1024;

/**
 * A port a server is plausibly handed to listen on: 80, 443 or an unprivileged one. Smaller
 * numbers passed to functions are counts, sizes and statuses far more often than ports.
 */
export function isListeningPort(value: number): boolean {
  return value === 80 || value === 443 || (Number.isInteger(value) && value >= FIRST_UNPRIVILEGED_PORT && value <= HIGHEST_PORT);
}
