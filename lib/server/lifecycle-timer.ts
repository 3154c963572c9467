import { openDatabase } from "@/db/client";
import { appClockFor, catchUpLifecycle } from "@/lib/subscriptions";

const EVERY_MS = 60_000;

/**
 * "The same processing also runs on its own as real time passes": once a minute, renewals, trial
 * conversions, expiries and deletions that came due are applied, even when nobody is signed in.
 * Its own connection; the write lock keeps it and request-time catch-up from applying an event twice.
 */
export function startLifecycleTimer(): void {
  const db = openDatabase();
  const clock = appClockFor(db, () => new Date());
  const tick = () => {
    try {
      catchUpLifecycle(db, clock);
    } catch (error) {
      console.error("Lifecycle processing failed", error);
    }
  };
  tick();
  setInterval(tick, EVERY_MS).unref();
}
