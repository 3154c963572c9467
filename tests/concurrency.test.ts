import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { orders, subscriptions } from "@/db/schema";
import { addToCart, buy } from "@/lib/subscriptions";
import { actorFor, clockAt, domainError, freshDb, SEED_NOW } from "./helpers";

const CUSTOMER = "coho-winery";
const OFFER = "tailspin-secure-gateway";
const WORKER = path.resolve("tests/support/buy-worker.ts");

type Outcome = { ok: true; orderId: string; created: boolean } | { ok: false; code: string };

/** A separate Node process with its own connection to the file, waiting for "go". */
function startBuyer(file: string, userId: string, key: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", WORKER, file, userId, CUSTOMER, key, SEED_NOW.toISOString()], { cwd: process.cwd() });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const lines = readline.createInterface({ input: child.stdout });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      child.once("exit", (code) => reject(new Error(`buyer exited (${code}): ${stderr}`)));
    });
  return { child, ready: next(), go: () => { const result = next(); child.stdin.write("go\n"); return result.then((l) => JSON.parse(l) as Outcome); } };
}

function liveCopies(db: ReturnType<typeof openDatabase>) {
  return db.select().from(subscriptions).where(and(eq(subscriptions.customerId, CUSTOMER), eq(subscriptions.offerId, OFFER), eq(subscriptions.status, "active"))).all();
}

describe("two Buys at once of a one-per-customer offer", () => {
  it("in two processes on the same file: one subscription, the other Buy refused", async () => {
    const { db, file } = freshDb();
    const clock = clockAt();
    // Two users each put the customer's one Tailspin Secure Gateway in their own cart.
    for (const userId of ["contoso-global-admin", "contoso-sales-agent"]) {
      addToCart(db, actorFor(db, userId), clock, { customerId: CUSTOMER, offerId: OFFER, quantity: 3, billingFrequency: "monthly" });
    }
    const buyers = [startBuyer(file, "contoso-global-admin", "key-a"), startBuyer(file, "contoso-sales-agent", "key-b")];
    await Promise.all(buyers.map((b) => b.ready));
    const outcomes = await Promise.all(buyers.map((b) => b.go()));

    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, code: "order:lines_unavailable" }]);
    expect(liveCopies(db)).toHaveLength(1);
    const placed = db.select().from(orders).where(eq(orders.customerId, CUSTOMER)).all().filter((o) => o.idempotencyKey.startsWith("key-"));
    expect(placed.map((o) => o.id)).toEqual(outcomes.flatMap((o) => (o.ok ? [o.orderId] : [])));
  }, 30_000);

  it("on two connections, interleaved: the second Buy re-checks under the write lock", () => {
    const { db: first, file } = freshDb();
    const second = openDatabase(file);
    try {
      const clock = clockAt();
      const admin = actorFor(first, "contoso-global-admin");
      const sales = actorFor(second, "contoso-sales-agent");
      addToCart(first, admin, clock, { customerId: CUSTOMER, offerId: OFFER, quantity: 3, billingFrequency: "monthly" });
      addToCart(second, sales, clock, { customerId: CUSTOMER, offerId: OFFER, quantity: 5, billingFrequency: "annual" });
      expect(buy(first, admin, clock, { customerId: CUSTOMER, idempotencyKey: "a" }).created).toBe(true);
      expect(domainError(() => buy(second, sales, clock, { customerId: CUSTOMER, idempotencyKey: "b" })).code).toBe("order:lines_unavailable");
      expect(liveCopies(second)).toHaveLength(1);
    } finally {
      second.$client.close();
    }
  });

  it("waits for the other connection's write lock instead of failing", () => {
    const { db: first, file } = freshDb();
    const second = openDatabase(file);
    try {
      second.$client.pragma("busy_timeout = 50");
      const clock = clockAt();
      const sales = actorFor(second, "contoso-sales-agent");
      addToCart(second, sales, clock, { customerId: CUSTOMER, offerId: OFFER, quantity: 5, billingFrequency: "annual" });
      first.$client.exec("BEGIN IMMEDIATE");
      // While another connection holds the write lock, Buy can't start its transaction...
      expect(() => buy(second, sales, clock, { customerId: CUSTOMER, idempotencyKey: "b" })).toThrow(/locked|busy/i);
      first.$client.exec("ROLLBACK");
      // ...and nothing was half-written: once the lock is released, it goes through.
      expect(buy(second, sales, clock, { customerId: CUSTOMER, idempotencyKey: "b" }).created).toBe(true);
      expect(liveCopies(first)).toHaveLength(1);
    } finally {
      second.$client.close();
    }
  });
});
