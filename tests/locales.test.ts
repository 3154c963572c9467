import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/i18n/locales";

describe("the first visit's language, from Accept-Language", () => {
  it.each([
    ["sv-SE,sv;q=0.9,en-US;q=0.8", "sv-SE"],
    ["sv", "sv-SE"],
    ["sv-FI", "sv-SE"],
    ["en-GB,en;q=0.9", "en-US"],
    ["de-DE,sv;q=0.5,en;q=0.4", "sv-SE"],
    ["de-DE,en;q=0.5,sv;q=0.4", "en-US"],
    ["en;q=0.2,sv;q=0.8", "sv-SE"],
    ["sv;q=0,en", "en-US"],
    ["fr-FR", "en-US"],
    ["", "en-US"],
    [null, "en-US"],
    ["*;q=0.5", "en-US"],
    ["sv;q=abc,en", "en-US"],
  ])("%s -> %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
