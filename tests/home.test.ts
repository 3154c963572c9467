import { describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { DAY_MS, fixedClock, homeOutlook, licencesByPublisher, renewalBatches, type Actor, type Clock, type HomeOutlook, type Tally } from "@/lib/subscriptions";
import { actorFor, addCustomer, buySubscription, freshDb, ledgerOf, SEED_NOW, submitChanges, suspendSubscription } from "./helpers";

// Issue 14, Home: "this month's and the next three months' charges (from the ledger), active
// subscriptions and licences by publisher, trials converting this month, renewals per week for the
// next 12 weeks ... Roles without the money right see the counts, not the amounts."

const CUSTOMER = "home-co";
const at = (iso: string) => fixedClock(new Date(iso));
const usd = (tally: Tally) => tally.amounts?.find((m) => m.currency === "USD")?.amountMinor ?? 0;

function contoso() {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  addCustomer(db, { id: CUSTOMER, name: "Home Test Co", partnerId: "contoso-partners" });
  return { db, admin };
}

/** What a change added to each month's charges (the seeded partner has plenty of its own). */
function monthsDelta(after: HomeOutlook, before: HomeOutlook) {
  const each = (pick: (o: HomeOutlook, i: number) => number) => after.charges.map((_, i) => pick(after, i) - pick(before, i));
  return {
    posted: each((o, i) => o.charges[i].posted.count),
    postedMinor: each((o, i) => usd(o.charges[i].posted)),
    expected: each((o, i) => o.charges[i].expected.count),
    expectedMinor: each((o, i) => usd(o.charges[i].expected)),
  };
}

/** Home before and after `change`, at each of `clocks`. */
function around(db: AppDatabase, actor: Actor, clocks: Clock[], change: () => void): [HomeOutlook, HomeOutlook][] {
  const before = clocks.map((clock) => homeOutlook(db, actor, clock));
  change();
  return clocks.map((clock, i) => [homeOutlook(db, actor, clock), before[i]]);
}

describe("charges by month", () => {
  it("counts this month's posted charges, a renewal in the month it falls in, and a monthly term again in every month after", () => {
    const { db, admin } = contoso();
    const endOfMarch = at("2026-03-31T23:59:59.999Z");
    const startOfApril = at("2026-04-01T00:00:00.000Z");
    let charged = 0;
    const [march, april] = around(db, admin, [endOfMarch, startOfApril], () => {
      // Bought on Mar 2, monthly: renews on Apr 2, May 2, Jun 2 and Jul 2, 3 x $15.00 each time.
      const sub = buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 3 });
      charged = ledgerOf(db, sub.id).reduce((total, e) => total + e.amountMinor, 0);
    });
    expect(charged).toBeGreaterThan(0);
    expect(march[0].charges.map((m) => m.start.toISOString())).toEqual(["2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z"]);
    expect(monthsDelta(...march)).toEqual({ posted: [1, 0, 0, 0], postedMinor: [charged, 0, 0, 0], expected: [0, 1, 1, 1], expectedMinor: [0, 4500, 4500, 4500] });
    // One millisecond later it is April: the purchase was March's, the renewals are April's to July's.
    expect(april[0].charges[0].start.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(monthsDelta(...april)).toEqual({ posted: [0, 0, 0, 0], postedMinor: [0, 0, 0, 0], expected: [1, 1, 1, 1], expectedMinor: [4500, 4500, 4500, 4500] });
  });

  it("puts a charge posted at a month's first instant in that month, and a renewal due then in the next", () => {
    const { db, admin } = contoso();
    const [[after, before]] = around(db, admin, [at("2026-04-15T12:00:00.000Z")], () => {
      // Bought at April's first instant, monthly: the term ends at May's first instant.
      buySubscription(db, admin, at("2026-04-01T00:00:00.000Z"), { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 2 });
    });
    expect(monthsDelta(after, before)).toMatchObject({ posted: [1, 0, 0, 0], expected: [0, 1, 1, 1], expectedMinor: [0, 3000, 3000, 3000] });
  });

  it("counts an annual renewal once, and a scheduled decrease at the quantity it renews with", () => {
    const { db, admin } = contoso();
    const clock = at("2026-03-04T09:00:00.000Z");
    const [[after, before]] = around(db, admin, [clock], () => {
      // Bought on Mar 2: the annual term ends next March, past the four months; the monthly one decreases to 6.
      buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 3, billingFrequency: "annual" });
      const monthly = buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "adatum-compliance-suite", quantity: 10 });
      submitChanges(db, admin, clock, monthly.id, { quantity: 6 });
    });
    expect(monthsDelta(after, before)).toMatchObject({ posted: [2, 0, 0, 0], expected: [0, 1, 1, 1], expectedMinor: [0, 6 * 1800, 6 * 1800, 6 * 1800] });
  });
});

