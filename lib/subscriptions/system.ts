/**
 * What the server itself runs, with no user behind it: the lifecycle that "runs on its own as real
 * time passes", each partner's clock, and the demo-data flag the seed sets. Used by `lib/server`,
 * `lib/auth` and `db/`; never by routes or components.
 */
export { isLifecycleDue, partnerIds, processLifecycle, processLifecycleBatch, LIFECYCLE_BATCH_SIZE, type LifecycleBatch } from "./lifecycle";
export { clockHorizon, isDemoData, markDemoData, partnerClockFor } from "./demo-clock";
