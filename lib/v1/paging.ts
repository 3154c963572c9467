/** The request's own URI for `links.self`: its path and query without the paging parameters. */
export function selfUri(url: URL): string {
  const query = new URLSearchParams(url.searchParams);
  query.delete("seekOperation");
  query.delete("continuationToken");
  const text = query.toString();
  return text ? `${url.pathname}?${text}` : url.pathname;
}