describe("trials converting this month", () => {
  it("counts a trial in the month it ends, with its first paid term, and one with Auto-renew off as ending", () => {
    const { db, admin } = contoso();
    // Bought on Mar 2 with a 30-day free trial: it converts on Apr 1 at 09:00.
    const march = at("2026-03-15T00:00:00.000Z");
    const april = at("2026-04-01T08:00:00.000Z");
    let trialId = "";
    const [[inMarch, beforeMarch], [inApril, beforeApril]] = around(db, admin, [march, april], () => {
      trialId = buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 4 }).id;
    });
    expect(inMarch.trials.converting.count - beforeMarch.trials.converting.count).toBe(0);
    expect(inMarch.trials.until.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(monthsDelta(inMarch, beforeMarch).expectedMinor).toEqual([0, 4800, 4800, 4800]);
    expect(inApril.trials.converting.count - beforeApril.trials.converting.count).toBe(1);
    expect(usd(inApril.trials.converting) - usd(beforeApril.trials.converting)).toBe(4 * 1200);
    // A trial is not a renewal in the weekly chart.
    expect(inApril.renewals.map((w) => w.renewing)).toEqual(beforeApril.renewals.map((w) => w.renewing));

    submitChanges(db, admin, april, trialId, { autoRenew: false });
    const off = homeOutlook(db, admin, april);
    expect(off.trials.converting.count).toBe(beforeApril.trials.converting.count);
    expect(off.trials.ending - beforeApril.trials.ending).toBe(1);
  });
});

describe("renewals by week", () => {
  it("counts each week's renewals and expiries, and this month's trials, as the Renewals list lists them", () => {
    const { db, admin } = contoso();
    const clock = at("2026-03-04T09:00:00.000Z");
    const expiring = buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 1 });
    submitChanges(db, admin, clock, expiring.id, { autoRenew: false });
    buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 2 });
    const outlook = homeOutlook(db, admin, clock);
    const rows = [...renewalBatches(db, admin, clock, { days: 90 })].flat();
    const now = clock.now().getTime();
    const inWeek = (i: number) => (r: { at: Date }) => Math.max(r.at.getTime(), now) >= now + i * 7 * DAY_MS && Math.max(r.at.getTime(), now) < now + (i + 1) * 7 * DAY_MS;
    const fromList = outlook.renewals.map((_, i) => ({
      renewing: rows.filter((r) => (r.kind === "renews" || r.kind === "quantity_change") && inWeek(i)(r)).length,
      expiring: rows.filter((r) => r.kind === "expires" && inWeek(i)(r)).length,
    }));
    expect(outlook.renewals.map(({ renewing, expiring }) => ({ renewing, expiring }))).toEqual(fromList);
    expect(fromList.reduce((n, w) => n + w.renewing, 0)).toBeGreaterThan(0);
    expect(fromList.reduce((n, w) => n + w.expiring, 0)).toBeGreaterThan(0);
    expect(outlook.renewals[0].start).toEqual(clock.now());
    expect(outlook.renewals.map((w) => w.days)).toEqual([30, 30, 30, 30, 60, 60, 60, 60, 90, 90, 90, 90]);
    const april = new Date("2026-04-01T00:00:00.000Z");
    expect(outlook.trials.converting.count).toBe(rows.filter((r) => r.kind === "trial_converts" && r.at < april).length);
    expect(outlook.trials.ending).toBe(rows.filter((r) => r.kind === "trial_ends" && r.at < april).length);
  });
});

