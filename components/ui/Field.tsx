import type { InputHTMLAttributes, ReactNode } from "react";

export const inputClass =
  "block w-full rounded border border-neutral-400 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-600";

/** A labelled input with its hint and its errors, wired for screen readers. */
export function Field({ id, label, hint, errors, children }: { id: string; label: ReactNode; hint?: ReactNode; errors?: string[]; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-neutral-600">
          {hint}
        </p>
      )}
      {errors?.map((e) => (
        <p key={e} id={`${id}-error`} className="text-xs font-semibold text-red-700">
          {e}
        </p>
      ))}
    </div>
  );
}

/** An input that says when it is invalid; `errorId` names the message that says why, while invalid. */
export function TextInput({ invalid, errorId, ...props }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean; errorId?: string }) {
  return <input className={inputClass} aria-invalid={invalid || undefined} aria-describedby={invalid ? errorId : undefined} {...props} />;
}
