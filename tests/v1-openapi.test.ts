import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AppDatabase } from "@/db/client";
import { eq } from "drizzle-orm";
import { orders, subscriptions } from "@/db/schema";
import type { V1Operation } from "@/lib/v1/openapi-types";
import { DEMO_SIGN_IN, exampleBody } from "@/lib/v1/reference";
import { freshDb } from "./helpers";

/**
 * /v1/openapi.json is generated, not written: these tests tie it to the code. Every route file's
 * methods have an operation and every operation a route file (found on disk), calling a route parses
 * with the very schema objects the document is generated from, and the document is well-formed OpenAPI 3.1.
 */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

const { buildOpenApiDocument, allErrors, successStatus, pathParamNames, operationText, refusalText } = await import("@/lib/v1/openapi");
const { englishApiText } = await import("@/lib/v1/api-text");
const { operations } = await import("@/lib/v1/operations");
const { GET: openApiRoute } = await import("@/app/v1/openapi.json/route");
const { POST: tokenRoute } = await import("@/app/oauth2/token/route");
const { resetRateLimits } = await import("@/lib/v1/rate-limit");

type Json = Record<string, unknown>;
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROOT = path.resolve(".");

/** Every route.ts under the API's folders, with the OpenAPI path its folders spell. */
function routeFiles(): { file: string; path: string }[] {
  const found: { file: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const segments = path.relative(path.join(ROOT, "app"), dir).split(path.sep);
        found.push({ file: full, path: "/" + segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/") });
      }
    }
  };
  walk(path.join(ROOT, "app/v1"));
  walk(path.join(ROOT, "app/oauth2"));
  return found;
}

const key = (method: string, p: string) => `${method.toUpperCase()} ${p}`;

