import { z } from "zod";
import { englishApiText, type ApiText } from "./api-text";
import { PC_CODES } from "./errors";
import type { Refusal, V1Operation } from "./openapi-types";
import { operationGroups, type OperationGroup } from "./operations";
import { REQUESTS_PER_MINUTE } from "./rate-limit";

/**
 * /v1/openapi.json, generated: every path, parameter, body and response schema comes from the zod
 * schemas the operations list (the same objects the handlers parse with), through zod 4's
 * `z.toJSONSchema` (JSON Schema 2020-12, which OpenAPI 3.1 uses as is). Nothing here is written per
 * endpoint, so the document cannot say something the handlers do not do. Its prose is the en-US
 * messages' (lib/v1/api-text.ts), the same the API reference page shows translated.
 */

type Json = Record<string, unknown>;

/** Partner Center's REST error body ("Partner Center REST error codes"), as v1Route answers every refusal. */
export const partnerCenterErrorSchema = z.object({
  code: z.string().meta({ description: "Partner Center's numeric code where it documents one for the case, else the HTTP status." }),
  description: z.string(),
  data: z.array(z.unknown()).meta({ description: "Per-field details of a validation refusal: `{ field, message(s) }`." }),
  source: z.string(),
});

/**
 * The refusals v1Route itself answers before or around any handler, so no resource module lists
 * them: no live token, the partner's rate limit, and a body that is not JSON.
 */
export function edgeErrors(op: V1Operation): Refusal[] {
  const rows: Refusal[] = [];
  if (op.public) return rows;
  rows.push({ status: 401, code: PC_CODES.access_denied, when: "noToken" });
  if (op.body && op.bodyType !== "form") {
    rows.push({ status: 400, code: PC_CODES.invalid_input, when: "invalidJson" });
    rows.push({ status: 413, code: PC_CODES.invalid_input, when: "bodyTooLarge" });
    rows.push({ status: 415, code: PC_CODES.invalid_input, when: "notJson" });
  }
  if (op.query) rows.push({ status: 400, code: PC_CODES.invalid_input, when: "invalidQuery" });
  rows.push({ status: 429, code: PC_CODES.rate_limited, when: "rateLimited", values: { requestsPerMinute: REQUESTS_PER_MINUTE } });
  return rows;
}

/** The operation's own refusals, then the edge's, without repeating a status and code it already lists. */
export function allErrors(op: V1Operation): Refusal[] {
  const own = new Set(op.errors.map((e) => `${e.status} ${e.code}`));
  return [...op.errors, ...edgeErrors(op).filter((e) => !own.has(`${e.status} ${e.code}`))].sort((a, b) => a.status - b.status);
}

/** An operation's summary and description (ApiReference.operations.<operationId>) in `text`'s language. */
export function operationText(op: V1Operation, text: ApiText): { summary: string; description?: string } {
  const key = (part: "summary" | "description") => `operations.${operationId(op)}.${part}`;
  return { summary: text.t(key("summary"), op.textValues), description: text.has(key("description")) ? text.t(key("description"), op.textValues) : undefined };
}

/** A group's name and description (ApiReference.groups.<id>) in `text`'s language. */
export function groupText(group: OperationGroup, text: ApiText): { name: string; description: string } {
  const key = (part: "name" | "description") => `groups.${group.id}.${part}`;
  return { name: text.t(key("name")), description: text.t(key("description")) };
}

/** When a refusal is answered (ApiReference.refusals), in `text`'s language. */
export const refusalText = (row: Refusal, text: ApiText): string => text.t(`refusals.${row.when}`, row.values);

export function successStatus(op: V1Operation): number {
  return op.status ?? 200;
}

/** `get /v1/customers/{customerId}` -> `getCustomersCustomerId`: unique because method and path are. */
export function operationId(op: V1Operation): string {
  const words = op.path.split(/[^A-Za-z0-9]+/).filter((w) => w && w !== "v1");
  return op.method + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

/** Schemas with a `.meta({ id })` come out as `$defs`; they become components, shared by every operation. */
class SchemaSet {
  readonly components: Record<string, Json> = {};

  convert(schema: z.ZodType, io: "input" | "output"): Json {
    const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    const renamed: Record<string, string> = {};
    for (const [id, def] of Object.entries(defs)) renamed[id] = this.add(id, def, io);
    const rewritten = rewriteRefs(json, renamed) as Json;
    for (const id of Object.keys(defs)) this.components[renamed[id]] = rewriteRefs(this.components[renamed[id]], renamed) as Json;
    return rewritten;
  }

  /** Registers a named schema; a different schema under a taken name (an input and an output view) gets a suffix. */
  add(name: string, json: Json, io: "input" | "output" = "output"): string {
    const existing = this.components[name];
    if (!existing || JSON.stringify(existing) === JSON.stringify(json)) {
      this.components[name] = json;
      return name;
    }
    return this.add(io === "input" ? `${name}Input` : `${name}_`, json, io);
  }
}

function rewriteRefs(value: unknown, renamed: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, renamed));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (key === "$ref" && typeof v === "string" && v.startsWith("#/$defs/")) return [key, `#/components/schemas/${renamed[v.slice(8)] ?? v.slice(8)}`];
      return [key, rewriteRefs(v, renamed)];
    }),
  );
}

