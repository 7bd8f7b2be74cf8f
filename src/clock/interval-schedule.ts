import type { Schedule } from './bullmq-schedule.ts';

/**
 * Runs `task` now and then every `intervalMs`, in this process only (the all-in-one default,
 * without Redis). A run still going when the next is due is not overlapped: that tick is skipped.
 */
export function startIntervalSchedule(options: { intervalMs: number; task: () => Promise<void>; onError: (error: Error) => void }): Schedule {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = options
      .task()
      .catch((error: unknown) => options.onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return {
    async close(timeoutMs) {
      clearInterval(timer);
      if (!running) return;
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise<void>((resolve) => (wait = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(wait);
    },
  };
}
