import { can, type Action, type Actor } from "@/lib/subscriptions";
import { BULK_CHANGE_CHOICES } from "@/lib/validation";

type BulkChoice = (typeof BULK_CHANGE_CHOICES)[number];

/** The right each bulk change needs (the domain checks it again for the whole request). */
const RIGHT_OF: Record<BulkChoice, Action> = {
  auto_renew_off: "change_auto_renew",
  auto_renew_on: "change_auto_renew",
  suspend: "suspend",
  reactivate: "reactivate",
  cancel: "cancel",
  quantity: "change_quantity",
};

/** The bulk changes a role may make, for **Change for selected**: none means no checkboxes either. */
export function bulkChoicesFor(actor: Pick<Actor, "roles">): BulkChoice[] {
  return BULK_CHANGE_CHOICES.filter((choice) => can(actor, RIGHT_OF[choice]));
}