describe("roles and partners", () => {
  it("gives roles without the money right the same counts and no amounts at all", () => {
    const { db, admin } = contoso();
    buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 2 });
    buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 2 });
    const clock = at("2026-03-20T00:00:00.000Z");
    const full = homeOutlook(db, admin, clock);
    expect(full.amountsShown).toBe(true);
    expect(usd(full.charges[0].posted)).toBeGreaterThan(0);
    expect(usd(full.charges[1].expected)).toBeGreaterThan(0);
    expect(usd(full.trials.converting)).toBeGreaterThan(0);
    expect(homeOutlook(db, actorFor(db, "contoso-billing-admin"), clock)).toEqual(full);
    const countsOnly = JSON.parse(JSON.stringify(full), (key, value) => (key === "amounts" ? undefined : key === "amountsShown" ? false : value));
    for (const userId of ["contoso-sales-agent", "contoso-helpdesk-agent"]) {
      const outlook = homeOutlook(db, actorFor(db, userId), clock);
      expect(JSON.stringify(outlook)).not.toMatch(/amount(s|Minor)"/);
      expect(JSON.parse(JSON.stringify(outlook))).toEqual(countsOnly);
    }
  });

  it("counts only the partner's own subscriptions and ledger", () => {
    const { db, admin } = contoso();
    const other = actorFor(db, "adventure-works-global-admin");
    const clock = at("2026-03-20T00:00:00.000Z");
    const theirs = { outlook: homeOutlook(db, other, clock), publishers: licencesByPublisher(db, other) };
    const ours = homeOutlook(db, admin, clock);
    buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 7 });
    expect({ outlook: homeOutlook(db, other, clock), publishers: licencesByPublisher(db, other) }).toEqual(theirs);
    expect(monthsDelta(homeOutlook(db, admin, clock), ours).expected).toEqual([0, 1, 1, 1]);
    // Another partner's weeks are its own list's.
    const rows = [...renewalBatches(db, other, clock, { days: 90 })].flat();
    const horizon = clock.now().getTime() + 84 * DAY_MS;
    const total = (o: HomeOutlook) => o.renewals.reduce((n, w) => n + w.renewing + w.expiring, 0);
    expect(total(theirs.outlook)).toBe(rows.filter((r) => ["renews", "quantity_change", "expires"].includes(r.kind) && r.at.getTime() < horizon).length);
  });
});

describe("licences by publisher", () => {
  it("counts active subscriptions and their licences per publisher, the rest together", () => {
    const { db, admin } = contoso();
    const licences = (name: string) => licencesByPublisher(db, admin).top.find((p) => p.publisherName === name);
    const totals = () => {
      const { top, others } = licencesByPublisher(db, admin);
      return { subscriptions: top.reduce((n, p) => n + p.subscriptions, others?.subscriptions ?? 0), licences: top.reduce((n, p) => n + p.licences, others?.licences ?? 0) };
    };
    const before = { totals: totals(), microsoft: licences("Microsoft") };
    const sub = buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 7 });
    expect(totals()).toEqual({ subscriptions: before.totals.subscriptions + 1, licences: before.totals.licences + 7 });
    expect(licences("Microsoft")).toEqual(before.microsoft);
    // A suspended subscription is not active.
    suspendSubscription(db, admin, at("2026-03-04T00:00:00.000Z"), sub.id);
    expect(totals()).toEqual(before.totals);

    const { top, others } = licencesByPublisher(db, admin);
    expect(top.length).toBeLessThanOrEqual(7);
    expect(top.map((p) => p.licences)).toEqual([...top.map((p) => p.licences)].sort((a, b) => b - a));
    if (others) expect(others.licences).toBeLessThanOrEqual(top[top.length - 1].licences * others.publishers);
  });
});

