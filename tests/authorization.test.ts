import { describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import type { Role } from "@/db/schema";
import {
  addToCart,
  buy,
  can,
  cancelSubscription,
  DAY_MS,
  getCart,
  HOUR_MS,
  getSubscriptionDetail,
  listActivity,
  moveClockTo,
  nextInvoice,
  removeCartLine,
  updateCartLineQuantity,
  type Action,
  type Actor,
  type Clock,
} from "@/lib/subscriptions";
import { partnerClockFor } from "@/lib/subscriptions/system";
import { actorFor, buySubscription, clockAt, expectRefused, freshDb, SEED_NOW, submitChanges } from "./helpers";

const CUSTOMER = "tailwind-traders";
const USER_BY_ROLE: Record<Role, string> = {
  global_admin: "contoso-global-admin",
  admin_agent: "contoso-admin-agent",
  billing_admin: "contoso-billing-admin",
  helpdesk_agent: "contoso-helpdesk-agent",
  sales_agent: "contoso-sales-agent",
};

interface Fixture {
  db: AppDatabase;
  actor: Actor;
  clock: Clock;
  /** Microsoft base (Office 365 E3), ISV (Northwind CRM Connect), and the seed's suspended Fabrikam E3. */
  microsoft: string;
  isv: string;
  suspended: string;
}

/** Builds what a command acts on before the snapshot; returns an id for `run`. */
type Prepare = (f: Fixture) => string;
interface Command {
  name: string;
  action: Action;
  prepare?: Prepare;
  run: (f: Fixture, prepared: string) => unknown;
}

/** A cart line of the actor's own when the actor may sell, else a Global admin's. */
const cartLineFor: Prepare = (f) => {
  const owner = can(f.actor, "buy") ? f.actor : actorFor(f.db, "contoso-global-admin");
  return addToCart(f.db, owner, f.clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 2, billingFrequency: "monthly" }).id;
};

const COMMANDS: Command[] = [
  { name: "view the cart", action: "view", run: (f) => getCart(f.db, f.actor, CUSTOMER) },
  { name: "add to cart", action: "buy", run: (f) => addToCart(f.db, f.actor, f.clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 1, billingFrequency: "monthly" }) },
  { name: "change a cart line", action: "buy", prepare: cartLineFor, run: (f, lineId) => updateCartLineQuantity(f.db, f.actor, { customerId: CUSTOMER, lineId, quantity: 3 }) },
  { name: "remove a cart line", action: "buy", prepare: cartLineFor, run: (f, lineId) => removeCartLine(f.db, f.actor, { customerId: CUSTOMER, lineId }) },
  { name: "buy", action: "buy", prepare: cartLineFor, run: (f) => buy(f.db, f.actor, f.clock, { customerId: CUSTOMER, idempotencyKey: "auth" }) },
  { name: "change the quantity", action: "change_quantity", run: (f) => submitChanges(f.db, f.actor, f.clock, f.microsoft, { quantity: 11 }) },
  { name: "buy an add-on", action: "buy_addons", run: (f) => submitChanges(f.db, f.actor, f.clock, f.microsoft, { addOns: { "microsoft-365-e5-security": 2 } }) },
  { name: "suspend", action: "suspend", run: (f) => submitChanges(f.db, f.actor, f.clock, f.microsoft, { status: "suspended", suspensionReason: "fraud" }) },
  { name: "reactivate", action: "reactivate", run: (f) => submitChanges(f.db, f.actor, f.clock, f.suspended, { status: "active" }) },
  { name: "cancel", action: "cancel", run: (f) => cancelSubscription(f.db, f.actor, f.clock, { subscriptionId: f.isv, reason: "r" }) },
  { name: "turn off auto-renew", action: "change_auto_renew", run: (f) => submitChanges(f.db, f.actor, f.clock, f.isv, { autoRenew: false }) },
  { name: "see the next invoice", action: "view_billing", run: (f) => nextInvoice(f.db, f.actor, f.clock, CUSTOMER) },
  { name: "see the activity log", action: "view_activity", run: (f) => listActivity(f.db, f.actor) },
  { name: "move the demo clock", action: "move_clock", run: (f) => moveClockTo(f.db, f.actor, partnerClockFor(f.db, f.actor.partnerId, () => SEED_NOW), new Date(SEED_NOW.getTime() + DAY_MS)) },
];

function fixture(role: Role): Fixture {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  const clock = clockAt();
  const microsoft = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e3", quantity: 10 }).id;
  const isv = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 3 }).id;
  const suspended = db.$client.prepare("SELECT id FROM subscriptions WHERE customer_id = 'fabrikam' AND status = 'suspended'").pluck().get() as string;
  clock.advance(HOUR_MS);
  return { db, actor: actorFor(db, USER_BY_ROLE[role]), clock, microsoft, isv, suspended };
}

/** Who may do what, written out by hand (README's matrix), so the table doesn't trust `can`. */
const ALL: Role[] = ["global_admin", "admin_agent", "billing_admin", "helpdesk_agent", "sales_agent"];
const ALLOWED: Record<Action, Role[]> = {
  view: ALL,
  buy: ["global_admin", "admin_agent", "sales_agent"],
  change_quantity: ["global_admin", "admin_agent", "sales_agent"],
  buy_addons: ["global_admin", "admin_agent", "sales_agent"],
  suspend: ["global_admin", "admin_agent", "helpdesk_agent"],
  reactivate: ["global_admin", "admin_agent", "helpdesk_agent"],
  cancel: ["global_admin", "admin_agent", "billing_admin"],
  change_auto_renew: ["global_admin", "admin_agent", "billing_admin"],
  view_billing: ["global_admin", "admin_agent", "billing_admin"],
  view_activity: ["global_admin", "admin_agent", "billing_admin", "helpdesk_agent"],
  move_clock: ["global_admin"],
  manage_apps: ["global_admin"],
};

const cells = ALL.flatMap((role) => COMMANDS.map((command) => [role, command.name, command, ALLOWED[command.action].includes(role)] as const));

describe("every role x domain command", () => {
  it.each(cells)("%s: %s", (role, _name, command, allowed) => {
    const f = fixture(role);
    const prepared = command.prepare?.(f) ?? "";
    if (allowed) {
      expect(() => command.run(f, prepared)).not.toThrow();
    } else {
      expectRefused(f.db, "forbidden", () => command.run(f, prepared));
    }
  });
});

describe("the details page", () => {
  it("shows the ledger only to roles that see billing, and the activity only to roles that see it", () => {
    for (const role of ALL) {
      const f = fixture(role);
      const detail = getSubscriptionDetail(f.db, f.actor, f.clock, f.microsoft);
      expect(detail.ledger.length > 0).toBe(ALLOWED.view_billing.includes(role));
      expect(detail.activity.length > 0).toBe(ALLOWED.view_activity.includes(role));
    }
  });
});

describe("a Submit mixing allowed and forbidden changes", () => {
  it("is refused as a whole, even after the allowed change was applied", () => {
    const f = fixture("sales_agent");
    // The quantity (allowed) is applied before the suspension (forbidden): the transaction rolls both back.
    expectRefused(f.db, "forbidden", () => submitChanges(f.db, f.actor, f.clock, f.microsoft, { quantity: 12, status: "suspended", suspensionReason: "nonpayment" }));
    const helpdesk = fixture("helpdesk_agent");
    // Reactivation (allowed) goes first, the quantity (forbidden) after it.
    expectRefused(helpdesk.db, "forbidden", () => submitChanges(helpdesk.db, helpdesk.actor, helpdesk.clock, helpdesk.suspended, { status: "active", quantity: 30 }));
  });
});
