import { z } from "zod";
import { englishApiText, fieldDescription, type ApiText } from "./api-text";
import type { V1Operation } from "./openapi-types";
import { allErrors, operationText, pathParamNames, refusalText, successStatus } from "./openapi";

/**
 * What the API reference page shows for each operation, derived from the same zod schemas as
 * /v1/openapi.json: field tables from their JSON Schema, and curl examples that run against the demo
 * data (Contoso's Global admin, customer `fabrikam`, offer `office-365-e3`). Its prose is in the
 * reader's language (an ApiText); the schemas' descriptions, English, are looked up by their text.
 */

type Json = Record<string, unknown>;

export interface FieldRow {
  /** Dotted path: `lineItems[].catalogItemId`. */
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

/** A field as its schema gives it: the description in English, and which variants of a union require it. */
export interface SchemaFieldRow extends FieldRow {
  requiredWhen?: { tag: string; values: string[] };
}

/** The demo account the examples sign in with (listed on the sign-in page), and the demo ids they use. */
export const DEMO_SIGN_IN = { username: "admin@contoso-partner.example", password: "Partner-Demo-2026" };
const DEMO_VALUES: Record<string, string> = { customerId: "fabrikam", offerId: "office-365-e3", catalogItemId: "office-365-e3", country: "US" };
/** The getting-started calls that set $CART_ID, $ORDER_ID and $SUBSCRIPTION_ID for the examples. */
export const GETTING_STARTED = {
  cart: { lineItems: [{ id: 0, catalogItemId: "office-365-e3", quantity: 5, billingCycle: "monthly" }] },
  order: { billingCycle: "monthly", lineItems: [{ lineItemNumber: 0, offerId: "office-365-e3", quantity: 5 }] },
};
/** Ids only a previous call can give: the examples read them from shell variables set as the page shows. */
const shellVariable = (name: string) => "$" + name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  return z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
}

function deref(node: Json, root: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return node;
  return deref(((root.$defs ?? {}) as Record<string, Json>)[ref.slice(8)] ?? {}, root);
}

/** One variant of a union, or the schema itself; a nullable value is its non-null variant. */
function variants(node: Json, root: Json): Json[] {
  const list = (node.oneOf ?? node.anyOf) as Json[] | undefined;
  if (!list) return [node];
  return list.map((v) => deref(v, root)).filter((v) => v.type !== "null");
}

export function typeLabel(raw: Json, root: Json): string {
  const node = deref(raw, root);
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
  const parts = variants(node, root);
  const nullable = (node.oneOf ?? node.anyOf) ? ((node.oneOf ?? node.anyOf) as Json[]).some((v) => v.type === "null") : Array.isArray(node.type) && node.type.includes("null");
  if (parts.length > 1 || parts[0] !== node) return parts.map((p) => typeLabel(p, root)).join(" | ") + (nullable ? " | null" : "");
  const types = (Array.isArray(node.type) ? node.type : node.type ? [node.type] : []).filter((t) => t !== "null") as string[];
  let label = types.join(" | ") || "any";
  if (types[0] === "array" && node.items) label = `${typeLabel(node.items as Json, root)}[]`;
  if (typeof node.format === "string") label += ` (${node.format})`;
  const min = node.minimum ?? node.minLength;
  const max = node.maximum ?? node.maxLength;
  const sane = (n: unknown) => typeof n === "number" && Math.abs(n) < 1e12;
  if (sane(min) && sane(max)) label += ` ${String(min)}–${String(max)}`;
  return label + (nullable ? " | null" : "");
}

/** The fields of an object schema (a union's variants merged), nested objects and arrays of objects spelt out. */
export function fieldRows(schema: z.ZodType, io: "input" | "output"): SchemaFieldRow[] {
  const root = jsonSchema(schema, io);
  const rows: SchemaFieldRow[] = [];
  const walk = (raw: Json, prefix: string, depth: number) => {
    const shapes = variants(deref(raw, root), root).filter((v) => v.properties);
    // A union of objects (the token request's grants): a field required by some variants says which.
    const tag = Object.keys((shapes[0]?.properties ?? {}) as Json).find((k) => shapes.every((s) => ((s.properties as Record<string, Json>)[k] as Json | undefined)?.const !== undefined));
    const names = [...new Set(shapes.flatMap((s) => Object.keys(s.properties as Json)))];
    for (const name of names) {
      const holders = shapes.filter((s) => name in (s.properties as Json));
      const child = (holders[0].properties as Record<string, Json>)[name];
      const node = deref(child, root);
      const requiredIn = shapes.filter((s) => ((s.required ?? []) as string[]).includes(name));
      const everywhere = requiredIn.length === shapes.length;
      const requiredWhen = !everywhere && requiredIn.length > 0 && tag ? { tag, values: requiredIn.map((s) => JSON.stringify((s.properties as Record<string, Json>)[tag].const)) } : undefined;
      const description = (child.description ?? node.description) as string | undefined;
      const type = [...new Set(holders.map((s) => typeLabel((s.properties as Record<string, Json>)[name], root)))].join(" | ");
      rows.push({ name: prefix + name, type, required: everywhere, ...(description ? { description } : {}), ...(requiredWhen ? { requiredWhen } : {}) });
      if (depth >= 3) continue;
      const inner = variants(node, root)[0];
      if (inner?.properties) walk(inner, `${prefix}${name}.`, depth + 1);
      else if (inner?.type === "array" && inner.items) {
        const item = variants(deref(inner.items as Json, root), root)[0];
        if (item?.properties) walk(item, `${prefix}${name}[].`, depth + 1);
      }
    }
  };
  walk(root, "", 0);
  return rows;
}

