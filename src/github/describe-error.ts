/**
 * One line about an error, safe to show and log: the HTTP status and the request's method and
 * path for a GitHub API error (never headers, tokens or response bodies), else the message's
 * first line.
 */
export function describeError(error: unknown): string {
  const request = error as { status?: number; request?: { method?: string; url?: string }; message?: string };
  if (typeof request.status === 'number' && request.request?.url) {
    const path = new URL(request.request.url, 'https://github.invalid').pathname;
    const reason = /secondary rate limit/i.test(request.message ?? '')
      ? "GitHub's secondary rate limit"
      : request.status === 403 && /rate limit/i.test(request.message ?? '')
        ? "GitHub's rate limit"
        : `GitHub answered ${request.status}`;
    return `${reason} on ${request.request.method ?? 'a request to'} ${path}`;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}
