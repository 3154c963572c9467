import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import * as domain from "@/lib/subscriptions";
import * as shared from "@/lib/subscriptions/shared";

/** Functions that write without checking the actor: they must not be reachable from routes. */
const UNCHECKED = ["updateRow", "suspend", "reactivate", "changeQuantity", "endNow", "postCharge", "clearCart", "setAutoRenew", "cancel", "setAddOnQuantity", "provisionSubscription", "recordActivity", "processLifecycle", "processLifecycleBatch", "markDemoData"];

describe("the domain's front door", () => {
  it("exports no internal that writes without a permission check", () => {
    for (const name of UNCHECKED) {
      expect(Object.keys(domain), name).not.toContain(name);
      expect(Object.keys(shared), name).not.toContain(name);
    }
  });

  it("still exports the checked commands the pages and API use", () => {
    for (const name of ["addToCart", "buy", "submitSubscriptionChanges", "cancelSubscription", "moveDemoClock", "listCustomers", "getSubscriptionDetail"]) {
      expect(Object.keys(domain)).toContain(name);
    }
  });
});

describe("the lint rule on deep imports", () => {
  const eslint = new ESLint();
  const restricted = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
  };

  it("refuses a deep import of a domain internal from app/ and components/", async () => {
    const code = 'import { updateRow } from "@/lib/subscriptions/manage";\nexport const x = updateRow;\n';
    expect(await restricted(code, "app/api/example/route.ts")).toBe(1);
    expect(await restricted(code, "components/Example.tsx")).toBe(1);
    expect(await restricted('import { suspend } from "../lib/subscriptions/manage";\nexport const x = suspend;\n', "components/Example.tsx")).toBe(1);
  });

  it("allows the front door and the browser-safe rules", async () => {
    expect(await restricted('import { buy } from "@/lib/subscriptions";\nexport const x = buy;\n', "app/api/example/route.ts")).toBe(0);
    expect(await restricted('import { licensesApply } from "@/lib/subscriptions/shared";\nexport const x = licensesApply;\n', "components/Example.tsx")).toBe(0);
  });
});
