import type { SuspensionReason } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError, isDomainError, type ErrorCode } from "@/lib/errors";
import type { Problem } from "@/lib/problems";
import { cancelSubscription, submitSubscriptionChanges } from "./changes";
import type { Clock } from "./clock";
import { getSubscriptionContext, type SubscriptionContext } from "./manage";
import type { Notice } from "./notices";
import { assertCan, type Action, type Actor } from "./permissions";

/**
 * Bulk changes: one change applied to many selected subscriptions, each row on its own through the
 * same command a single change uses (submitSubscriptionChanges / cancelSubscription), so the role,
 * the partner type, the subscription's state and the refund window apply exactly as they do on the
 * subscription's page. Each row is its own transaction: a refused row changes nothing, a done row
 * is wholly done and logged under the actor, and one row's refusal never undoes another's change.
 */

/** The most rows one request changes: each is a write transaction, and other requests wait on the writer. */
export const MAX_BULK_ROWS = 100;

export type BulkChange =
  | { kind: "auto_renew"; autoRenew: boolean }
  | { kind: "suspend"; reason?: SuspensionReason | null }
  | { kind: "reactivate" }
  | { kind: "cancel"; reason: string; comment?: string }
  | { kind: "quantity"; quantity: number };

/** The permission a change needs: a role without it is refused the whole request, as for one row. */
const ACTION_OF: Record<BulkChange["kind"], Action> = {
  auto_renew: "change_auto_renew",
  suspend: "suspend",
  reactivate: "reactivate",
  cancel: "cancel",
  quantity: "change_quantity",
};

export interface BulkTarget {
  subscriptionId: string;
  /** The version the page showed: a row changed since is refused as stale, not overwritten. */
  version?: number;
}

/** Every row with its offer's and customer's names (absent for an id that is not the partner's). */
export type BulkRowResult = { subscriptionId: string; offerName?: string; customerName?: string } & (
  | { outcome: "done"; notices: Notice[] }
  | { outcome: "refused"; code: ErrorCode; detail?: Problem }
);

export interface BulkResult {
  results: BulkRowResult[];
  done: number;
  refused: number;
}

function applyOne(db: Db, actor: Actor, clock: Clock, target: BulkTarget, change: BulkChange, ctx: SubscriptionContext): Notice[] {
  // Without a version from the page, the row's current one: the command still re-reads it in its transaction.
  const version = target.version ?? ctx.subscription.version;
  const submit = (changes: Parameters<typeof submitSubscriptionChanges>[3]) => submitSubscriptionChanges(db, actor, clock, changes);
  switch (change.kind) {
    case "auto_renew": {
      const notices = submit({ subscriptionId: target.subscriptionId, version, autoRenew: change.autoRenew });
      return notices.length > 0 ? notices : [{ code: change.autoRenew ? "auto_renew_already_on" : "auto_renew_already_off" }];
    }
    case "suspend": {
      // On its page choosing Suspended for a suspended subscription is no change; here it is asked for, so say so.
      if (ctx.subscription.status !== "active") throw new DomainError("subscription:invalid_transition", { key: "suspendActiveOnly" });
      return submit({ subscriptionId: target.subscriptionId, version, status: "suspended", suspensionReason: change.reason ?? null });
    }
    case "reactivate": {
      if (ctx.subscription.status !== "suspended") throw new DomainError("subscription:invalid_transition", { key: "reactivateSuspendedOnly" });
      return submit({ subscriptionId: target.subscriptionId, version, status: "active" });
    }
    case "quantity": {
      const notices = submit({ subscriptionId: target.subscriptionId, version, quantity: change.quantity });
      return notices.length > 0 ? notices : [{ code: "quantity_unchanged", params: { quantity: change.quantity } }];
    }
    case "cancel": {
      const { outcome, subscription } = cancelSubscription(db, actor, clock, { subscriptionId: target.subscriptionId, version, reason: change.reason, comment: change.comment });
      if (outcome === "scheduled") return [{ code: "cancellation_scheduled", params: { date: subscription.cancellationScheduledAt!.toISOString() } }];
      return [{ code: outcome === "deprovisioned" ? "subscription_deprovisioned" : "subscription_cancelled" }];
    }
  }
}

/**
 * Applies `change` to each selected subscription in turn and reports every row: done with what
 * happened, or refused with the reason (another partner's or an unknown id is "not found", like a
 * single change). At most MAX_BULK_ROWS distinct rows; a repeated id counts once.
 */
export function applyBulkChange(db: Db, actor: Actor, clock: Clock, params: { targets: BulkTarget[]; change: BulkChange }): BulkResult {
  assertCan(actor, ACTION_OF[params.change.kind]);
  const targets = [...new Map(params.targets.map((t) => [t.subscriptionId, t])).values()];
  if (targets.length === 0) throw new DomainError("invalid_input", { key: "selectAtLeastOne" }, { subscriptionId: [{ key: "selectAtLeastOne" }] });
  if (targets.length > MAX_BULK_ROWS) {
    const tooMany: Problem = { key: "selectAtMost", params: { max: MAX_BULK_ROWS, count: targets.length } };
    throw new DomainError("invalid_input", tooMany, { subscriptionId: [tooMany] });
  }
  const results = targets.map((target): BulkRowResult => {
    let names: { offerName?: string; customerName?: string } = {};
    try {
      const ctx = getSubscriptionContext(db, actor, target.subscriptionId);
      names = { offerName: ctx.subscription.friendlyName ?? ctx.offer.name, customerName: ctx.customer.name };
      return { subscriptionId: target.subscriptionId, ...names, outcome: "done", notices: applyOne(db, actor, clock, target, params.change, ctx) };
    } catch (error) {
      // Expected refusals are reported on the row; a bug still throws (rows before it stay done: each committed on its own).
      if (!isDomainError(error)) throw error;
      return { subscriptionId: target.subscriptionId, ...names, outcome: "refused", code: error.code, ...(error.detail ? { detail: error.detail } : {}) };
    }
  });
  const done = results.filter((r) => r.outcome === "done").length;
  return { results, done, refused: results.length - done };
}
