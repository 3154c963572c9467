import fc from "fast-check";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, describe, expect, it, vi } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { createSession } from "@/lib/auth/session";
import { parseCsv } from "@/lib/csv";
import { MAX_BODY_BYTES } from "@/lib/server/json-body";
import { DAY_MS } from "@/lib/subscriptions";
import { partnerIds, processLifecycle } from "@/lib/subscriptions/system";
import { freshDb, SEED_NOW } from "./helpers";
import {
  buildWorld,
  caller,
  databaseWatch,
  nastyValue,
  notFormData,
  originHeaders,
  payload,
  quantity,
  query,
  tokenFor,
  toFormData,
  wireBody,
  withCurrentVersion,
  type Caller,
  type FormSpec,
  type WireBody,
  type World,
} from "./support/edge-fuzz";
import { ACTION_SPECS, API_NOT_FOUND_ROUTE, METHODS, routeParams, routeSpecs, SHAPE_ONLY, urlFor, type ActionSpec, type Method, type RouteSpec } from "./support/edge-specs";

/**
 * Every API route handler and every server action, called in-process with generated ids, bodies,
 * query strings and FormData, by every kind of caller. Whatever arrives:
 * - a route never answers 5xx (nor throws, which Next turns into a 500), and a refusal (>= 400) is
 *   `{ error: { code, message } }` JSON;
 * - an action returns its `{ ok, error }` result or redirects (Next's redirect error), never throws;
 * - a refusal (status >= 400, `ok: false`) leaves the database exactly as it was.
 *
 * The session cookie and request headers come from a mocked next/headers; the database is a seeded
 * copy put where db/index.ts looks for it. Time is frozen at the seed's instant, so no lifecycle
 * event falls due between two calls on its own (the server's clock is `new Date()`, and real time is
 * months past the seed): a refusal that writes is then the handler's doing, not a catch-up's.
 */

const edge = vi.hoisted(() => ({ cookie: undefined as string | undefined, headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "pc_session" && edge.cookie ? { name, value: edge.cookie } : undefined),
    has: (name: string) => name === "pc_session" && edge.cookie !== undefined,
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => edge.headers,
}));
// revalidatePath needs Next's request store; outside a request there is nothing to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// connection() (keeps /api/health from being prerendered) needs Next's request store too.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), connection: async () => undefined }));
// Sign-in's throttle waits up to 3 s per failure; what it answers is checked here, not how long it waits.
vi.mock("node:timers/promises", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), setTimeout: async () => undefined }));

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Action = (...args: unknown[]) => Promise<unknown>;

