import { DAY_MS, DemoClock, expect, test, USERS } from "./fixtures";

/**
 * A signed-in admin visits a page on another origin of the same site (127.0.0.1:3999 vs the app on
 * 127.0.0.1:E2E_PORT: cookies ignore ports, so the SameSite=Lax session cookie rides along). The page
 * tries the classic CSRF writes, a no-cors text/plain fetch and a text/plain form whose body is valid
 * JSON, against the cart and the Demo clock. Both are refused and nothing changes.
 * Wingtip Toys' cart (in the test's own sandbox) is only compared before and after.
 * Also: the security headers on pages and API answers, and a 404 (not a 500) for ids that are not
 * valid UTF-8.
 */
const ADD_LINE = { offerId: "office-365-e1", quantity: "1", billingFrequency: "monthly" };

/** A form field whose name and value, joined by "=" in a text/plain body, read as JSON. */
function jsonForm(id: string, action: string, fields: Record<string, string>): string {
  const name = JSON.stringify({ ...fields, pad: "" }).slice(0, -2);
  return `<form id="${id}" method="POST" enctype="text/plain" action="${action}"><input type="hidden" name='${name}' value='"}'><button>${id}</button></form>`;
}

test("another origin of the same site cannot change the cart or the Demo clock", async ({ page, baseURL, sandbox }) => {
  const CART = `/api/customers/${sandbox.idOf("wingtip-toys")}/cart`;
  await sandbox.signIn(page, USERS.admin);
  const clock = new DemoClock(page);
  const clockBefore = await clock.now();
  const cartBefore = await (await page.request.get(CART)).json();

  const app = new URL(baseURL!);
  const evil = `${app.protocol}//${app.hostname}:3999/evil`;
  await page.route(evil, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Win a prize</title>
        ${jsonForm("cart", `${app.origin}${CART}`, ADD_LINE)}
        ${jsonForm("clock", `${app.origin}/api/clock`, { days: "30" })}`,
    }),
  );
  await page.goto(evil);

  // What a no-cors fetch from that page sends (its cookie, its Origin, Sec-Fetch-Site: same-site, a
  // text/plain body that reads as JSON) is refused; sent with the user's cookie through the context.
  for (const [path, body] of [[CART, ADD_LINE], ["/api/clock", { days: 30 }]] as const) {
    const answer = await page.request.post(path, {
      headers: { origin: `${app.protocol}//${app.hostname}:3999`, "sec-fetch-site": "same-site", "content-type": "text/plain" },
      data: JSON.stringify(body),
    });
    expect(answer.status()).toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: "cross_site" } });
  }

  // The forms navigate the page to the API's answer.
  for (const [id, path] of [["cart", CART], ["clock", "/api/clock"]] as const) {
    await page.goto(evil);
    const [answer] = await Promise.all([page.waitForResponse(`${app.origin}${path}`), page.getByRole("button", { name: id }).click()]);
    expect(answer.status()).toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: "cross_site" } });
  }

  // Back on the app itself, nothing moved.
  expect(await (await page.request.get(CART)).json()).toEqual(cartBefore);
  await page.goto("/customers");
  expect(Math.abs((await clock.now()).getTime() - clockBefore.getTime())).toBeLessThan(DAY_MS);
});

test("pages send the security headers, signed in or not, and still run their scripts", async ({ page, sandbox }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const signInPage = await page.goto("/sign-in");
  await sandbox.signIn(page, USERS.sales);
  const customers = await page.goto("/customers");
  for (const response of [signInPage!, customers!]) {
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
  }
  // The nonce reaches Next's scripts, or the page would not hydrate: searching as you type (no
  // submit) only updates the address when React runs.
  await page.getByRole("searchbox", { name: "Search customers by name" }).fill("Wingtip");
  await page.waitForURL((url) => url.searchParams.get("q") === "Wingtip");
  await expect(page.getByRole("link", { name: "Wingtip Toys", exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});

test("API answers send the security headers too, signed in or not", async ({ page, request, sandbox }) => {
  const signedOut = [await request.get("/api/customers"), await request.get("/v1/customers")];
  for (const answer of signedOut) expect(answer.status()).toBe(401);
  await sandbox.signIn(page, USERS.sales);
  const signedIn = await page.request.get("/api/customers");
  expect(signedIn.status()).toBe(200);
  for (const answer of [...signedOut, signedIn]) {
    const headers = answer.headers();
    expect(headers["content-type"]).toContain("application/json");
    expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
  }
});

test("an /api address that no handler serves is a JSON 404, signed in or not", async ({ page, request, sandbox }) => {
  await sandbox.signIn(page, USERS.sales);
  for (const answer of [await request.get("/api/no-such-thing"), await page.request.get("/api"), await page.request.post("/api/customers/x/no-such-thing", { data: {} })]) {
    expect(answer.status()).toBe(404);
    expect(await answer.json()).toMatchObject({ error: { code: "not_found:path", message: "There is nothing at this address." } });
  }
});

test("an address that is not valid UTF-8 is a 404, not a 500", async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.sales);
  const api = await page.request.get("/api/subscriptions/%FF%FE");
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ error: { code: "not_found:path" } });
  const response = await page.goto("/customers/%FF%FE");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
});
