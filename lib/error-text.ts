import { z } from "zod";
import type { Locale } from "@/i18n/locales";
import { isDomainError, type ErrorCode, type FieldProblem } from "@/lib/errors";
import { formattersFor } from "@/lib/format";
import { issueProblem, problemText, zodProblems, type Problem } from "@/lib/problems";
import { lineProblemText } from "@/lib/unavailable-text";
import { translatorFor } from "@/lib/translator";

/**
 * Refusals in words, at the edge, in the reader's language: server actions (the page's), /api (the
 * browser's), /v1 (X-Locale) and the proxy all render a DomainError or a ZodError here.
 */
export interface ErrorTexts {
  /** A code's own message (messages/<locale>/Errors.json). */
  error(code: ErrorCode): string;
  /** A refusal: its detail when it has one, else its code's message. */
  refusal(code: ErrorCode, detail?: Problem): string;
  problem(problem: Problem): string;
  /** Each field's problems; a cart line's are worded as the cart words them. */
  problems(fields: Record<string, FieldProblem[]>): Record<string, string[]>;
}

export function errorTexts(locale: Locale): ErrorTexts {
  const errors = translatorFor(locale, "Errors");
  const validation = translatorFor(locale, "Validation");
  const f = formattersFor(locale);
  const problem = (p: Problem) => problemText(validation, f, p);
  const field = (p: FieldProblem) => ("key" in p ? problem(p) : lineProblemText(locale, p));
  return {
    error: (code) => errors(code),
    refusal: (code, detail) => (detail ? problem(detail) : errors(code)),
    problem,
    problems: (fields) => Object.fromEntries(Object.entries(fields).map(([name, list]) => [name, list.map(field)])),
  };
}

export interface RenderedError {
  code: ErrorCode;
  status: number;
  /** The detail when the refusal has one, else the code's message. */
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** An expected failure (a DomainError, or a ZodError as invalid_input) in words; null for anything else. */
export function renderError(locale: Locale, error: unknown): RenderedError | null {
  const text = errorTexts(locale);
  if (isDomainError(error)) {
    return { code: error.code, status: error.status, message: text.refusal(error.code, error.detail), ...(error.fieldErrors ? { fieldErrors: text.problems(error.fieldErrors) } : {}) };
  }
  if (error instanceof z.ZodError) return { code: "invalid_input", status: 400, message: text.error("invalid_input"), fieldErrors: text.problems(zodProblems(error)) };
  return null;
}

/** Each zod issue under its whole path ("lineItems.0.quantity"), as the REST API's `data` lists them. */
export function issueTexts(locale: Locale, error: z.ZodError): { field: string; message: string }[] {
  const text = errorTexts(locale);
  return error.issues.map((issue) => ({ field: issue.path.join("."), message: text.problem(issueProblem(issue)) }));
}
