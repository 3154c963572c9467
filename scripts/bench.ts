// `npm run bench` (full) and `npm run bench:quick`: issue 9's measurement. Generates a partner with
// 50,000 customers into a temporary database, checks every page's query plans, starts the
// production build on it, and drives HTTP load beside two floor routes (/health, /api/health).
// Options: --quick, --no-build (use .next as it is), --keep (leave the database), --port N, --out FILE.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase, type AppDatabase } from "@/db/client";
import { loadActor } from "@/lib/auth/actor";
import { listCustomers } from "@/lib/subscriptions";
import { createSession, SESSION_COOKIE } from "@/lib/auth/session";
import { BUY_OFFER_ID, FULL_SIZE, generateBenchData, QUICK_SIZE, type BenchData } from "./bench/generate";
import { compareBuy } from "./bench/inprocess";
import { loadBuy, loadMix, loadRoute, type LoadOptions, type Measurement } from "./bench/load";
import { planAllCases } from "./bench/plans";
import { buildProblem, startServer, type BenchServer } from "./bench/server";

const { values: args } = parseArgs({
  options: { quick: { type: "boolean" }, "no-build": { type: "boolean" }, keep: { type: "boolean" }, port: { type: "string" }, out: { type: "string" } },
});
const quick = Boolean(args.quick);
const mode = quick
  ? { name: "quick", size: QUICK_SIZE, durationS: 2, warmUpS: 0.5, readClients: [10], buyClients: [10], mix: { clients: 10, durationS: 4 }, buyIterations: 100 }
  : { name: "full", size: FULL_SIZE, durationS: 10, warmUpS: 2, readClients: [10, 50], buyClients: [10, 20], mix: { clients: 50, durationS: 60 }, buyIterations: 500 };
const TIMEOUT_S = 30;
/** Issue 9's goals: page p95 within 2x the bare page at 10 clients and 3x at 50; /api reads within 1.5x the bare route handler. */
const PAGE_GOAL: Record<number, number> = { 10: 2, 50: 3 };
const API_GOAL = 1.5;
const GOALS = { buyOrdersPerS: 200, buyP95Ms: 150, buyClients: 20, rssMiB: 400, buyRatio: 2 };

const root = process.cwd();
const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

interface RouteSpec {
  name: string;
  path: string;
  kind: "page" | "api";
}

/** Page `page` of the customers list sorted by created, newest first, as the app links to it: by the cursor of its Next link. */
function deepCustomersPath(db: AppDatabase, page: number): string {
  const actor = loadActor(db, "contoso-global-admin")!;
  const before = listCustomers(db, actor, { sort: "created", dir: "desc", page: page - 1 });
  return `/customers?sort=created&dir=desc&cursor=${before.nextCursor}`;
}

function routes(data: BenchData, deepPath: string, deepPage: number): RouteSpec[] {
  const customer = `/customers/${data.customerId}`;
  return [
    { name: "bare page (floor)", path: "/health", kind: "page" },
    { name: "bare route handler (floor)", path: "/api/health", kind: "api" },
    { name: "/customers", path: "/customers", kind: "page" },
    { name: "/customers?q=...", path: "/customers?q=Winery", kind: "page" },
    { name: `/customers, page ${deepPage} sorted by created`, path: deepPath, kind: "page" },
    { name: "a customer's page", path: customer, kind: "page" },
    { name: "catalog, first page", path: `${customer}/catalog`, kind: "page" },
    { name: "catalog, filtered", path: `${customer}/catalog?publisher=partner&billingType=license&category=enterprise&q=Backup`, kind: "page" },
    { name: `catalog, last page (${data.catalogPages})`, path: `${customer}/catalog?page=${data.catalogPages}`, kind: "page" },
    { name: "a subscription's page", path: `${customer}/subscriptions/${data.subscriptionId}`, kind: "page" },
    { name: "GET /api/customers/{id}/subscriptions", path: `/api/customers/${data.customerId}/subscriptions`, kind: "api" },
    { name: "/activity", path: "/activity", kind: "page" },
  ];
}

interface Row extends Partial<Measurement> {
  name: string;
  clients?: number;
  /** HTML or JSON size of one answer, KiB. */
  kib?: number;
  ratio?: number;
  goal?: string;
  /** False when a goal was missed (full mode) or there were errors. */
  ok: boolean;
  note?: string;
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < 3400; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("No free port in 3300-3399");
}

/** One request before the load: the route must answer 200 (a redirect here means the session was refused). */
async function probe(server: BenchServer, cookie: string, route: RouteSpec): Promise<{ status: number; kib: number }> {
  const response = await fetch(server.baseUrl + route.path, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_S * 1000) });
  const body = await response.arrayBuffer();
  return { status: response.status, kib: body.byteLength / 1024 };
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "" : `${Math.round(v).toLocaleString("en-US")} ms`);
const rate = (v: number | undefined) => (v === undefined ? "" : v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString("en-US"));

