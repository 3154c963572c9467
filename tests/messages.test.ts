import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { ERRORS } from "@/lib/errors";
import { LOCALES } from "@/i18n/locales";
import { CLIENT_NAMESPACES, MESSAGES } from "@/messages";

/** Every message as `Namespace.key.path` -> its text. */
function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([key, v]) => flatten(v, prefix ? `${prefix}.${key}` : key)));
}

/** The ICU elements of a message, nested ones (in plural, select and tag branches) included. */
function elementsOf(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.flatMap((element) => [
    element,
    ...(element.type === TYPE.plural || element.type === TYPE.select ? Object.values(element.options).flatMap((option) => elementsOf(option.value)) : []),
    ...(element.type === TYPE.tag ? elementsOf(element.children) : []),
  ]);
}

/** The ICU arguments a message takes ({count, plural, ...}, {name}, <b>tags</b>), sorted. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type !== TYPE.literal && element.type !== TYPE.pound && "value" in element) found.add(String(element.value));
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const en = flatten(MESSAGES["en-US"]);

describe("messages", () => {
  it.each(LOCALES.filter((l) => l !== "en-US"))("%s has exactly the keys of en-US, each with the same arguments", (locale) => {
    const other = flatten(MESSAGES[locale]);
    expect(Object.keys(other).filter((k) => !(k in en)), "keys en-US does not have").toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in other)), "keys missing").toEqual([]);
    for (const key of Object.keys(en)) expect(argumentsOf(other[key]), key).toEqual(argumentsOf(en[key]));
  });

  it("every message is non-empty and parses as ICU", () => {
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(flatten(MESSAGES[locale]))) {
        expect(message.trim(), `${locale} ${key}`).not.toBe("");
        expect(() => parse(message), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  // Dates are words made by lib/format.ts (always UTC) before they reach a message: so the translators
  // need no time zone, which next-intl would otherwise fold into every formatted message's cache key.
  it("no message formats a date or a time itself", () => {
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(flatten(MESSAGES[locale]))) {
        const dated = elementsOf(parse(message)).filter((e) => e.type === TYPE.date || e.type === TYPE.time);
        expect(dated, `${locale} ${key}`).toEqual([]);
      }
    }
  });

  it("every error code has its message, and no message names a code that does not exist", () => {
    expect(Object.keys(MESSAGES["en-US"].Errors).sort()).toEqual(Object.keys(ERRORS).sort());
  });

  const sources = ["app", "components", "lib"].flatMap((dir) => (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f))).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"));
  const text = new Map(sources.map((f) => [f, fs.readFileSync(f, "utf8")]));

  it("client components use only the namespaces sent to the browser", () => {
    const misses: string[] = [];
    for (const [file, source] of text) {
      // Components shared by client and server ones take their translator from lib/use-translations.
      if (!/^["']use client["']/m.test(source) && !source.includes('from "@/lib/use-translations"')) continue;
      for (const [, ns] of source.matchAll(/useTranslations\(\s*["']([\w.]+)["']/g)) {
        if (!(CLIENT_NAMESPACES as readonly string[]).includes(ns.split(".")[0])) misses.push(`${file}: ${ns}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it("every namespace sent to the browser is used there (each one weighs on every page)", () => {
    const used = new Set<string>();
    for (const source of text.values()) {
      // Components shared by client and server ones take their translator from lib/use-translations.
      if (!/^["']use client["']/m.test(source) && !source.includes('from "@/lib/use-translations"')) continue;
      for (const [, ns] of source.matchAll(/useTranslations\(\s*["']([\w.]+)["']/g)) used.add(ns.split(".")[0]);
    }
    expect(CLIENT_NAMESPACES.filter((ns) => !used.has(ns))).toEqual([]);
  });

  it("no message is unused: each key is named in the code (or its group by a template key)", () => {
    const all = [...text.values()].join("\n");
    const unused = Object.keys(en).filter((key) => {
      const [ns, ...rest] = key.split(".");
      if (rest.length === 0) return true;
      if (ns === "Errors") return false; // keyed by ErrorCode, checked above
      // A key is named whole ("cancel.title"), or by its last part under a namespace like
      // useTranslations("Subscription.cancel"), or its group is a template: t(`status.${s}`)...
      for (let i = 0; i < rest.length; i++) {
        const tail = rest.slice(i).join(".");
        if (all.includes(`"${tail}"`) || all.includes(`'${tail}'`) || all.includes(`\`${tail}\``)) return false;
      }
      for (let i = 0; i < rest.length - 1; i++) if (all.includes(`${rest.slice(i, -1).join(".")}.\${`)) return false;
      // ...or its head is: t(`${kind}.title`).
      for (let i = 1; i < rest.length; i++) if (all.includes(`}.${rest.slice(i).join(".")}\``)) return false;
      return true;
    });
    expect(unused).toEqual([]);
  });
});