function parameters(op: V1Operation, schemas: SchemaSet): Json[] {
  const list: Json[] = [];
  const pathProps = op.params ? ((schemas.convert(op.params, "input").properties ?? {}) as Record<string, Json>) : {};
  for (const name of pathParamNames(op.path)) {
    const schema = pathProps[name] ?? { type: "string" };
    list.push({ name, in: "path", required: true, schema, ...(schema.description ? { description: schema.description } : {}) });
  }
  if (op.query) {
    const json = schemas.convert(op.query, "input");
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, schema] of Object.entries((json.properties ?? {}) as Record<string, Json>)) {
      list.push({ name, in: "query", required: required.has(name), schema, ...(schema.description ? { description: schema.description } : {}) });
    }
  }
  if (!op.public) list.push({ $ref: "#/components/parameters/MSRequestId" }, { $ref: "#/components/parameters/MSCorrelationId" });
  if (op.errors.some((e) => e.status === 412)) list.push({ $ref: "#/components/parameters/IfMatch" });
  return list;
}

function responses(op: V1Operation, schemas: SchemaSet): Json {
  const ids = op.public ? {} : { "MS-RequestId": { $ref: "#/components/headers/MSRequestId" }, "MS-CorrelationId": { $ref: "#/components/headers/MSCorrelationId" } };
  const status = successStatus(op);
  const out: Json = {
    [status]: {
      description: operationText(op, englishApiText()).summary,
      headers: { ...ids, ...(op.public ? {} : { ETag: { $ref: "#/components/headers/ETag" } }) },
      ...(status === 204 ? {} : { content: { "application/json": { schema: schemas.convert(op.response, "output") } } }),
    },
  };
  const errorSchema = op.errorBody ? schemas.convert(op.errorBody, "output") : { $ref: "#/components/schemas/Error" };
  const byStatus = new Map<number, Refusal[]>();
  for (const row of allErrors(op)) byStatus.set(row.status, [...(byStatus.get(row.status) ?? []), row]);
  for (const [code, rows] of byStatus) {
    out[code] = {
      description: rows.map((r) => `${r.code}: ${refusalText(r, englishApiText())}`).join("\n"),
      headers: { ...ids, ...(code === 429 && !op.public ? { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } : {}) },
      content: { "application/json": { schema: errorSchema } },
    };
  }
  return out;
}

function operationObject(op: V1Operation, group: OperationGroup, schemas: SchemaSet): Json {
  const bodyType = op.bodyType === "form" ? "application/x-www-form-urlencoded" : "application/json";
  const { summary, description } = operationText(op, englishApiText());
  return {
    operationId: operationId(op),
    tags: [groupText(group, englishApiText()).name],
    summary,
    ...(description ? { description } : {}),
    ...(op.public ? { security: [] } : {}),
    parameters: parameters(op, schemas),
    ...(op.body ? { requestBody: { required: true, content: { [bodyType]: { schema: schemas.convert(op.body, "input") } } } } : {}),
    responses: responses(op, schemas),
  };
}

const header = (description: string, schema: Json = { type: "string", maxLength: 100 }) => ({ description, schema });

function components(schemas: Record<string, Json>): Json {
  const flows = { tokenUrl: "/oauth2/token", scopes: {} };
  return {
    schemas,
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "An access_token from POST /oauth2/token, valid for an hour." },
      oauth2: { type: "oauth2", description: "Partner Center's app+user (password) and app-only (client credentials) flows.", flows: { password: flows, clientCredentials: flows } },
    },
    parameters: {
      MSRequestId: { name: "MS-RequestId", in: "header", required: false, ...header("Your id for this request; a retried create with the same id does not create twice. Echoed back; made up when absent.") },
      MSCorrelationId: { name: "MS-CorrelationId", in: "header", required: false, ...header("Your id for a sequence of requests. Echoed back; made up when absent.") },
      IfMatch: { name: "If-Match", in: "header", required: false, ...header("The ETag you last read: the change is refused with 412 when the resource changed since.", { type: "string" }) },
    },
    headers: {
      MSRequestId: header("The request's MS-RequestId, as sent or made up."),
      MSCorrelationId: header("The request's MS-CorrelationId, as sent or made up."),
      ETag: header("The resource's version, for If-Match.", { type: "string" }),
      RetryAfter: header("Whole seconds until the partner's rate window ends.", { type: "integer", minimum: 1 }),
    },
  };
}

/** The whole document for `groups` (every registered operation by default). */
export function buildOpenApiDocument(groups: OperationGroup[] = operationGroups): Json {
  const schemas = new SchemaSet();
  schemas.add("Error", schemas.convert(partnerCenterErrorSchema, "output"));
  const paths: Record<string, Json> = {};
  for (const group of groups) {
    for (const op of group.operations) {
      paths[op.path] ??= {};
      if (paths[op.path][op.method]) throw new Error(`Two operations for ${op.method.toUpperCase()} ${op.path}`);
      paths[op.path][op.method] = operationObject(op, group, schemas);
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Partner Center subscriptions REST API (local)",
      version: "1.0.0",
      description:
        "Partner Center's documented REST resources (customers, offers, carts, orders, subscriptions) over this product's demo data, plus its Demo clock. Get a token from POST /oauth2/token and send it as Authorization: Bearer on every /v1 request. Refusals are `{ code, description, data, source }` with the HTTP status.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { oauth2: [] }],
    tags: groups.map((g) => groupText(g, englishApiText())),
    paths,
    components: components(schemas.components),
  };
}
