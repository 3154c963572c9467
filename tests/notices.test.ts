import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { noticeTexts } from "@/lib/server/notices";
import { requestLocaleOf } from "@/lib/server/request-locale";
import type { Notice } from "@/lib/subscriptions";
import { MESSAGES } from "@/messages";

// Issue 13: the domain says what a change did as a code with parameters; the edge says it in the
// reader's language, with the date formatted for it.
describe("noticeTexts", () => {
  const date = "2026-05-31T09:00:00.000Z";

  it("says a notice in English as the pages always have", () => {
    expect(
      noticeTexts("en-US", [
        { code: "quantity_changed", params: { quantity: 12 } },
        { code: "subscription_suspended", params: { date } },
        { code: "addon_bought", params: { offer: "Microsoft 365 E5 Security", quantity: 2 } },
      ]),
    ).toEqual([
      "Quantity changed to 12.",
      "Subscription suspended. Its data will be deleted on May 31, 2026 unless it is reactivated.",
      "Microsoft 365 E5 Security added: 2 license(s), pro-rated to the base's term end.",
    ]);
  });

  it("says it in Swedish, with a Swedish date and the offer's name as it is", () => {
    expect(
      noticeTexts("sv-SE", [
        { code: "auto_renew_off", params: { date } },
        { code: "addon_bought", params: { offer: "Microsoft 365 E5 Security", quantity: 1 } },
      ]),
    ).toEqual([
      "Förnya automatiskt har slagits av. Prenumerationen upphör 31 maj 2026.",
      "Microsoft 365 E5 Security har lagts till: 1 licens, proportionellt fram till basprenumerationens periodslut.",
    ]);
  });

  it("has a message for every code in every language, with no argument left unfilled", () => {
    const samples: Notice[] = Object.keys(MESSAGES["en-US"].Notices).map(
      (code) => ({ code, params: { date, quantity: 3, offer: "Offer" } }) as unknown as Notice,
    );
    for (const locale of LOCALES) for (const text of noticeTexts(locale, samples)) expect(text).not.toMatch(/[{}]|Notices\./);
  });
});

describe("requestLocaleOf", () => {
  const of = (headers: Record<string, string>) => requestLocaleOf(new Headers(headers));

  it("takes Partner Center's X-Locale first, then Accept-Language, then en-US", () => {
    expect(of({ "X-Locale": "sv-SE", "Accept-Language": "en-US" })).toBe("sv-SE");
    expect(of({ "X-Locale": "en-US", "Accept-Language": "sv" })).toBe("en-US");
    expect(of({ "Accept-Language": "sv-SE,sv;q=0.9,en;q=0.8" })).toBe("sv-SE");
    expect(of({})).toBe("en-US");
  });

  it("passes over a language it doesn't have", () => {
    expect(of({ "X-Locale": "de-DE", "Accept-Language": "sv" })).toBe("sv-SE");
    expect(of({ "X-Locale": "de-DE" })).toBe("en-US");
  });
});
