import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { escapeRegExp, expect, shot, test, USERS, type Sandbox } from "./fixtures";

/**
 * The how-to's procedures in Swedish, by the Swedish labels (docs/glossary-sv.md): the browser asks
 * for Swedish (Accept-Language sv-SE), so the first visit is in Swedish; the header's **Språk** then
 * switches and is remembered for the user. axe runs on every page in both languages; each page's
 * Swedish screenshot goes to e2e/output/screenshots/sv-*.png.
 *
 * Customers (each test in its own sandbox): School of Fine Art (buy), Best For You Organics (cancel),
 * Wingtip Toys, the Swedish demo customer (suspend).
 */
test.use({ locale: "sv-SE" });

async function signInSv(page: Page, sandbox: Sandbox, demoEmail: string) {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Logga in", level: 1 })).toBeVisible();
  await page.getByLabel("E-post").fill(sandbox.email(demoEmail));
  await page.getByLabel("Lösenord").fill(sandbox.password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("heading", { name: "Kunder", level: 1 })).toBeVisible();
}

async function expectNoSeriousViolations(page: Page, name: string) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  fs.mkdirSync("e2e/output/a11y", { recursive: true });
  fs.writeFileSync(`e2e/output/a11y/${name}.json`, JSON.stringify(results.violations, null, 2));
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  expect(serious, name).toEqual([]);
}

/** No text overflows its box: an element whose content is wider than itself, where it clips. */
async function expectNothingCut(page: Page, name: string) {
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main *, header *")]
      .filter((el) => {
        const style = getComputedStyle(el);
        // Visually hidden text (sr-only: a 1px clipped box) is read by screen readers, not cut.
        if (el.clientWidth <= 1 || el.clientHeight <= 1) return false;
        const clips = style.overflowX === "hidden" || style.textOverflow === "ellipsis";
        return clips && el.scrollWidth > el.clientWidth + 1 && el.textContent?.trim();
      })
      .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent!.trim().slice(0, 60)}`),
  );
  expect(cut, name).toEqual([]);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pageWidth, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
}

async function look(page: Page, name: string) {
  await expectNoSeriousViolations(page, `sv-${name}`);
  await expectNothingCut(page, `sv-${name}`);
  await shot(page, `sv-${name}`);
}

test("köp: Lägg till prenumeration, Lägg till i kundvagn, Granska, Köp — in Swedish, with kronor-style numbers", async ({ page, sandbox }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv-SE");
  await look(page, "sign-in");
  await signInSv(page, sandbox, USERS.admin);
  await look(page, "customers");

  // Från menyn Partner Center väljer du Kunder och väljer sedan en kund i listan.
  await page.getByRole("link", { name: "School of Fine Art", exact: true }).click();
  await expect(page.getByRole("heading", { name: "School of Fine Art", level: 1 })).toBeVisible();
  await look(page, "customer");

  // Välj Lägg till prenumeration.
  await page.getByRole("link", { name: "Lägg till prenumeration" }).click();
  await expect(page.getByRole("tab", { name: "Onlinetjänster" })).toBeVisible();
  await look(page, "catalog");

  // Ange antalet licenser och välj Lägg till i kundvagn.
  const card = page.getByRole("article", { name: "Exchange Online (Plan 1)", exact: true });
  await card.getByLabel("Antal").fill("1250");
  await card.getByRole("radio", { name: "Årsvis" }).check();
  await card.getByRole("button", { name: "Lägg till i kundvagn" }).click();
  await expect(page.getByText("Exchange Online (Plan 1) har lagts till i kundvagnen.").first()).toBeVisible();
  const cart = page.getByRole("complementary", { name: /^Kundvagn/ });
  await expect(cart).toContainText("Kundvagn (1)");
  // Swedish separators: a space between thousands, a comma before the öre (e.g. "1 234,50").
  await expect(cart).toContainText(/\d[\u00a0\u202f ]\d{3},\d{2}/);
  await look(page, "catalog-with-cart");

  // Välj Granska och granska din beställning.
  await cart.getByRole("link", { name: "Granska" }).click();
  await expect(page.getByRole("heading", { name: "Granska", level: 1 })).toBeVisible();
  await look(page, "review");

  // Välj Köp.
  await page.getByRole("button", { name: "Köp" }).click();
  await expect(page.getByText("Din beställning har lagts")).toBeVisible();
  await look(page, "order-confirmation");
});

test("pausa: Status, Pausad, Skicka — and the date under Pausad in Swedish", async ({ page, sandbox }) => {
  await signInSv(page, sandbox, USERS.admin);
  const customerId = sandbox.idOf("wingtip-toys");
  await page.goto(`/customers/${customerId}`);
  const subscriptions = page.getByRole("region", { name: "Prenumerationer", exact: true });
  await subscriptions.getByRole("link", { name: "Office 365 E3", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${escapeRegExp(customerId)}/subscriptions/`));
  await look(page, "subscription");

  const status = page.getByRole("region", { name: "Status", exact: true });
  // "26 nov. 2026": the day, the month's short Swedish name, the year.
  await expect(status).toContainText(/Om den pausas nu upphör den och alla data tas bort \d{1,2} [a-zåäö]+\.? \d{4}/);
  await status.getByRole("radio", { name: "Pausad" }).check();
  await page.getByRole("button", { name: "Skicka", exact: true }).click();
  const summary = page.getByRole("region", { name: "Sammanfattning av prenumerationen", exact: true });
  await expect(summary.getByText("Pausad: användarna kan inte logga in eller komma åt tjänsterna")).toBeVisible();
  await look(page, "subscription-suspended");
});