describe("the operations list and the route files", () => {
  const files = routeFiles();

  it("lists every exported method of every route file under app/v1 and app/oauth2, and nothing else", async () => {
    const served = new Set<string>();
    for (const { file, path: p } of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of HTTP_METHODS) if (typeof mod[method] === "function") served.add(key(method, p));
    }
    const documented = new Set(operations.map((op) => key(op.method, op.path)));
    expect(served.size).toBeGreaterThanOrEqual(4);
    expect([...served].filter((k) => !documented.has(k)), "route methods without an operation").toEqual([]);
    expect([...documented].filter((k) => !served.has(k)), "operations without a route").toEqual([]);
    expect(documented.size, "one operation per method and path").toBe(operations.length);
  });

  it("names each path parameter as its route folder does, and the params schema has exactly those keys", () => {
    for (const op of operations) {
      if (!op.params) continue;
      const json = z.toJSONSchema(op.params, { io: "input", unrepresentable: "any" }) as Json;
      expect(Object.keys((json.properties ?? {}) as Json).sort(), key(op.method, op.path)).toEqual(pathParamNames(op.path).sort());
    }
  });

  it("documents the very schema objects the handlers parse with: calling each route parses with the operation's body and query schemas", async () => {
    state.db = freshDb().db;
    resetRateLimits();
    const tokenResponse = await tokenRoute(new Request("http://localhost/oauth2/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "password", ...DEMO_SIGN_IN }).toString() }));
    const bearer = ((await tokenResponse.json()) as { access_token: string }).access_token;
    const modules = new Map<string, Record<string, unknown>>();
    for (const f of files) modules.set(f.path, (await import(f.file)) as Record<string, unknown>);
    const send = async (op: V1Operation, values: Record<string, string>) => {
      const handler = modules.get(op.path)![op.method.toUpperCase()] as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
      const params = Object.fromEntries(pathParamNames(op.path).map((name) => [name, values[name] ?? "unknown"]));
      const url = new URL("http://localhost" + op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]));
      for (const [k, v] of Object.entries(op.example?.query ?? {})) url.searchParams.set(k, v);
      const body = exampleBody(op);
      const form = op.bodyType === "form";
      const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { "content-type": form ? "application/x-www-form-urlencoded" : "application/json" }) };
      const payload = body === undefined ? undefined : form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body);
      return handler(new Request(url, { method: op.method.toUpperCase(), headers, body: payload }), { params: Promise.resolve(params) });
    };
    // Real demo ids, so a handler that looks its resource up before parsing still gets to parse.
    const values: Record<string, string> = {
      customerId: "fabrikam",
      subscriptionId: state.db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.customerId, "fabrikam")).get()!.id,
      orderId: state.db.select({ id: orders.id }).from(orders).where(eq(orders.customerId, "fabrikam")).get()!.id,
    };
    const createCart = operations.find((op) => op.method === "post" && /\/carts$/.test(op.path));
    if (createCart) values.cartId = ((await (await send(createCart, values)).json()) as { id: string }).id;

    let checked = 0;
    for (const op of operations) {
      for (const part of ["body", "query"] as const) {
        const schema = op[part];
        if (!schema) continue;
        const spies = (["parse", "safeParse", "parseAsync", "safeParseAsync"] as const).map((m) => vi.spyOn(schema, m));
        await send(op, values);
        const calls = spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
        spies.forEach((spy) => spy.mockRestore());
        expect(calls, `${key(op.method, op.path)} does not parse with the ${part} schema its operation documents`).toBeGreaterThan(0);
        checked++;
      }
      const document = buildOpenApiDocument() as { paths: Record<string, Record<string, Json>> };
      const body = document.paths[op.path][op.method].requestBody as { content: Record<string, { schema: Json }> } | undefined;
      if (op.body) {
        const expected = z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) as Json;
        delete expected.$schema;
        if (!expected.$defs) expect(Object.values(body!.content)[0].schema).toEqual(expected);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it("shows the token endpoint's form schema: a grant it refuses is one the document does not allow", async () => {
    const { POST: token } = await import("@/app/oauth2/token/route");
    const document = buildOpenApiDocument() as { paths: Record<string, Record<string, Json>> };
    const form = (document.paths["/oauth2/token"].post.requestBody as { content: Record<string, { schema: { oneOf: { properties: { grant_type: { const: string } } }[] } }> }).content["application/x-www-form-urlencoded"].schema;
    expect(form.oneOf.map((o) => o.properties.grant_type.const).sort()).toEqual(["client_credentials", "password"]);
    const refused = await token(new Request("http://localhost/oauth2/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=authorization_code&code=x" }));
    expect(await refused.json()).toMatchObject({ error: "unsupported_grant_type" });
  });
});

/** Follows a local JSON pointer (`#/components/schemas/Error`) through the document. */
function resolve(document: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Json)[part] : undefined), document);
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

const JSON_TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);

/** Each schema node is a JSON Schema 2020-12 object whose `type`s are JSON types (OpenAPI 3.1's dialect). */
function expectSchema(schema: unknown, where: string): void {
  if (typeof schema === "boolean") return;
  expect(schema, where).toBeTypeOf("object");
  const node = schema as Json;
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  for (const t of types) expect(JSON_TYPES.has(t as string), `${where}: type ${String(t)}`).toBe(true);
  expect(node.$schema, `${where}: no nested $schema`).toBeUndefined();
  for (const [k, v] of Object.entries(node)) {
    if (k === "properties" || k === "$defs") for (const [name, child] of Object.entries(v as Json)) expectSchema(child, `${where}.${name}`);
    if (k === "items" || k === "additionalProperties" || k === "not") expectSchema(v, `${where}.${k}`);
    if (k === "oneOf" || k === "anyOf" || k === "allOf" || k === "prefixItems") (v as unknown[]).forEach((child, i) => expectSchema(child, `${where}.${k}[${i}]`));
  }
}

