import { openDatabase } from "@/db/client";
import { partnerClockFor, partnerIds } from "@/lib/subscriptions/system";
import { removeIdleSandboxes, sandboxSettingsFromEnv } from "@/lib/sandboxes";
import { catchUpIfDue } from "./lifecycle-runner";

const EVERY_MS = 60_000;

/**
 * "The same processing also runs on its own as real time passes": once a minute, each partner's
 * renewals, trial conversions, expiries and deletions that came due by its own clock are applied,
 * even when nobody is signed in. The first tick runs right after start-up, in the background, so a
 * move interrupted by a restart resumes without holding start-up up.
 */
export function startLifecycleTimer(): void {
  const db = openDatabase();
  const realNow = () => new Date();
  // Read at start-up: a bad SANDBOX_* value stops the server with its name.
  const sandboxSettings = sandboxSettingsFromEnv();
  const tick = () => {
    // Sandboxes nobody used for SANDBOX_IDLE_DAYS go first (a few per tick), then each partner's lifecycle.
    try {
      removeIdleSandboxes(db, sandboxSettings, realNow());
    } catch (error) {
      console.error("Removing idle sandboxes failed", error);
    }
    for (const partnerId of partnerIds(db)) catchUpIfDue(db, partnerClockFor(db, partnerId, realNow));
  };
  setTimeout(tick, 0).unref();
  setInterval(tick, EVERY_MS).unref();
}