const routeModules = import.meta.glob<Record<string, unknown>>("../app/api/**/route.ts");
const actionModules = import.meta.glob<Record<string, unknown>>(["../app/**/actions.ts", "../app/**/*-actions.ts"]);
const appSources = import.meta.glob<string>("../app/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });

const RUNS = 200;

afterAll(() => {
  vi.useRealTimers();
});

/** Waits for lifecycle runs a Demo clock move left going (a 202), so their writes land before the next mark. */
async function settleLifecycle(): Promise<void> {
  const runs = (globalThis as { partnerCenterLifecycleRuns?: Map<string, Promise<void>> }).partnerCenterLifecycleRuns;
  for (let turns = 0; runs && runs.size > 0; turns++) {
    // A finished run left registered blocks that partner's catch-up for good (see the fixed cases).
    if (turns > 1000) throw new Error(`Lifecycle runs never unregistered: ${[...runs.keys()].join(", ")}`);
    await Promise.all(runs.values());
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A seeded copy, time frozen at its seed instant, ids and sessions ready, served by getDb(). */
function openWorld(): { world: World; watch: ReturnType<typeof databaseWatch> } {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(SEED_NOW);
  const { db } = freshDb();
  // Anything the seed left due at its own instant is applied once, so requests find nothing to catch up.
  for (const partnerId of partnerIds(db)) processLifecycle(db, SEED_NOW, partnerId);
  (globalThis as { partnerCenterDb?: unknown }).partnerCenterDb = db;
  // Runs registered by an earlier test belong to its (closed) database.
  (globalThis as { partnerCenterLifecycleRuns?: Map<string, Promise<void>> }).partnerCenterLifecycleRuns?.clear();
  edge.headers = new Headers();
  return { world: buildWorld(db), watch: databaseWatch(db) };
}

interface RouteCall {
  caller: Caller;
  params: Record<string, string>;
  search: string;
  body: WireBody | null;
  headers: Record<string, string>;
}

function routeCall(world: World, file: string, method: Method, spec: RouteSpec): fc.Arbitrary<RouteCall> {
  const unsafe = method !== "GET";
  const body = spec.body ? wireBody(spec.body) : fc.option(wireBody(payload({ quantity: quantity() })), { freq: 4, nil: null });
  return fc.record({
    caller,
    params: routeParams(world, file),
    search: spec.query ?? query({}),
    body: unsafe ? body : fc.constant(null),
    headers: unsafe ? originHeaders : fc.oneof(fc.constant({}), originHeaders),
  });
}

/** Sends one request; checks the answer and, for a refusal, that nothing was written. */
async function checkRoute(world: World, watch: ReturnType<typeof databaseWatch>, file: string, method: Method, call: RouteCall): Promise<void> {
  const handler = (await routeModules[file]())[method] as RouteHandler;
  edge.cookie = tokenFor(world, call.caller);
  const headers: Record<string, string> = { host: "127.0.0.1:3100", ...call.headers };
  const init: RequestInit = { method, headers };
  if (call.body) {
    if (call.body.contentType !== null) headers["content-type"] = call.body.contentType;
    const { text } = call.body;
    // As bytes: a string body would make Request add `text/plain` when no type was chosen.
    init.body = new TextEncoder().encode(typeof text === "string" ? text : JSON.stringify(withCurrentVersion(world.db, text, call.params.subscriptionId)));
  }
  const mark = watch.mark();
  const response = await handler(new Request(urlFor(file, call.params, call.search), init), { params: Promise.resolve(call.params) });
  await settleLifecycle();
  const text = await response.text();
  expect(response.status, text).toBeGreaterThanOrEqual(200);
  expect(response.status, text).toBeLessThan(500);
  // The CSV exports answer a file; every refusal is still the JSON error shape.
  if (response.headers.get("content-type")?.startsWith("text/csv")) {
    expect(response.status).toBe(200);
    expect(parseCsv(text).length).toBeGreaterThan(0);
    return;
  }
  const json = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  if (response.status >= 400) {
    expect(json.error, text).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(watch.changedSince(mark), `${response.status} ${text} changed the database`).toBe(false);
  }
}

interface ActionCall {
  caller: Caller;
  previous: unknown;
  form: FormSpec | null;
  other: unknown;
  address: string | null;
}

/** Calls one action; checks its result and, for `ok: false`, that nothing was written. */
async function checkAction(world: World, watch: ReturnType<typeof databaseWatch>, file: string, name: string, spec: ActionSpec, call: ActionCall): Promise<void> {
  const action = (await actionModules[file]())[name] as Action;
  edge.headers = new Headers(call.address ? { [SOCKET_ADDRESS_HEADER]: call.address } : {});
  // Sign out ends the session it is given: give it one of its own, so the callers' stay signed in.
  // Sign out everywhere ends every session of its user: one that no caller signs in as.
  const ownSession: string | undefined = ({ signOut: "contoso-sales-agent", signOutEverywhere: "contoso-admin-agent" } as Record<string, string>)[name];
  edge.cookie = ownSession && call.caller !== "anonymous" ? createSession(world.db, ownSession, SEED_NOW).token : tokenFor(world, call.caller);
  const argument = call.form ? toFormData({ ...call.form, values: withCurrentVersion(world.db, call.form.values, call.form.values.subscriptionId) }) : call.other;
  const mark = watch.mark();
  let result: unknown;
  try {
    result = await action(call.previous, argument);
  } catch (error) {
    if (!isRedirectError(error)) throw error;
    return;
  } finally {
    await settleLifecycle();
  }
  expect(result).toMatchObject({ ok: expect.any(Boolean) });
  const { ok, error } = result as { ok: boolean; error?: unknown };
  if (ok) return;
  expect(error).toEqual(expect.stringMatching(/\S/));
  if (!spec.refusalMayWrite) expect(watch.changedSince(mark), `${JSON.stringify(result)} changed the database`).toBe(false);
}

function actionCall(world: World, spec: ActionSpec): fc.Arbitrary<ActionCall> {
  return fc.record({
    caller,
    previous: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: nastyValue }),
    form: fc.option(spec.form(world), { freq: 8, nil: null }),
    other: notFormData,
    address: fc.constantFrom(null, "127.0.0.1", "::ffff:10.0.0.7", "2001:db8::1", "not an address"),
  });
}

describe("the fuzz covers every entry point", () => {
  it("has a spec for every exported route handler", async () => {
    const exported: string[] = [];
    for (const [file, load] of Object.entries(routeModules)) {
      for (const key of Object.keys(await load())) if ((METHODS as string[]).includes(key)) exported.push(`${file} ${key}`);
    }
    const specs = routeSpecs(SHAPE_ONLY);
    expect(Object.entries(specs).flatMap(([file, methods]) => Object.keys(methods).map((m) => `${file} ${m}`)).sort()).toEqual(exported.sort());
  });

  it("has a spec for every server action, and every 'use server' file is one it loads", async () => {
    const useServer = Object.entries(appSources)
      .filter(([, source]) => /^\s*["']use server["']/.test(source))
      .map(([file]) => file);
    expect(useServer.sort()).toEqual(Object.keys(actionModules).sort());
    const exported: string[] = [];
    for (const [file, load] of Object.entries(actionModules)) for (const [key, value] of Object.entries(await load())) if (typeof value === "function") exported.push(`${file} ${key}`);
    expect(Object.entries(ACTION_SPECS).flatMap(([file, actions]) => Object.keys(actions).map((a) => `${file} ${a}`)).sort()).toEqual(exported.sort());
  });
});

describe("route handlers never answer 5xx, and a refusal writes nothing", () => {
  const cases = Object.entries(routeSpecs(SHAPE_ONLY)).flatMap(([file, methods]) =>
    Object.keys(methods).map((method) => [`${method} ${file.replace(/^\.\.\/app/, "").replace(/\/route\.ts$/, "")}`, file, method as Method] as const),
  );

  it.each(cases)("%s", async (_name, file, method) => {
    const { world, watch } = openWorld();
    const spec = routeSpecs(world)[file][method]!;
    await fc.assert(
      fc.asyncProperty(routeCall(world, file, method, spec), (call) => checkRoute(world, watch, file, method, call)),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("answers 413 to a body over 1 MB on every write route, declared or not", async () => {
    const { world, watch } = openWorld();
    // The catch-all of addresses no handler serves reads no body: a 404 whatever its size.
    const writes = Object.entries(routeSpecs(world))
      .filter(([file]) => file !== API_NOT_FOUND_ROUTE)
      .flatMap(([file, methods]) => Object.keys(methods).filter((m) => m !== "GET").map((m) => [file, m as Method] as const));
    const target = fc.constantFrom(...writes).chain(([file, method]) => routeParams(world, file).map((params) => ({ file, method, params })));
    await fc.assert(
      fc.asyncProperty(target, fc.integer({ min: 1, max: 64 * 1024 }), fc.constantFrom("application/json", null), fc.boolean(), async ({ file, method, params }, over, contentType, declare) => {
        edge.cookie = tokenFor(world, "contoso-global-admin");
        const body = new TextEncoder().encode(JSON.stringify({ comment: "x".repeat(MAX_BODY_BYTES + over) }));
        const headers: Record<string, string> = { host: "127.0.0.1:3100" };
        if (contentType) headers["content-type"] = contentType;
        if (declare) headers["content-length"] = String(body.byteLength);
        const mark = watch.mark();
        const handler = (await routeModules[file]())[method] as RouteHandler;
        const answer = await handler(new Request(urlFor(file, params, ""), { method, headers, body }), { params: Promise.resolve(params) });
        expect(answer.status).toBe(413);
        expect(watch.changedSince(mark)).toBe(false);
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});

describe("server actions return a result or redirect, and a refusal writes nothing", () => {
  const cases = Object.entries(ACTION_SPECS).flatMap(([file, actions]) => Object.entries(actions).map(([name, spec]) => [name, file, spec] as const));

  it.each(cases)("%s", async (name, file, spec) => {
    const { world, watch } = openWorld();
    await fc.assert(
      fc.asyncProperty(actionCall(world, spec), (call) => checkAction(world, watch, file, name, spec, call)),
      { numRuns: spec.runs ?? RUNS },
    );
  }, 60_000);
});

type Step =
  | { file: string; method: Method; route: RouteCall }
  | { file: string; name: string; spec: ActionSpec; action: ActionCall };

/** Any route or action call (sign-in aside: slow, and it only touches sessions and throttling). */
function anyStep(world: World): fc.Arbitrary<Step> {
  const routes = Object.entries(routeSpecs(world)).flatMap(([file, methods]) =>
    Object.entries(methods).map(([method, spec]) => routeCall(world, file, method as Method, spec!).map((route): Step => ({ file, method: method as Method, route }))),
  );
  const actions = Object.entries(ACTION_SPECS).flatMap(([file, specs]) =>
    Object.entries(specs)
      .filter(([name]) => !name.startsWith("sign"))
      .map(([name, spec]) => actionCall(world, spec).map((action): Step => ({ file, name, spec, action }))),
  );
  return fc.oneof(...routes, ...actions);
}

describe("mixed sequences on one database", () => {
  // Carts filled by one call are bought by another, bought subscriptions are changed and cancelled:
  // later calls meet states that single-handler runs never reach.
  it("never answer 5xx or write on a refusal", async () => {
    const { world, watch } = openWorld();
    await fc.assert(
      fc.asyncProperty(fc.array(anyStep(world), { minLength: 5, maxLength: 25 }), async (steps) => {
        for (const step of steps) {
          if ("route" in step) await checkRoute(world, watch, step.file, step.method, step.route);
          else await checkAction(world, watch, step.file, step.name, step.spec, step.action);
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});

describe("fixed cases the fuzz found", () => {
  const post = (path: string, body: unknown) =>
    new Request(`http://127.0.0.1:3100${path}`, { method: "POST", headers: { host: "127.0.0.1:3100", "content-type": "application/json" }, body: JSON.stringify(body) });

  // A Demo clock move processed in one batch unregistered its run before registering it, so the
  // partner looked "catching up" forever: requests stopped applying its lifecycle, and the next move
  // answered 200 at once with nothing processed (GET /api/clock showed it stuck at 0%).
  it("a one-day Demo clock move leaves the next, longer move to be processed", async () => {
    const { world } = openWorld();
    edge.cookie = tokenFor(world, "contoso-global-admin");
    const clock = (await routeModules["../app/api/clock/route.ts"]()) as Record<"GET" | "POST", RouteHandler>;
    const noParams = { params: Promise.resolve({}) };
    const status = async () => (await (await clock.GET(new Request("http://127.0.0.1:3100/api/clock"), noParams)).json()) as { now: string; move: unknown };
    expect((await clock.POST(post("/api/clock", { days: 1 }), noParams)).status).toBe(200);
    const target = new Date(SEED_NOW.getTime() + 400 * DAY_MS).toISOString().slice(0, 10);
    expect((await clock.POST(post("/api/clock", { date: target }), noParams)).status).toBeLessThan(300);
    // As the Demo clock panel does: ask until the move is processed (a few seconds at most).
    for (let i = 0; i < 30 && (await status()).move !== null; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await status()).toEqual({ now: expect.stringMatching(new RegExp(`^${target}`)), move: null });
    // The seed's monthly subscriptions renewed through the year that was crossed.
    const renewed = world.db.$client.prepare("SELECT count(*) FROM subscriptions WHERE term_start > ?").pluck().get(SEED_NOW.getTime() + 300 * DAY_MS);
    expect(renewed).toBeGreaterThan(0);
  }, 15_000);
});
