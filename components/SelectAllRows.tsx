"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "@/lib/use-translations";

/** The rows' checkboxes: every `subscriptionId` box that belongs to the bulk change form, wherever it sits. */
function rowBoxes(formId: string): HTMLInputElement[] {
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return [];
  return [...form.elements].filter((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.name === "subscriptionId");
}

/**
 * **Select all on this page** (the box with its label): checks or clears every row's box. It shows all, none or some
 * (indeterminate) as the rows are checked one by one, and after the form clears them on success.
 * Remount it (a `key`) when the rows change, so it starts from the new rows.
 */
export function SelectAllRows({ formId }: { formId: string }) {
  const t = useTranslations("Bulk");
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const sync = () => {
      const boxes = rowBoxes(formId);
      const checked = boxes.filter((b) => b.checked).length;
      if (!ref.current) return;
      ref.current.checked = checked > 0 && checked === boxes.length;
      ref.current.indeterminate = checked > 0 && checked < boxes.length;
    };
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLInputElement && event.target.name === "subscriptionId" && event.target.form?.id === formId) sync();
    };
    // A reset clears the boxes after its event: look once it has.
    const onReset = (event: Event) => {
      if (event.target instanceof HTMLFormElement && event.target.id === formId) setTimeout(sync);
    };
    sync();
    document.addEventListener("change", onChange);
    document.addEventListener("reset", onReset, true);
    return () => {
      document.removeEventListener("change", onChange);
      document.removeEventListener("reset", onReset, true);
    };
  }, [formId]);
  return (
    <label className="mb-2 inline-flex items-center gap-2 text-sm font-semibold">
      <input
        ref={ref}
        type="checkbox"
        className="h-4 w-4"
        onChange={(e) => {
          for (const box of rowBoxes(formId)) box.checked = e.target.checked;
        }}
      />
      {t("selectAll")}
    </label>
  );
}
