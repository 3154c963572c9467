import type { Cloud, PartnerType, Role } from "@/db/schema";
import { DomainError } from "@/lib/errors";

/** Who is acting: the signed-in user, their partner and roles. Every domain call takes one. */
export interface Actor {
  userId: string;
  name: string;
  partnerId: string;
  partnerName: string;
  partnerType: PartnerType;
  cloud: Cloud;
  roles: Role[];
}

export const ACTIONS = [
  "view",
  "buy",
  "change_quantity",
  "buy_addons",
  "suspend",
  "reactivate",
  "cancel",
  "change_auto_renew",
  "view_billing",
  "move_clock",
  "view_activity",
  "manage_apps",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The product's role x action matrix (Microsoft publishes none; README.md documents this one).
 * Global admin and Admin agent do everything, except that only a Global admin moves the demo clock
 * and registers REST API apps;
 * Sales agents sell; Billing admins handle money (cancel, auto-renew, invoices); Helpdesk agents
 * suspend and reactivate.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  global_admin: ACTIONS,
  // Registering REST API apps hands out Admin agent rights, so only a Global admin does it.
  admin_agent: ACTIONS.filter((a) => a !== "move_clock" && a !== "manage_apps"),
  sales_agent: ["view", "buy", "change_quantity", "buy_addons"],
  billing_admin: ["view", "cancel", "change_auto_renew", "view_billing", "view_activity"],
  helpdesk_agent: ["view", "suspend", "reactivate", "view_activity"],
};

export function can(actor: Pick<Actor, "roles">, action: Action): boolean {
  return actor.roles.some((role) => ROLE_PERMISSIONS[role].includes(action));
}

export function assertCan(actor: Pick<Actor, "roles">, action: Action): void {
  if (!can(actor, action)) throw new DomainError("forbidden");
}

/** The role recorded in the activity log: the first of the actor's roles that allows the action. */
export function actingRole(actor: Pick<Actor, "roles">, action: Action): Role | undefined {
  return actor.roles.find((role) => ROLE_PERMISSIONS[role].includes(action));
}

/** "The ability to purchase add-ons through Partner Center is only available to direct bill and indirect providers." */
export function partnerCanBuyAddOns(partnerType: PartnerType): boolean {
  return partnerType === "direct_bill" || partnerType === "indirect_provider";
}

/** Indirect resellers order through their indirect provider; they cannot transact here. */
export function partnerCanBuy(partnerType: PartnerType): boolean {
  return partnerType !== "indirect_reseller";
}
