import type { ReactNode } from "react";

export function Card({ title, actions, children, className = "", titleId }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; titleId?: string }) {
  return (
    <section aria-labelledby={title ? titleId : undefined} className={`rounded-lg border border-neutral-200 bg-white shadow-sm ${className}`}>
      {(title || actions) && (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-neutral-200 px-5 py-3">
          {title && (
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
          )}
          {actions}
        </div>
      )}
      <div className="p-5">{children}</div>
    </section>
  );
}
