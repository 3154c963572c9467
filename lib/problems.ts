import type { z } from "zod";
import type { Formatters } from "@/lib/format";
import type enValidation from "@/messages/en-US/Validation.json";

/**
 * Why an input or a request is refused, as a key of messages/<locale>/Validation.json with its
 * parameters: the domain and the schemas say no prose (issue 13), the edge renders it in the reader's
 * language. Client-safe: forms that check before sending render problems with useTranslations.
 */
export type ValidationKey = keyof typeof enValidation;

/**
 * Numbers are said as given (or formatted by the message's own `{n, number}`). By name, two
 * parameters are data the edge formats for the reader: `country` (an ISO 3166 code, said as the
 * country's name) and `date` (an ISO date or instant).
 */
export type ProblemParams = Record<string, string | number>;

export interface Problem {
  key: ValidationKey;
  params?: ProblemParams;
}

/** A schema's message names its Validation key: checked by tsc, rendered by the edge. */
export const key = (k: ValidationKey): ValidationKey => k;

/** A translator of the Validation namespace (next-intl's useTranslations / getTranslations / createTranslator). */
export type ValidationTranslator = (key: ValidationKey, values?: ProblemParams) => string;

export function problemText(t: ValidationTranslator, f: Pick<Formatters, "country" | "date">, problem: Problem): string {
  if (!problem.params) return t(problem.key);
  const { country, date, ...rest } = problem.params;
  const values: ProblemParams = { ...rest };
  if (country !== undefined) values.country = f.country(String(country));
  if (date !== undefined) values.date = f.date(date);
  return t(problem.key, values);
}

/**
 * A schema's message is a Validation key (one camelCase word, tsc-checked through `key`); zod's own
 * default messages are English sentences.
 */
function isValidationKey(message: string): message is ValidationKey {
  return /^[a-z][A-Za-z]*$/.test(message);
}

/**
 * A zod issue as a problem: its message is the schema's Validation key (zod's own default messages
 * become the generic "invalidValue"); its parameters are a custom issue's `params`, or the bound or
 * choices zod reports (too_big's `maximum` as `max`, too_small's `minimum` as `min`, an enum's `values`).
 */
export function issueProblem(issue: z.core.$ZodIssue): Problem {
  if (!isValidationKey(issue.message)) return { key: "invalidValue" };
  const params: ProblemParams = {};
  if (issue.code === "custom" && issue.params) Object.assign(params, issue.params);
  if (issue.code === "too_big") params.max = Number(issue.maximum);
  if (issue.code === "too_small") params.min = Number(issue.minimum);
  if (issue.code === "invalid_value") params.values = issue.values.map(String).join(", ");
  return Object.keys(params).length > 0 ? { key: issue.message, params } : { key: issue.message };
}

/** Each field's problems, by the issue's first path segment as z.flattenError groups them. */
export function zodProblems(error: z.ZodError): Record<string, Problem[]> {
  // A Map: a field may be named "constructor" or "__proto__" by whoever sent the request.
  const fields = new Map<string, Problem[]>();
  for (const issue of error.issues) {
    if (issue.path.length === 0) continue;
    const name = String(issue.path[0]);
    fields.set(name, [...(fields.get(name) ?? []), issueProblem(issue)]);
  }
  return Object.fromEntries(fields);
}
