import { expect, type Locator, type Page } from "@playwright/test";

// ─────────────────────────────────────────────────────────────────────────────
// Page objects
// ─────────────────────────────────────────────────────────────────────────────

/**
 * Toasts float at the bottom right, where the cart's Review and the Review page's Buy can be, and a pointer resting on one keeps
 * it open (sonner pauses on hover): a click that keeps landing on a toast waits forever. When one covers
 * `target`, the pointer moves away and the toast is let go first, as a person would.
 */
async function waitForToastsOff(page: Page, target: Locator) {
  const covered = async () => {
    const box = await target.boundingBox();
    if (!box) return false;
    const toasts = await page.locator("[data-sonner-toast]").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    return toasts.some((t) => t.left < box.x + box.width && box.x < t.right && t.top < box.y + box.height && box.y < t.bottom);
  };
  if (!(await covered())) return;
  await page.mouse.move(0, 0);
  await expect.poll(covered, { timeout: 15_000 }).toBe(false);
}

export class CustomersPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/customers");
    await expect(this.page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  }

  get table() {
    return this.page.getByRole("table");
  }

  customerLink(name: string) {
    return this.page.getByRole("link", { name, exact: true });
  }

  async search(q: string) {
    await this.page.getByRole("searchbox", { name: "Search customers by name" }).fill(q);
    await this.page.getByRole("button", { name: "Search" }).click();
    await this.page.waitForURL((url) => url.searchParams.get("q") === q);
    // The list is fetched as you type; wait for that search to land.
    await expect(this.page.getByText("Searching…")).toHaveCount(0);
  }

  /** Customer names in table order. */
  async names(): Promise<string[]> {
    return this.table.locator("tbody tr td:first-child").allInnerTexts();
  }

  /** Opens a customer from the list, the seed's "choose a customer from the list". */
  async open(name: string) {
    await this.search(name);
    await this.customerLink(name).click();
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
  }
}

export class CustomerPage {
  constructor(readonly page: Page, readonly customerId: string) {}

  async goto() {
    await this.page.goto(`/customers/${this.customerId}`);
    await expect(this.subscriptionsSection).toBeVisible();
  }

  get subscriptionsSection() {
    return this.page.getByRole("region", { name: "Subscriptions", exact: true });
  }

  get rows() {
    return this.subscriptionsSection.getByRole("row");
  }

  /** The Subscriptions table row of an offer (the n-th if the customer has several). */
  row(offerName: string, nth = 0) {
    return this.subscriptionsSection.getByRole("row").filter({ has: this.page.getByRole("link", { name: offerName, exact: true }) }).nth(nth);
  }

  async count(offerName: string) {
    return this.subscriptionsSection.getByRole("link", { name: offerName, exact: true }).count();
  }

  /** "select the subscription name from that customer's Subscriptions page" */
  async openSubscription(offerName: string, nth = 0) {
    await this.row(offerName, nth).getByRole("link", { name: offerName, exact: true }).click();
    await expect(this.page.getByRole("heading", { name: offerName, level: 1 })).toBeVisible();
    return new SubscriptionPage(this.page);
  }

  get nextInvoice() {
    return this.page.getByRole("region", { name: "Next invoice", exact: true });
  }
}

export class CatalogPage {
  constructor(readonly page: Page, readonly customerId: string) {}

  async goto(query = "") {
    await this.page.goto(`/customers/${this.customerId}/catalog${query}`);
    await expect(this.page.getByRole("tab", { name: "Online Services" })).toBeVisible();
  }

  get filters() {
    return this.page.getByRole("complementary", { name: "Filters" });
  }

  get offers() {
    return this.page.getByRole("list", { name: "Offers" }).getByRole("article");
  }

  offer(name: string) {
    return this.page.getByRole("article", { name, exact: true });
  }

  /** Why the offer can't be bought (the note on its card). */
  unavailableNote(name: string) {
    return this.offer(name).getByRole("note", { name: `Why ${name} can't be bought` });
  }

  get cart() {
    return this.page.getByRole("complementary", { name: /^Cart/ });
  }

  async search(q: string) {
    await this.page.getByRole("searchbox", { name: "Search offers" }).fill(q);
    if (q) await expect(this.page).toHaveURL(new RegExp(`[?&]q=`));
    await this.waitIdle();
  }

  /** Filters are checkboxes in a fieldset per group: Publisher, Billing type, Category. */
  filter(group: "Publisher" | "Billing type" | "Category", option: string) {
    return this.filters.getByRole("group", { name: group }).getByRole("checkbox", { name: option, exact: true });
  }

  async waitIdle() {
    await expect(this.filters).not.toHaveAttribute("aria-busy", "true");
  }