/** A value the schema accepts, made from its JSON Schema: demo ids by field name, else the smallest valid value. */
function sample(raw: Json, root: Json, name: string): unknown {
  const node = deref(raw, root);
  if (node.const !== undefined) return node.const;
  if (node.default !== undefined) return node.default;
  if (Array.isArray(node.examples) && node.examples.length) return node.examples[0];
  if (Array.isArray(node.enum)) return node.enum[0];
  const variant = variants(node, root)[0];
  if (variant !== node) return sample(variant, root, name);
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== "null") : node.type;
  switch (type) {
    case "object": {
      const out: Json = {};
      for (const key of (node.required ?? []) as string[]) out[key] = sample(((node.properties ?? {}) as Record<string, Json>)[key] ?? {}, root, key);
      return out;
    }
    case "array":
      return [sample((node.items ?? {}) as Json, root, name)];
    case "integer":
    case "number":
      return typeof node.minimum === "number" && node.minimum > 1 ? node.minimum : 1;
    case "boolean":
      return true;
    default:
      return DEMO_VALUES[name] ?? (node.format === "date" ? "2030-01-01" : name);
  }
}

export function exampleBody(op: V1Operation): unknown {
  if (!op.body) return undefined;
  return op.example?.body ?? sample(jsonSchema(op.body, "input"), jsonSchema(op.body, "input"), "body");
}

/** The path with demo ids filled in: `/v1/customers/fabrikam/subscriptions/$SUBSCRIPTION_ID`. */
export function examplePath(op: V1Operation): string {
  let path = op.path;
  for (const name of pathParamNames(op.path)) path = path.replace(`{${name}}`, DEMO_VALUES[name] ?? shellVariable(name));
  const query = op.example?.query ?? (op.query ? (sample(jsonSchema(op.query, "input"), jsonSchema(op.query, "input"), "query") as Record<string, string>) : {});
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return search ? `${path}?${search}` : path;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl command for the operation, using $BASE_URL and $TOKEN as the page's first steps set them. */
export function curlExample(op: V1Operation): string {
  const url = `"$BASE_URL${examplePath(op)}"`;
  const lines = [op.method === "get" ? `curl -sS ${url}` : `curl -sS -X ${op.method.toUpperCase()} ${url}`];
  if (!op.public) lines.push(`-H "Authorization: Bearer $TOKEN"`);
  const body = exampleBody(op);
  if (body !== undefined && op.bodyType === "form") {
    for (const [k, v] of Object.entries(body as Record<string, string>)) lines.push(`--data-urlencode ${quote(`${k}=${v}`)}`);
  } else if (body !== undefined) {
    lines.push(`-H "Content-Type: application/json"`, `-d ${quote(JSON.stringify(body))}`);
  }
  return lines.join(" \\\n  ");
}

/** A field as the page shows it: "Required when …" and its description, in `text`'s language. */
function shownRow({ requiredWhen, description, ...row }: SchemaFieldRow, text: ApiText): FieldRow {
  const list = new Intl.ListFormat(text.locale, { type: "disjunction" });
  const when = requiredWhen && text.t("fieldsTable.requiredWhen", { tag: requiredWhen.tag, values: list.format(requiredWhen.values) });
  const shown = [when, description && fieldDescription(description, text)].filter(Boolean).join(" ");
  return shown ? { ...row, description: shown } : row;
}

/** Everything the page shows for one operation, its prose in `text`'s language (English by default). */
export function referenceEntry(op: V1Operation, text: ApiText = englishApiText()) {
  const rows = (schema: z.ZodType, io: "input" | "output") => fieldRows(schema, io).map((row) => shownRow(row, text));
  const params: (FieldRow & { where: "path" | "query" })[] = [
    ...(op.params ? rows(op.params, "input").map((r) => ({ ...r, required: true, where: "path" as const })) : pathParamNames(op.path).map((name) => ({ name, type: "string", required: true, where: "path" as const }))),
    ...(op.query ? rows(op.query, "input").map((r) => ({ ...r, where: "query" as const })) : []),
  ];
  return {
    id: `${op.method}-${op.path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`,
    method: op.method.toUpperCase(),
    path: op.path,
    ...operationText(op, text),
    public: !!op.public,
    params,
    body: op.body ? rows(op.body, "input") : null,
    bodyType: op.bodyType === "form" ? "application/x-www-form-urlencoded" : "application/json",
    status: successStatus(op),
    response: rows(op.response, "output"),
    errors: allErrors(op).map((row) => ({ status: row.status, code: row.code, when: refusalText(row, text) })),
    curl: curlExample(op),
  };
}

export type ReferenceEntry = ReturnType<typeof referenceEntry>;