describe("Home's charts", () => {
  /** Home's four cards as the page renders them for `actor`, in `locale`. */
  async function renderHome(db: AppDatabase, actor: Actor, clock: Clock, locale: "en-US" | "sv-SE"): Promise<string> {
    const { createElement, Fragment } = await import("react");
    const { renderWithIntl } = await import("./support/render-intl");
    const { ChargesByMonthChart } = await import("@/components/home/ChargesByMonthChart");
    const { TrialsConvertingCard } = await import("@/components/home/TrialsConvertingCard");
    const { RenewalsByWeekChart } = await import("@/components/home/RenewalsByWeekChart");
    const { LicencesByPublisherChart } = await import("@/components/home/LicencesByPublisherChart");
    const o = homeOutlook(db, actor, clock);
    return renderWithIntl(
      createElement(
        Fragment,
        null,
        createElement(ChargesByMonthChart, { months: o.charges, amountsShown: o.amountsShown }),
        createElement(TrialsConvertingCard, { trials: o.trials, amountsShown: o.amountsShown }),
        createElement(RenewalsByWeekChart, { weeks: o.renewals }),
        createElement(LicencesByPublisherChart, { data: licencesByPublisher(db, actor) }),
      ),
      locale,
    );
  }
  it("show amounts only with the money right, each as an image with its numbers in a table and links to the lists behind it", async () => {
    const { db, admin } = contoso();
    buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 2 });
    const clock = at("2026-03-20T00:00:00.000Z");
    const render = (userId: string) => renderHome(db, userId === admin.userId ? admin : actorFor(db, userId), clock, "en-US");
    const full = await render(admin.userId);
    expect(full).toMatch(/\$\d/);
    expect(full).toContain("First paid terms");
    const sales = await render("contoso-sales-agent");
    expect(sales).not.toMatch(/\$\d/);
    expect(sales).not.toContain("First paid terms");
    expect(sales).toContain("Charges posted");
    for (const html of [full, sales]) {
      expect(html.match(/<svg[^>]* role="img" aria-labelledby="[^"]+"/g)).toHaveLength(3);
      expect(html.match(/<table/g)).toHaveLength(3);
      expect(html).toContain('href="/renewals?days=30&amp;event=renews"');
      expect(html).toContain('href="/renewals?days=30&amp;event=trial"');
      expect(html).toContain('href="/renewals?days=90&amp;publisher=microsoft"');
    }
    // The English the e2e tests find the charts by: titles, table names, link names, month and day labels.
    expect(full).toContain("<title id=\"home-charges-usd-title\">Charges by month in USD</title>");
    expect(full).toContain("<caption class=\"sr-only\">Active subscriptions and licences by publisher</caption>");
    expect(full).toContain("Show as table");
    expect(full).toContain(">Mar 2026<");
    expect(full).toMatch(/aria-label="Week of Mar 20: \d[\d,]* renewing\. Open renewals in the next 30 days"/);
    expect(full).toMatch(/>\$\d+K</);
  });

  it("are in Swedish for a Swedish page: words, months, days, money and axis ticks", async () => {
    const { db, admin } = contoso();
    buySubscription(db, admin, fixedClock(SEED_NOW), { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 2 });
    const clock = at("2026-04-01T08:00:00.000Z");
    const render = (actor: Actor) => renderHome(db, actor, clock, "sv-SE");
    const html = await render(admin);
    for (const words of ["Avgifter per månad i USD", "Visa som tabell", "Bokförda", "Kommande", "Förnyelser per vecka", "Licenser per utgivare", "Kostnadsfria utvärderingsperioder den här månaden", "Första betalda perioder", "Aktiva prenumerationer och licenser per utgivare", "Vecka från", ">apr. 2026<", ">1 apr.<"]) {
      expect(html).toContain(words);
    }
    // Money and its axis ticks the Swedish way: "1 234,00 US$", "1 tn US$" (no-break spaces).
    expect(html).toMatch(/\d,\d\d\u00a0US\$/);
    expect(html).toMatch(/>\d+(,\d)?\u00a0tn\u00a0US\$</);
    expect(html).toMatch(/aria-label="Veckan från 1 apr\.: \d+ förnyas\. Öppna förnyelser de kommande 30 dagarna"/);
    for (const english of ["Charges by month", "Show as table", "Renewing", "Licences", "Free trials"]) expect(html).not.toContain(english);
    expect(html).not.toMatch(/\$\d/);
    expect(html).toContain("<desc id=\"home-renewals-chart-desc\">Från 1 apr.: ");

    const sales = await render(actorFor(db, "contoso-sales-agent"));
    expect(sales).toContain("Bokförda avgifter");
    expect(sales).toContain("Belopp visas för faktureringsroller.");
    expect(sales).not.toMatch(/US\$/);
  });
});
