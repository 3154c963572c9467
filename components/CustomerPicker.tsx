"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "@/lib/use-translations";
import { useEffect, useId, useState } from "react";
import { useProblemText } from "@/lib/use-problem-text";
import { searchProblem } from "@/lib/validation";
import { inputClass } from "./ui/Field";

interface Choice {
  id: string;
  name: string;
}

/** `failed` is what to say, in the reader's language, when the suggestions can't be loaded. */
async function searchCustomers(q: string, failed: string): Promise<Choice[]> {
  const response = await fetch(`/api/customers?${new URLSearchParams({ q })}`);
  if (!response.ok) throw new Error(failed);
  const page = (await response.json()) as { items: Choice[] };
  return page.items.map(({ id, name }) => ({ id, name }));
}

/**
 * A customer filter that asks the server as the user types (the first 20 names containing the
 * text), instead of shipping every customer as an option. A text input with a <datalist>: the
 * browser's own combobox (role, keyboard and screen-reader support come with it, and it still
 * works as a plain text box). The form sends the picked customer's id as `name`; text that names no
 * customer sends nothing, and the hint says the filter then shows all customers.
 */
export function CustomerPicker({ name, label, initial, subject = "activity" }: { name: string; label: string; initial: Choice | null; subject?: "activity" | "renewals" }) {
  const t = useTranslations("Customers");
  const problemText = useProblemText();
  const id = useId();
  const [text, setText] = useState(initial?.name ?? "");
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const problem = searchProblem(debounced);
  const { data: choices = [], isFetching, error } = useQuery({
    queryKey: ["customer-picker", debounced],
    queryFn: () => searchCustomers(debounced, t("loadFailed")),
    enabled: debounced !== "" && !problem && debounced !== initial?.name,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const typed = text.trim();
  // The picked customer: the one shown when the page loaded, or a suggestion whose name was chosen or typed out.
  const picked = typed === initial?.name ? initial : choices.find((c) => c.name.toLowerCase() === typed.toLowerCase());
  const hint = error
    ? error.message
    : problem
      ? problemText(problem)
      : typed === ""
        ? t("picker.all")
        : picked
          ? t(`picker.showing.${subject}`, { name: picked.name })
          : isFetching
            ? t("searching")
            : choices.length > 0
              ? t("picker.pick")
              : t("picker.noMatch");
  return (
    <div className="w-64 text-sm">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="text"
        list={`${id}-options`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        placeholder={t("picker.placeholder")}
        aria-describedby={`${id}-hint`}
        className={`${inputClass} mt-1`}
      />
      <datalist id={`${id}-options`}>
        {choices.map((c) => (
          <option key={c.id} value={c.name} />
        ))}
      </datalist>
      <input type="hidden" name={name} value={picked?.id ?? ""} />
      <p id={`${id}-hint`} role="status" className="mt-1 text-xs text-neutral-600">
        {hint}
      </p>
    </div>
  );
}
