import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

/**
 * Server actions are public endpoints: a hand-made POST (say a text/plain body `[null,{...}]`) makes
 * Next hand the action an array, an object or null instead of FormData. The caller gets the
 * invalid-input failure, not a 500, in the page's language (no language cookie here: the browser's
 * Accept-Language). The session lookup is stubbed (a signed-in user).
 */
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => request.headers }));
vi.mock("@/db", () => ({ getDb: () => ({}) }));
vi.mock("@/lib/server/context", () => ({
  currentActor: async () => ({ userId: "contoso-admin" }),
  getClock: () => ({}),
  realNow: () => new Date("2026-03-02T09:00:00Z"),
}));

const { authedAction, formDataToObject } = await import("@/lib/server/action");
const { signIn } = await import("@/app/sign-in/actions");

const NOT_FORM_DATA: [string, unknown][] = [
  ["an array (text/plain `[null,{...}]`)", [null, { days: "1" }]],
  ["a plain object", { days: "1" }],
  ["null", null],
  ["a string", "days=1"],
  ["undefined", undefined],
];

describe("formDataToObject", () => {
  it("reads FormData, dropping Next's own keys and keeping repeated keys as a list", () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("days", "7");
    form.append("addOns", "a");
    form.append("addOns", "b");
    expect(formDataToObject(form)).toEqual({ days: "7", addOns: ["a", "b"] });
  });

  it.each(NOT_FORM_DATA)("treats %s as invalid input", (_name, value) => {
    expect(() => formDataToObject(value)).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });
});

describe("actions called with something other than FormData", () => {
  const handler = vi.fn(() => ({ message: "done" }));
  const action = authedAction(z.object({ days: z.string() }), handler);

  it.each(NOT_FORM_DATA)("authedAction returns the invalid-input failure for %s", async (_name, value) => {
    const result = await action(null, value as FormData);
    expect(result).toMatchObject({ ok: false, error: "This form could not be read. Reload the page and try again." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("says it in Swedish to a browser that asks for Swedish", async () => {
    request.headers = new Headers({ "accept-language": "sv-SE,sv;q=0.9,en;q=0.5" });
    try {
      expect(await action(null, null as unknown as FormData)).toMatchObject({ ok: false, error: "Formuläret kunde inte läsas. Läs in sidan igen och försök på nytt." });
    } finally {
      request.headers = new Headers();
    }
  });

  it("authedAction still runs for real FormData", async () => {
    const form = new FormData();
    form.append("days", "7");
    expect(await action(null, form)).toEqual({ ok: true, data: undefined, message: "done" });
  });

  it.each(NOT_FORM_DATA)("sign-in returns the invalid-input failure for %s", async (_name, value) => {
    expect(await signIn(null, value as FormData)).toMatchObject({ ok: false, error: expect.any(String) });
  });
});