describe("GET /v1/openapi.json", () => {
  it("answers the generated document without a token", async () => {
    const response = openApiRoute();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  const document = buildOpenApiDocument() as Json & { paths: Record<string, Record<string, Json>>; components: Json };

  it("is OpenAPI 3.1 with bearer and OAuth2 (password, client credentials) security at /oauth2/token", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const schemes = document.components.securitySchemes as Json;
    expect(schemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.oauth2).toMatchObject({ type: "oauth2", flows: { password: { tokenUrl: "/oauth2/token" }, clientCredentials: { tokenUrl: "/oauth2/token" } } });
    expect(document.components.schemas).toMatchObject({ Error: { type: "object", required: ["code", "description", "data", "source"] } });
  });

  it("lists every operation once, with a unique operationId, a success response and every error code", () => {
    const ids = new Set<string>();
    for (const op of operations) {
      const entry = document.paths[op.path]?.[op.method] as Json & { responses: Record<string, Json>; operationId: string };
      expect(entry, key(op.method, op.path)).toBeDefined();
      expect(ids.has(entry.operationId)).toBe(false);
      ids.add(entry.operationId);
      expect(entry.responses[String(successStatus(op))]).toBeDefined();
      for (const error of allErrors(op)) {
        const response = entry.responses[String(error.status)] as { description: string; content: Json };
        expect(response?.description, `${key(op.method, op.path)} ${error.status}`).toContain(`${error.code}: ${refusalText(error, englishApiText())}`);
        expect(response.content).toHaveProperty(["application/json", "schema"]);
      }
      if (!op.public) {
        // What v1Route answers for every operation, whether or not its module lists it.
        expect(Object.keys(entry.responses)).toEqual(expect.arrayContaining(["401", "429"]));
        expect(entry.responses["429"]).toMatchObject({ headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } });
        expect(entry.parameters).toEqual(expect.arrayContaining([{ $ref: "#/components/parameters/MSRequestId" }, { $ref: "#/components/parameters/MSCorrelationId" }]));
        expect(entry.security).toBeUndefined();
      } else expect(entry.security).toEqual([]);
      if (op.errors.some((e) => e.status === 412)) expect(entry.parameters).toContainEqual({ $ref: "#/components/parameters/IfMatch" });
      for (const name of pathParamNames(op.path)) expect(entry.parameters).toContainEqual(expect.objectContaining({ name, in: "path", required: true }));
    }
  });

  it("documents every refusal the operations list, each with a Partner Center or OAuth code", () => {
    for (const op of operations) {
      expect(document.paths[op.path][op.method].summary, key(op.method, op.path)).toBe(operationText(op, englishApiText()).summary);
      for (const error of op.errors) {
        expect(error.status, key(op.method, op.path)).toBeGreaterThanOrEqual(400);
        expect(error.code).toMatch(op.errorBody ? /^[a-z_]+$/ : /^\d+$/);
        expect(refusalText(error, englishApiText()).length).toBeGreaterThan(0);
      }
    }
  });

  it("resolves every $ref, and every schema is JSON Schema 2020-12", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resolve(document, ref), ref).toBeDefined();
    for (const [name, schema] of Object.entries(document.components.schemas as Json)) expectSchema(schema, name);
    for (const [p, methods] of Object.entries(document.paths)) {
      for (const [method, entry] of Object.entries(methods)) {
        const where = `${method} ${p}`;
        const { requestBody, responses, parameters } = entry as { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }>; parameters: Json[] };
        for (const media of Object.values(requestBody?.content ?? {})) expectSchema(media.schema, `${where} body`);
        for (const [status, r] of Object.entries(responses)) for (const media of Object.values(r.content ?? {})) expectSchema(media.schema, `${where} ${status}`);
        for (const param of parameters) if (!param.$ref) expectSchema(param.schema, `${where} ${String(param.name)}`);
      }
    }
  });

  it("accepts each operation's example with the schema it documents", () => {
    const withExamples = operations.filter((op): op is V1Operation & { body: z.ZodType } => !!op.example?.body && !!op.body);
    expect(withExamples.length).toBeGreaterThan(0);
    for (const op of withExamples) expect(op.body.safeParse(op.example!.body).success, key(op.method, op.path)).toBe(true);
  });
});
