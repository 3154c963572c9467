/**
 * Partner Center documents 500 requests per minute per tenant for the Subscription resource; this
 * product applies it to every /v1 request of a partner, counted in fixed one-minute windows per
 * server process. Kept on globalThis so the route modules Next loads separately share one count.
 */
export const REQUESTS_PER_MINUTE = 500;
const WINDOW_MS = 60_000;

const windows: Map<string, { start: number; count: number }> = ((globalThis as { partnerCenterRateWindows?: Map<string, { start: number; count: number }> }).partnerCenterRateWindows ??= new Map());

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Whole seconds until the window ends, for Retry-After. */
  retryAfterS: number;
}

/** Counts one request of the partner at `now`; refuses it past the window's limit. */
export function takeRequest(partnerId: string, now: Date, limit = REQUESTS_PER_MINUTE): RateDecision {
  const t = now.getTime();
  let window = windows.get(partnerId);
  if (!window || t - window.start >= WINDOW_MS) windows.set(partnerId, (window = { start: t - (t % WINDOW_MS), count: 0 }));
  const retryAfterS = Math.max(1, Math.ceil((window.start + WINDOW_MS - t) / 1000));
  if (window.count >= limit) return { allowed: false, limit, retryAfterS };
  window.count++;
  return { allowed: true, limit, retryAfterS };
}

/** For tests: forget every window. */
export function resetRateLimits(): void {
  windows.clear();
}
