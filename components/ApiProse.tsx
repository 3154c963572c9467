/** Text as the operations write it: `code` and **bold**, nothing else interpreted. */
export function ApiInlineText({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).filter(Boolean);
  return parts.map((part, i) =>
    part.startsWith("`") ? (
      <code key={i} className="rounded bg-neutral-100 px-1 text-[0.85em]">
        {part.slice(1, -1)}
      </code>
    ) : part.startsWith("**") ? (
      <strong key={i}>{part.slice(2, -2)}</strong>
    ) : (
      part
    ),
  );
}

/** An operation's description as a paragraph. */
export function ApiProse({ text }: { text: string }) {
  return (
    <p className="max-w-3xl text-sm text-neutral-800">
      <ApiInlineText text={text} />
    </p>
  );
}
