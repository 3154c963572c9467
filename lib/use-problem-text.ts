"use client";

import { useTranslations } from "@/lib/use-translations";
import { problemText, type Problem } from "@/lib/problems";
import { useFormat } from "@/lib/use-format";

/** Words for a problem a form finds before it sends (a schema's, on the client), in the page's language. */
export function useProblemText(): (problem: Problem) => string {
  const t = useTranslations("Validation");
  const f = useFormat();
  return (problem) => problemText(t, f, problem);
}
