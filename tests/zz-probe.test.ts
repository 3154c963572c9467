import { it } from "vitest";
import { DAY_MS, processLifecycle } from "@/lib/subscriptions";
import { actorFor, buySubscription, clockAt, freshDb, ledgerOf, submitChanges, stored } from "./helpers";
it("probe", () => {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  const clock = clockAt();
  const sub = buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "contoso-backup-pro", quantity: 2 });
  clock.advance(2 * DAY_MS);
  console.log(submitChanges(db, admin, clock, sub.id, { autoRenew: false }));
  processLifecycle(db, new Date(sub.trialEndsAt!.getTime() + 40 * DAY_MS));
  const s = stored(db, sub.id);
  console.log(s.status, s.endedAt, ledgerOf(db, sub.id).map(l => [l.kind, l.amountMinor]));
});