test("avbryta: Avbryt, Skicka, orsak, Skicka, Ja, avbryt — a full credit within 24 hours", async ({ page, sandbox }) => {
  test.setTimeout(120_000);
  await signInSv(page, sandbox, USERS.admin);
  const customerId = sandbox.idOf("best-for-you-organics");
  // Buy an ISV offer billed monthly, in Swedish, then cancel it within 24 hours.
  await page.goto(`/customers/${customerId}/catalog?q=Relecloud`);
  const card = page.getByRole("article", { name: "Relecloud Insights", exact: true });
  await card.getByLabel("Antal").fill("2");
  await card.getByRole("radio", { name: "Månadsvis" }).check();
  await card.getByRole("button", { name: "Lägg till i kundvagn" }).click();
  await expect(page.getByText("Relecloud Insights har lagts till i kundvagnen.").first()).toBeVisible();
  await page.getByRole("complementary", { name: /^Kundvagn/ }).getByRole("link", { name: "Granska" }).click();
  await page.getByRole("button", { name: "Köp" }).click();
  await expect(page.getByText("Din beställning har lagts")).toBeVisible();

  await page.goto(`/customers/${customerId}`);
  const row = page.getByRole("region", { name: "Prenumerationer", exact: true }).getByRole("row").filter({ has: page.getByRole("link", { name: "Relecloud Insights", exact: true }) });
  // I kolumnen Status väljer du Avbryt. Skicka sedan dina ändringar.
  await row.getByLabel("Status för Relecloud Insights").selectOption({ label: "Avbryt" });
  await row.getByRole("button", { name: "Skicka statusändringen för Relecloud Insights" }).click();
  const dialog = page.getByRole("dialog", { name: "Avbryt Relecloud Insights" });
  await expect(dialog).toContainText("Du är inom annulleringsperioden");
  await dialog.getByLabel("Orsak till annulleringen").selectOption({ label: "Köpt av misstag" });
  await shot(page, "sv-cancel-dialog");
  await dialog.getByRole("button", { name: "Skicka" }).click();
  // Bekräfta annulleringen genom att välja Ja, avbryt.
  await expect(dialog.getByText("Vill du verkligen avbryta prenumerationen?")).toBeVisible();
  await expectNoSeriousViolations(page, "sv-cancel-confirm");
  await dialog.getByRole("button", { name: "Ja, avbryt" }).click();
  await expect(page.getByText("Prenumerationen har avbrutits. En full kredit visas på nästa faktura.").first()).toBeVisible();
  await expect(row.getByText("Avbruten", { exact: true })).toBeVisible();
});

test("Språk in the header switches the language on the same page and is remembered for the user", async ({ page, sandbox, browser }) => {
  await signInSv(page, sandbox, USERS.sales);
  const url = page.url();
  await page.getByLabel("Språk").selectOption("en-US");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  expect(page.url()).toBe(url);
  await expect(page.locator("html")).toHaveAttribute("lang", "en-US");
  await page.getByLabel("Language").selectOption("sv-SE");
  await expect(page.getByRole("heading", { name: "Kunder", level: 1 })).toBeVisible();

  // Another browser that asks for English: the user's choice (Svenska) follows them at sign-in.
  const other = await browser.newContext({ locale: "en-US", baseURL: test.info().project.use.baseURL });
  const second = await other.newPage();
  await second.goto("/sign-in");
  await expect(second.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await second.getByLabel("Email").fill(sandbox.email(USERS.sales));
  await second.getByLabel("Password").fill(sandbox.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second.getByRole("heading", { name: "Kunder", level: 1 })).toBeVisible();
  await other.close();
});

for (const [name, path] of [
  ["renewals", "/renewals"],
  ["activity", "/activity"],
  ["apps", "/apps"],
  ["api-reference", "/api-reference"],
  ["sandbox", "/sandbox"],
  ["home", "/"],
] as const) {
  test(`the ${name} page in Swedish: axe, nothing cut, a screenshot`, async ({ page, sandbox }) => {
    await signInSv(page, sandbox, USERS.admin);
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv-SE");
    await look(page, name);
  });
}
