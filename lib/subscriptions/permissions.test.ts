import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { ACTIONS, actingRole, assertCan, can, partnerCanBuy, partnerCanBuyAddOns, ROLE_PERMISSIONS, type Action } from "./permissions";

/** The product's matrix, written out by hand: the test fails if the code drifts from it. */
const Y = true;
const N = false;
// prettier-ignore
const EXPECTED: Record<Role, Record<Action, boolean>> = {
  //                 view  buy  change_quantity  buy_addons  suspend  reactivate  cancel  change_auto_renew  view_billing  move_clock  view_activity  manage_apps
  global_admin:   { view: Y, buy: Y, change_quantity: Y, buy_addons: Y, suspend: Y, reactivate: Y, cancel: Y, change_auto_renew: Y, view_billing: Y, move_clock: Y, view_activity: Y, manage_apps: Y },
  admin_agent:    { view: Y, buy: Y, change_quantity: Y, buy_addons: Y, suspend: Y, reactivate: Y, cancel: Y, change_auto_renew: Y, view_billing: Y, move_clock: N, view_activity: Y, manage_apps: N },
  sales_agent:    { view: Y, buy: Y, change_quantity: Y, buy_addons: Y, suspend: N, reactivate: N, cancel: N, change_auto_renew: N, view_billing: N, move_clock: N, view_activity: N, manage_apps: N },
  billing_admin:  { view: Y, buy: N, change_quantity: N, buy_addons: N, suspend: N, reactivate: N, cancel: Y, change_auto_renew: Y, view_billing: Y, move_clock: N, view_activity: Y, manage_apps: N },
  helpdesk_agent: { view: Y, buy: N, change_quantity: N, buy_addons: N, suspend: Y, reactivate: Y, cancel: N, change_auto_renew: N, view_billing: N, move_clock: N, view_activity: Y, manage_apps: N },
};

const cells = ROLES.flatMap((role) => ACTIONS.map((action) => [role, action, EXPECTED[role][action]] as const));

describe("role x action matrix", () => {
  it("covers every role and action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(Object.keys(EXPECTED[role]).sort()).toEqual([...ACTIONS].sort());
    expect(cells).toHaveLength(ROLES.length * ACTIONS.length);
  });

  it.each(cells)("%s may %s: %s", (role, action, allowed) => {
    expect(can({ roles: [role] }, action)).toBe(allowed);
    expect(ROLE_PERMISSIONS[role].includes(action)).toBe(allowed);
    if (allowed) expect(() => assertCan({ roles: [role] }, action)).not.toThrow();
    else expect(() => assertCan({ roles: [role] }, action)).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});

describe("several roles", () => {
  it("allow what any of them allows", () => {
    const roles: Role[] = ["helpdesk_agent", "sales_agent"];
    expect(can({ roles }, "buy")).toBe(true);
    expect(can({ roles }, "suspend")).toBe(true);
    expect(can({ roles }, "cancel")).toBe(false);
  });

  it("record the first role that allows the action", () => {
    const roles: Role[] = ["helpdesk_agent", "sales_agent", "global_admin"];
    expect(actingRole({ roles }, "view")).toBe("helpdesk_agent");
    expect(actingRole({ roles }, "buy")).toBe("sales_agent");
    expect(actingRole({ roles }, "move_clock")).toBe("global_admin");
    expect(actingRole({ roles: ["billing_admin"] }, "buy")).toBeUndefined();
  });

  it("allow nothing when there are none", () => {
    for (const action of ACTIONS) expect(can({ roles: [] }, action)).toBe(false);
    expect(() => assertCan({ roles: [] }, "view")).toThrow(DomainError);
  });
});

describe("partner types", () => {
  it.each([
    ["direct_bill", true, true],
    ["indirect_provider", true, true],
    ["indirect_reseller", false, false],
  ] as const)("%s: buys=%s, buys add-ons=%s", (type, buys, addOns) => {
    expect(partnerCanBuy(type)).toBe(buys);
    expect(partnerCanBuyAddOns(type)).toBe(addOns);
  });
});