function printTable(title: string, rows: Row[]): void {
  const header = ["route", "clients", "requests/s", "p50", "p95", "p95 / floor", "goal", "errors", "KiB", ""];
  const lines = rows.map((r) => [r.name, String(r.clients ?? ""), rate(r.rps), ms(r.p50), ms(r.p95), r.ratio === undefined ? "" : `${r.ratio.toFixed(1)}x`, r.goal ?? "", String(r.errors ?? ""), r.kib === undefined ? "" : r.kib.toFixed(0), r.ok ? "" : "FAIL"]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${title}\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const line of lines) console.log(format(line));
  for (const r of rows.filter((r) => r.note)) console.log(`  ${r.name}: ${r.note}`);
}

async function main(): Promise<number> {
  if (!args["no-build"]) execFileSync(process.execPath, ["scripts/build-if-needed.mjs"], { cwd: root, stdio: "inherit" });
  const problem = buildProblem(root);
  if (problem) throw new Error(`Can't bench: ${problem}. Run npm run build first.`);

  fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, ".tmp", "bench-"));
  const databasePath = path.join(dir, "bench.db");
  const now = new Date();
  log(`${mode.name} mode: generating ${mode.size.customers.toLocaleString("en-US")} customers into ${path.relative(root, databasePath)}`);
  const db = openDatabase(databasePath);
  const data = await generateBenchData(db, mode.size, now);
  const sizeMiB = fs.statSync(databasePath).size / 2 ** 20;
  log(`generated ${Object.entries(data.counts).map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`).join(", ")} (${sizeMiB.toFixed(0)} MiB)`);

  // Query plans first: they need no server, and a bad plan explains a slow page below.
  const plans = planAllCases(db, data, now);
  const planProblems = plans.flatMap((c) => c.queries.flatMap((q) => q.problems.map((p) => `${c.name}: ${p}\n      in: ${q.sql.replace(/\s+/g, " ").slice(0, 200)}`)));
  const planNotes = [...new Set(plans.flatMap((c) => c.queries.flatMap((q) => q.notes.map((n) => `${c.name}: ${n}`))))];
  log(`query plans: ${plans.reduce((n, c) => n + c.queries.length, 0)} statements in ${plans.length} cases, ${planProblems.length} reading a big table whole`);
  for (const p of planProblems) console.log(`  PLAN ${p}`);
  for (const n of planNotes) console.log(`  note ${n}`);

  const { token } = createSession(db, "contoso-global-admin", now);
  const deepPage = Math.min(2000, Math.floor(data.customerPages * 0.8));
  const deepPath = deepCustomersPath(db, deepPage);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  const cookie = `${SESSION_COOKIE}=${token}`;

  const port = args.port ? Number(args.port) : await freePort(3300);
  const server = await startServer({ root, port, databasePath, log: path.join(dir, "server.log") });
  const stop = () => void server.stop().finally(() => process.exit(130));
  process.once("SIGINT", stop);
  log(`next start on ${server.baseUrl} (pid ${server.pid}), signed in as admin@contoso-partner.example`);

  const rows: Row[] = [];
  const phases: { name: string; peakRssMiB: number }[] = [];
  const specs = routes(data, deepPath, deepPage);
  try {
    const probes = new Map<string, { status: number; kib: number }>();
    for (const route of specs) probes.set(route.path, await probe(server, cookie, route));

    for (const clients of mode.readClients) {
      server.resetPeak();
      const load: LoadOptions = { baseUrl: server.baseUrl, cookie, clients, durationS: mode.durationS, warmUpS: mode.warmUpS, timeoutS: TIMEOUT_S };
      const measured: (Row & { kind: RouteSpec["kind"] })[] = [];
      for (const route of specs) {
        const m = await loadRoute(load, route.path);
        const first = probes.get(route.path)!;
        const note = first.status !== 200 ? `answered ${first.status} before the load (expected 200)` : undefined;
        measured.push({ name: route.name, kind: route.kind, clients, ...m, kib: first.kib, ok: m.errors === 0 && !note, note });
        log(`${clients} clients  ${route.name.padEnd(42)} ${rate(m.rps).padStart(6)}/s  p50 ${ms(m.p50).padStart(9)}  p95 ${ms(m.p95).padStart(9)}  errors ${m.errors}`);
      }
      const floor = { page: measured[0].p95!, api: measured[1].p95! };
      for (const row of measured) {
        row.ratio = row.p95! / floor[row.kind];
        const goal = row.kind === "page" ? PAGE_GOAL[clients] : API_GOAL;
        row.goal = `<= ${goal}x`;
        if (!quick && row.ratio > goal) row.ok = false;
      }
      rows.push(...measured);
      phases.push({ name: `reads at ${clients} clients`, peakRssMiB: server.peakRssMiB() });
    }

    server.resetPeak();
    for (const clients of mode.buyClients) {
      const load: LoadOptions = { baseUrl: server.baseUrl, cookie, clients, durationS: mode.durationS, warmUpS: mode.warmUpS, timeoutS: TIMEOUT_S };
      const m = await loadBuy(load, data.buyCustomerIds.slice(0, clients), BUY_OFFER_ID);
      const gated = !quick && clients === GOALS.buyClients;
      const missed = gated && (m.rps < GOALS.buyOrdersPerS || m.p95 > GOALS.buyP95Ms);
      rows.push({ name: "Buy over HTTP (cart + order), orders/s", clients, ...m, goal: clients === GOALS.buyClients ? `>= ${GOALS.buyOrdersPerS}/s, p95 < ${GOALS.buyP95Ms} ms` : undefined, ok: m.errors === 0 && !missed });
      log(`${clients} clients  Buy: ${rate(m.rps)} orders/s  p50 ${ms(m.p50)}  p95 ${ms(m.p95)}  errors ${m.errors}`);
    }
    const mixLoad: LoadOptions = { baseUrl: server.baseUrl, cookie, clients: mode.mix.clients, durationS: mode.mix.durationS, timeoutS: TIMEOUT_S };
    const reads = specs.filter((r) => r.path !== "/health" && r.path !== "/api/health").map((r) => r.path);
    const mix = await loadMix(mixLoad, reads, data.buyCustomerIds.slice(100, 100 + mode.mix.clients), BUY_OFFER_ID);
    rows.push({ name: "90% read / 10% write mix", clients: mode.mix.clients, ...mix.all, goal: "0 errors", ok: mix.all.errors === 0 });
    rows.push({ name: "  of which reads", clients: mode.mix.clients, ...mix.reads, ok: true });
    rows.push({ name: "  of which writes", clients: mode.mix.clients, ...mix.writes, ok: true });
    log(`${mode.mix.clients} clients  mix (${mode.mix.durationS} s): ${rate(mix.all.rps)}/s  p95 ${ms(mix.all.p95)}  errors ${mix.all.errors}`);
    phases.push({ name: "writes and mix", peakRssMiB: server.peakRssMiB() });
  } finally {
    await server.stop();
    process.off("SIGINT", stop);
  }

  const peakRssMiB = Math.max(...phases.map((p) => p.peakRssMiB));
  log(`server stopped; peak RSS ${peakRssMiB.toFixed(0)} MiB. In-process buy() vs a raw transaction (${mode.buyIterations} each)`);
  const dbAgain = openDatabase(databasePath);
  const inProcess = compareBuy(dbAgain, data.buyCustomerIds.slice(200), BUY_OFFER_ID, now, mode.buyIterations);
  dbAgain.$client.close();

  const rssOk = quick || peakRssMiB < GOALS.rssMiB;
  const buyOk = quick || inProcess.ratio <= GOALS.buyRatio;
  printTable(`npm run bench (${mode.name}): ${Object.entries(data.counts).map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`).join(", ")}; ${sizeMiB.toFixed(0)} MiB`, rows);
  console.log(`\nserver peak RSS: ${peakRssMiB.toFixed(0)} MiB (goal < ${GOALS.rssMiB} MiB)${rssOk ? "" : " FAIL"}; ${phases.map((p) => `${p.name}: ${p.peakRssMiB.toFixed(0)} MiB`).join(", ")}`);
  console.log(`in-process buy(): ${inProcess.buyPerS.toFixed(0)}/s, a raw transaction with the same inserts: ${inProcess.rawPerS.toFixed(0)}/s, ${inProcess.ratio.toFixed(1)}x (goal <= ${GOALS.buyRatio}x)${buyOk ? "" : " FAIL"}`);
  const summary: Row[] = [
    { name: "server peak RSS", goal: `< ${GOALS.rssMiB} MiB`, ok: rssOk },
    { name: "in-process buy() / raw transaction", ratio: inProcess.ratio, goal: `<= ${GOALS.buyRatio}x`, ok: buyOk },
  ];

  const errors = rows.reduce((n, r) => n + (r.errors ?? 0), 0) + rows.filter((r) => r.note).length;
  const missed = rows.concat(summary).filter((r) => !r.ok).map((r) => `${r.name}${r.clients ? ` at ${r.clients} clients` : ""}`);
  const out = path.resolve(root, args.out ?? ".tmp/bench-results.json");
  const machine = { cpus: (await import("node:os")).cpus().length, memoryGiB: Math.round((await import("node:os")).totalmem() / 2 ** 30), node: process.version };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ mode: mode.name, at: now.toISOString(), machine, data: { ...data.counts, sizeMiB: Math.round(sizeMiB) }, rows, peakRssMiB, phases, inProcess, planProblems, planNotes, missed }, null, 2));
  if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${path.relative(root, dir)}`);
  console.log(`\nwrote ${path.relative(root, out)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // Quick mode fails only on errors and plans (these machines are noisy); full mode on any missed goal too.
  const failures = [...(errors > 0 ? [`${errors} errors`] : []), ...(planProblems.length > 0 ? [`${planProblems.length} query plans read a big table whole`] : []), ...(quick ? [] : missed)];
  if (failures.length > 0) console.log(`FAILED: ${failures.join("; ")}`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
