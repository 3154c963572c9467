import { test as base, expect, type Page } from "@playwright/test";

/** A sandbox started for one test, with the sign-in details its page showed once. */
export interface SandboxInfo {
  id: string;
  /** Every user's password. */
  password: string;
  /** Email by role label as the page lists them ("Global admin", "Sales agent"...). */
  emails: Record<string, string>;
  /** A demo id as it is in this sandbox: `fabrikam` -> `<sandbox id>.fabrikam`. */
  idOf(demoId: string): string;
}

/**
 * **Start a sandbox** on the sign-in page, as a visitor does: signed in as its Global admin on the
 * Sandbox page, whose sign-in details are read before they are gone.
 */
export async function startSandbox(page: Page, kind: "Direct bill partner" | "Indirect provider and its reseller" | "US Government cloud" = "Direct bill partner"): Promise<SandboxInfo> {
  await page.goto("/sign-in");
  await page.getByLabel("Partner type").selectOption({ label: kind });
  await page.getByRole("button", { name: "Start a sandbox" }).click();
  await expect(page).toHaveURL(/\/sandbox\?welcome=/);
  const details = page.getByRole("region", { name: "Sign-in details" });
  const password = (await details.getByTestId("sandbox-password").textContent())!.trim();
  const emails: Record<string, string> = {};
  for (const row of await details.getByRole("row").all()) {
    const cells = await row.getByRole("cell").allTextContents();
    if (cells.length >= 3 && !(cells[2] in emails)) emails[cells[2]] = cells[0];
  }
  const id = /\+(sbx[a-z0-9]+)@/.exec(emails["Global admin"])![1];
  return { id, password, emails, idOf: (demoId) => `${id}.${demoId}` };
}

/**
 * Opt-in fixture: `import { test, expect } from "./sandbox-fixture"` gives each test `sandbox`, a
 * tenant of its own with `page` signed in as its Global admin, deleted over /v1 afterwards (its
 * admin's token), so tests share no demo customers and can run with several workers on one server.
 * The server must allow as many sandboxes per address and hour as the suite starts
 * (SANDBOXES_PER_ADDRESS_PER_HOUR).
 */
export const test = base.extend<{ sandbox: SandboxInfo }>({
  sandbox: async ({ page, request }, provide) => {
    const sandbox = await startSandbox(page);
    await provide(sandbox);
    // Already deleted by the test (its own Delete) answers 401 or 404: nothing left to do.
    const grant = await request.post("/oauth2/token", { form: { grant_type: "password", username: sandbox.emails["Global admin"], password: sandbox.password } });
    if (!grant.ok()) return;
    const { access_token } = (await grant.json()) as { access_token: string };
    await request.delete(`/v1/sandboxes/${sandbox.id}`, { headers: { authorization: `Bearer ${access_token}` } });
  },
});

export { expect };
