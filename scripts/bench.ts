// `npm run bench`: page queries at scale (10,000 customers, 5,000 offers) against a real SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "@/db/client";
import { customers, offerSegments, offers } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { loadActor } from "@/lib/auth/actor";
import { fixedClock, listCatalog, listCustomers, listSubscriptions } from "@/lib/subscriptions";

const TARGET_P95_MS = 50;
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pc-bench-")), "bench.db");
const db = openDatabase(file);
const now = new Date("2026-06-01T12:00:00Z");
await seedDemoData(db, now);

db.transaction((tx) => {
  for (let i = 0; i < 10_000; i++) {
    tx.insert(customers).values({ id: `bench-customer-${i}`, partnerId: "contoso-partners", name: `Bench Customer ${String(i).padStart(5, "0")}`, segment: i % 7 === 0 ? "education" : "commercial", billingCountry: ["US", "GB", "SE", "DE"][i % 4], contactName: "Bench Contact", contactEmail: `contact${i}@bench.example`, createdAt: new Date(now.getTime() - i * 60_000), firstBillingAt: null }).run();
  }
  for (let i = 0; i < 5_000; i++) {
    const id = `bench-offer-${i}`;
    tx.insert(offers).values({ id, name: `Bench Offer ${String(i).padStart(4, "0")}`, publisherName: i % 2 ? "Microsoft" : "Bench ISV", publisherKind: i % 2 ? "microsoft" : "partner", billingType: i % 5 === 0 ? "usage" : "license", category: (["enterprise", "small_business", "trial"] as const)[i % 3], cloud: "commercial", monthlyPriceMinor: 1000, annualPriceMinor: 10000, maxQuantity: 300 }).run();
    tx.insert(offerSegments).values({ offerId: id, segment: "commercial" }).run();
  }
});

const actor = loadActor(db, "contoso-global-admin")!;
const clock = fixedClock(now);
const cases: Record<string, () => unknown> = {
  "customers: first page by name": () => listCustomers(db, actor, {}),
  "customers: search": () => listCustomers(db, actor, { q: "Customer 0042" }),
  "customers: sort by created, page 200": () => listCustomers(db, actor, { sort: "created", dir: "desc", page: 200 }),
  "catalog: all, page 100": () => listCatalog(db, actor, "fabrikam", { page: 100 }),
  "catalog: filters + search": () => listCatalog(db, actor, "fabrikam", { publisher: ["partner"], billingType: ["license"], category: ["enterprise"], q: "Offer 1" }),
  "subscriptions: Fabrikam": () => listSubscriptions(db, actor, clock, "fabrikam"),
};

let failed = 0;
for (const [name, run] of Object.entries(cases)) {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length * 0.5)];
  const p95 = times[Math.floor(times.length * 0.95)];
  const ok = p95 <= TARGET_P95_MS;
  if (!ok) failed++;
  console.log(`${ok ? "ok  " : "SLOW"} ${name.padEnd(40)} p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms`);
}
console.log(`heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MiB; target p95 <= ${TARGET_P95_MS} ms`);
db.$client.close();
fs.rmSync(path.dirname(file), { recursive: true, force: true });
process.exit(failed ? 1 : 0);
