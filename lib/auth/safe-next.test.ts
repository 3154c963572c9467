import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT, MAX_NEXT_LENGTH, safeNext } from "./safe-next";

// Origins a deployment might be served from: the result must stay on each of them.
const ORIGINS = ["http://127.0.0.1:3000", "https://partner.example", "https://partner.example:8443", "http://[::1]:3000"];

const KEPT: [string, string][] = [
  ["/customers", "/customers"],
  ["/customers?x=1", "/customers?x=1"],
  ["/customers#frag", "/customers#frag"],
  ["/customers/fabrikam/catalog?publisher=partner&category=trial", "/customers/fabrikam/catalog?publisher=partner&category=trial"],
  // Encoded slashes stay encoded: a same-site path whose first segment is "%2F%2Fx".
  ["/%2F%2Fx", "/%2F%2Fx"],
  ["/customers/../activity", "/activity"],
  ["/customers?next=//evil.example", "/customers?next=//evil.example"],
];

const REFUSED: string[] = [
  "",
  "//x",
  "//evil.example/phish",
  "/\\x",
  "/\\/x",
  "\\\\x",
  "/./\\/x",
  "/.//x",
  "/.//evil.example/phish",
  "/..//x",
  "/../..//x",
  "%2F%2Fx",
  "https://evil",
  "http:evil",
  "HTTPS://evil",
  "javascript:alert(1)",
  " /customers",
  "/\t/evil",
  "/\n/evil",
  "/\r\n/evil",
  "\t//evil",
  "/customers\u0000",
  "customers",
  "?next=/x",
  "#/x",
  `/${"a".repeat(MAX_NEXT_LENGTH)}`,
];

describe("safeNext", () => {
  it.each(KEPT)("keeps the same-site path %j as %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each(REFUSED)("falls back to /customers for %j", (next) => {
    expect(safeNext(next)).toBe(DEFAULT_NEXT);
  });

  it("falls back when next is missing or not a string", () => {
    expect(safeNext(undefined)).toBe(DEFAULT_NEXT);
    expect(safeNext(null)).toBe(DEFAULT_NEXT);
    expect(safeNext(["/a", "/b"])).toBe(DEFAULT_NEXT);
  });

  it.each([...KEPT.map(([next]) => next), ...REFUSED])("%j resolves on this site whatever the origin, with one leading slash", (next) => {
    const result = safeNext(next);
    expect(result).toMatch(/^\/[^/\\]/);
    for (const origin of ORIGINS) expect(new URL(result, origin).origin).toBe(new URL(origin).origin);
  });
});
