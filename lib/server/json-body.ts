/**
 * The API's bodies are JSON only. A browser can send `text/plain`, form or multipart bodies to any
 * site without a CORS preflight; `application/json` needs one, so insisting on it closes that door
 * too. Bodies are capped so a huge upload is a 413, not a 500 or a full buffer in memory.
 */

export const MAX_BODY_BYTES = 1024 * 1024;

/** `application/json`, optionally with `charset=utf-8` (JSON is UTF-8 by definition, RFC 8259). */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const [type, ...params] = value.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return params.every((param) => param === "" || /^charset\s*=\s*"?utf-8"?$/.test(param));
}

export type BodyRefusal = "unsupported_media_type" | "payload_too_large";

/**
 * Reads the body of a state-changing request within `limit` bytes. Refuses a declared non-JSON type
 * before reading a byte, a declared or actual size over the limit, and a body sent with no type.
 * An empty body needs no type (`DELETE` without one is fine).
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<{ refusal: BodyRefusal } | { bytes: Uint8Array<ArrayBuffer> }> {
  const type = request.headers.get("content-type");
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return { refusal: "payload_too_large" };
  if (type !== null && !isJsonContentType(type) && declared !== "0") return { refusal: "unsupported_media_type" };
  const bytes = await readWithin(request.body, limit);
  if (bytes === null) return { refusal: "payload_too_large" };
  if (bytes.byteLength > 0 && !isJsonContentType(type)) return { refusal: "unsupported_media_type" };
  return { bytes };
}

/** The stream's bytes, or null as soon as they pass `limit` (Content-Length can lie or be absent). */
async function readWithin(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
