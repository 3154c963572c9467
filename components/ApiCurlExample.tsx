/** A command to copy into a shell; `label` names it for screen readers and the page's reader alike. */
export function ApiCurlExample({ label, command }: { label: string; command: string }) {
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-semibold">{label}</figcaption>
      <pre className="overflow-x-auto rounded bg-neutral-900 p-3 text-xs leading-relaxed text-neutral-100" tabIndex={0}>
        <code>{command}</code>
      </pre>
    </figure>
  );
}