  /** Finds an offer by searching for it (the catalog is paged), then adds it to the cart. */
  async addToCart(name: string, opts: { quantity?: number | string; frequency?: "Monthly" | "Annual" } = {}) {
    await this.search(name);
    const card = this.offer(name);
    await expect(card).toBeVisible();
    const before = await this.cartCount();
    if (opts.quantity !== undefined) await card.getByLabel("Quantity").fill(String(opts.quantity));
    if (opts.frequency) await card.getByRole("radio", { name: opts.frequency }).check();
    await card.getByRole("button", { name: "Add to cart" }).click();
    await expect(this.page.getByText(`${name} added to the cart.`).first()).toBeVisible();
    // A line for an offer already in the cart adds to its quantity instead of adding a line.
    await expect.poll(() => this.cartCount()).toBeGreaterThanOrEqual(before);
  }

  async cartCount(): Promise<number> {
    const text = await this.cart.getByRole("heading", { level: 2 }).innerText();
    return Number(/\((\d+)\)/.exec(text)?.[1] ?? NaN);
  }

  async review() {
    const review = this.cart.getByRole("link", { name: "Review" });
    await waitForToastsOff(this.page, review);
    await review.click();
    await expect(this.page).toHaveURL(new RegExp(`/customers/${this.customerId}/review`));
    await expect(this.page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
  }
}

export class SubscriptionPage {
  constructor(readonly page: Page) {}

  async goto(customerId: string, subscriptionId: string) {
    await this.page.goto(`/customers/${customerId}/subscriptions/${subscriptionId}`);
  }

  get summary() {
    return this.page.getByRole("region", { name: "Subscription summary", exact: true });
  }

  /** The Status item of the summary. */
  async status(): Promise<string> {
    return (await this.summaryItem("Status")).trim();
  }

  async summaryItem(label: string): Promise<string> {
    return this.summary.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]").innerText();
  }

  get statusSection() {
    return this.page.getByRole("region", { name: "Status", exact: true });
  }

  get addOnsSection() {
    return this.page.getByRole("region", { name: "Add-ons", exact: true });
  }

  get quantity() {
    return this.page.getByRole("region", { name: "Licenses", exact: true }).getByLabel("Quantity");
  }

  async submit() {
    await this.page.getByRole("button", { name: "Submit", exact: true }).click();
  }

  /** The inline result of the last Submit (success or error), the status/alert under the form. */
  result(text: string | RegExp) {
    return this.page.locator("main").getByText(text);
  }

  async suspend(reason = "Customer request") {
    await this.statusSection.getByRole("radio", { name: "Suspended" }).check();
    await this.statusSection.getByLabel("Reason for suspension").selectOption({ label: reason });
    await this.submit();
    await expect.poll(() => this.status()).toBe("Suspended");
  }

  async reactivate() {
    await this.statusSection.getByRole("radio", { name: "Active" }).check();
    await this.submit();
    await expect.poll(() => this.status()).toBe("Active");
  }
}

/** The review page: lines of the order and **Buy**. */
export class ReviewPage {
  constructor(readonly page: Page, readonly customerId: string) {}

  get table() {
    return this.page.getByRole("table", { name: "Order lines" });
  }

  line(offerName: string) {
    return this.table.getByRole("row").filter({ hasText: offerName });
  }

  async buy() {
    const buy = this.page.getByRole("button", { name: "Buy" });
    // The catalog's "added to the cart" toasts follow to Review and can sit on Buy.
    await waitForToastsOff(this.page, buy);
    await buy.click();
    await expect(this.page.getByText("Your order has been placed")).toBeVisible();
  }
}

/** The **Demo clock** panel (Global admins, demo data only). */
export class DemoClock {
  constructor(readonly page: Page) {}

  get region() {
    return this.page.getByRole("region", { name: "Demo clock" });
  }

  get nowText() {
    return this.region.getByTestId("demo-now");
  }

  /** The demo "now", as a Date (the panel shows e.g. "Mar 2, 2026, 9:00 AM UTC"). */
  async now(): Promise<Date> {
    const text = (await this.nowText.innerText()).trim();
    const m = /^(\w{3}) (\d{1,2}), (\d{4}), (\d{1,2}):(\d{2}) (AM|PM) UTC$/.exec(text);
    if (!m) throw new Error(`Unexpected demo clock text: ${text}`);
    const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].indexOf(m[1]);
    const hour = (Number(m[4]) % 12) + (m[6] === "PM" ? 12 : 0);
    return new Date(Date.UTC(Number(m[3]), month, Number(m[2]), hour, Number(m[5])));
  }

  async advance(days: 1 | 7 | 30) {
    const before = await this.nowText.innerText();
    await this.region.getByRole("button", { name: `Advance ${days} ${days === 1 ? "day" : "days"}` }).click();
    await expect(this.nowText).not.toHaveText(before);
  }

  get dateInput() {
    return this.region.getByLabel("New demo date");
  }

  async setDate(isoDate: string) {
    const before = await this.nowText.innerText();
    await this.dateInput.fill(isoDate);
    await this.region.getByRole("button", { name: "Set date" }).click();
    await expect(this.nowText).not.toHaveText(before);
  }
}
