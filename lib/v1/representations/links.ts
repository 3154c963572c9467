import { z } from "zod";
import { describeField } from "../api-text";

/** Partner Center's Link ("Utility resources"): where to GET a related resource or the next page. */
export const linkSchema = z.object({
  uri: z.string(),
  method: z.string(),
  headers: z.array(z.object({ key: z.string(), value: z.string() })),
});
export type Link = z.infer<typeof linkSchema>;

export function link(uri: string, headers: Link["headers"] = []): Link {
  return { uri, method: "GET", headers };
}

/** The header a continuation link carries, as Partner Center's seek-based collections send it. */
export const CONTINUATION_HEADER = "MS-ContinuationToken";

/**
 * The continuation token of a paged request: the `MS-ContinuationToken` header that `links.next`
 * carries (Partner Center's way), or `continuationToken` in the query for a client that only
 * follows a URI.
 */
export function continuationToken(url: URL, headers: Headers): string | undefined {
  return headers.get(CONTINUATION_HEADER) ?? url.searchParams.get("continuationToken") ?? undefined;
}

/** The `next` link of a page: the same request with `seekOperation=Next` and the token as a header. */
export function nextLink(self: string, token: string | null): { next?: Link } {
  if (!token) return {};
  const uri = `${self}${self.includes("?") ? "&" : "?"}seekOperation=Next`;
  return { next: link(uri, [{ key: CONTINUATION_HEADER, value: token }]) };
}

/** A Partner Center collection: `totalCount`, `items`, `links`, `attributes.objectType` "Collection". */
export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.object({
    totalCount: z.number().int().meta({ description: describeField("totalCount") }),
    items: z.array(item),
    links: z.object({ self: linkSchema, next: linkSchema.optional() }),
    attributes: z.object({ objectType: z.literal("Collection") }),
  });
}

export function collection<T>(items: T[], totalCount: number, self: string, nextToken: string | null = null) {
  return { totalCount, items, links: { self: link(self), ...nextLink(self, nextToken) }, attributes: { objectType: "Collection" as const } };
}
