import { setImmediate as yieldToOtherRequests } from "node:timers/promises";
import type { Db } from "@/db/client";
import type { PartnerClock } from "@/lib/subscriptions";
import { isLifecycleDue, processLifecycleBatch } from "@/lib/subscriptions/system";

/**
 * Runs each partner's lifecycle processing in bounded batches. Between two batches the event loop
 * serves other requests, so a long Demo clock move (years of renewals) never stalls the server, and
 * SIGTERM is handled. One run per partner at a time; kept on globalThis so the timer and the
 * request handlers, which Next may load as separate module instances, share it.
 */
const runs: Map<string, Promise<void>> = ((globalThis as { partnerCenterLifecycleRuns?: Map<string, Promise<void>> }).partnerCenterLifecycleRuns ??= new Map());

export function isCatchingUp(partnerId: string): boolean {
  return runs.has(partnerId);
}

/** Processes everything due for the clock's partner, batch after batch, until nothing is due. */
export function catchUpInBackground(db: Db, clock: PartnerClock): Promise<void> {
  const existing = runs.get(clock.partnerId);
  if (existing) return existing;
  // Unregistered in `.finally`, which always runs after `runs.set`. A `finally` inside the async body
  // ran first when one batch did everything without awaiting, and left a finished run registered for
  // good: no catch-up for that partner and every later Demo clock move "finished" unprocessed.
  const run = processUntilDone(db, clock).finally(() => runs.delete(clock.partnerId));
  runs.set(clock.partnerId, run);
  return run;
}

async function processUntilDone(db: Db, clock: PartnerClock): Promise<void> {
  try {
    for (;;) {
      if (processLifecycleBatch(db, clock.partnerId, clock.now()).done) return;
      await yieldToOtherRequests();
    }
  } catch (error) {
    console.error(`Lifecycle processing failed for partner ${clock.partnerId}`, error);
  }
}

/** For the timer: starts a background run when this partner has anything due by its own clock. */
export function catchUpIfDue(db: Db, clock: PartnerClock): void {
  if (!runs.has(clock.partnerId) && isLifecycleDue(db, clock.partnerId, clock.now())) void catchUpInBackground(db, clock);
}

/**
 * Before a signed-in request renders: nothing due costs one cheap read and no write; a small backlog
 * (one batch) is applied so the page shows the present; a longer one goes on in the background while
 * the Demo clock panel shows its progress.
 */
export function catchUpOnRequest(db: Db, clock: PartnerClock): void {
  if (runs.has(clock.partnerId)) return;
  const now = clock.now();
  if (!isLifecycleDue(db, clock.partnerId, now)) return;
  if (!processLifecycleBatch(db, clock.partnerId, now).done) void catchUpInBackground(db, clock);
}

/** After a Demo clock move: processes it in the background and waits up to `waitMs`; true when it finished. */
export async function processClockMove(db: Db, clock: PartnerClock, waitMs = 1500): Promise<boolean> {
  const run = catchUpInBackground(db, clock);
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
  const finished = await Promise.race([run.then(() => true as const), waited]);
  clearTimeout(timer);
  return finished;
}
