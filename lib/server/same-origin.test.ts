import { describe, expect, it } from "vitest";
import { isJsonContentType, MAX_BODY_BYTES, readJsonBody } from "./json-body";
import { crossSiteRefusal, isUnsafeMethod } from "./same-origin";

// Next builds request.url from the host it listens on; the browser's address arrives in Host.
const URL_SEEN_BY_NEXT = "http://localhost:3100/api/clock";

function post(headers: Record<string, string>, url = URL_SEEN_BY_NEXT, body?: BodyInit): Request {
  return new Request(url, { method: "POST", headers, body });
}

describe("crossSiteRefusal", () => {
  const cases: [string, Record<string, string>, "cross_site" | null][] = [
    ["no Origin, no Sec-Fetch-Site (curl, scripts)", {}, null],
    ["Origin is the request URL's origin", { origin: "http://localhost:3100" }, null],
    ["Origin is the Host the browser used", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" }, null],
    ["Origin matches Host, written with another case", { host: "127.0.0.1:3100", origin: "HTTP://127.0.0.1:3100" }, null],
    ["same host, another port (same site, other origin)", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3999" }, "cross_site"],
    ["localhost on another port", { host: "localhost:3100", origin: "http://localhost:3000" }, "cross_site"],
    ["https page posting to this http server", { host: "127.0.0.1:3100", origin: "https://127.0.0.1:3100" }, "cross_site"],
    ["Origin: null (sandboxed frame, data: URL)", { host: "127.0.0.1:3100", origin: "null" }, "cross_site"],
    ["Origin is garbage", { host: "127.0.0.1:3100", origin: "not a url" }, "cross_site"],
    ["another site", { host: "127.0.0.1:3100", origin: "https://evil.example" }, "cross_site"],
    ["behind a proxy: X-Forwarded-Host and -Proto", { host: "localhost:3000", "x-forwarded-host": "partners.example", "x-forwarded-proto": "https", origin: "https://partners.example" }, null],
    ["behind a proxy, http Origin for an https site", { host: "localhost:3000", "x-forwarded-host": "partners.example", "x-forwarded-proto": "https", origin: "http://partners.example" }, "cross_site"],
    ["Sec-Fetch-Site: same-origin", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100", "sec-fetch-site": "same-origin" }, null],
    ["Sec-Fetch-Site: same-origin alone", { "sec-fetch-site": "same-origin" }, null],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }, "cross_site"],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }, "cross_site"],
    ["Sec-Fetch-Site: none (typed in the address bar, never a page's POST)", { "sec-fetch-site": "none" }, "cross_site"],
    ["Sec-Fetch-Site: cross-site even with a matching Origin", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100", "sec-fetch-site": "cross-site" }, "cross_site"],
  ];

  it.each(cases)("%s", (_name, headers, expected) => {
    expect(crossSiteRefusal(post(headers))).toBe(expected);
  });

  it("checks only state-changing methods", () => {
    expect(["POST", "PUT", "PATCH", "DELETE", "delete"].every(isUnsafeMethod)).toBe(true);
    expect(["GET", "HEAD", "OPTIONS"].some(isUnsafeMethod)).toBe(false);
  });
});

describe("isJsonContentType", () => {
  const cases: [string | null, boolean][] = [
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["Application/JSON;charset=UTF-8", true],
    ['application/json; charset="utf-8"', true],
    ["application/json; charset=utf-16", false],
    ["text/plain", false],
    ["text/plain;charset=UTF-8", false],
    ["application/x-www-form-urlencoded", false],
    ["multipart/form-data; boundary=----x", false],
    ["application/xml", false],
    ["text/json", false],
    ["application/json-patch+json", false],
    [null, false],
  ];

  it.each(cases)("%s -> %s", (value, expected) => {
    expect(isJsonContentType(value)).toBe(expected);
  });
});

describe("readJsonBody", () => {
  const json = { "content-type": "application/json" };

  it("returns a JSON body's bytes", async () => {
    const read = await readJsonBody(post(json, undefined, '{"days":1}'));
    expect("bytes" in read && new TextDecoder().decode(read.bytes)).toBe('{"days":1}');
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"])("refuses a %s body with 415", async (type) => {
    expect(await readJsonBody(post({ "content-type": type }, undefined, '{"days":1}'))).toEqual({ refusal: "unsupported_media_type" });
  });

  it("refuses a body sent without any content type", async () => {
    const request = new Request(URL_SEEN_BY_NEXT, { method: "POST", body: new Blob(['{"days":1}']) });
    expect(request.headers.get("content-type")).toBeNull();
    expect(await readJsonBody(request)).toEqual({ refusal: "unsupported_media_type" });
  });

  it("accepts an empty body without a content type (DELETE)", async () => {
    const read = await readJsonBody(new Request(URL_SEEN_BY_NEXT, { method: "DELETE" }));
    expect("bytes" in read && read.bytes.byteLength).toBe(0);
  });

  it("refuses a declared Content-Length over 1 MB before reading", async () => {
    const request = post({ ...json, "content-length": String(MAX_BODY_BYTES + 1) }, undefined, "{}");
    expect(await readJsonBody(request)).toEqual({ refusal: "payload_too_large" });
    expect(request.bodyUsed).toBe(false);
  });

  it("refuses a body that turns out larger than 1 MB with no Content-Length", async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 5) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request(URL_SEEN_BY_NEXT, { method: "POST", headers: json, body: stream, duplex: "half" } as RequestInit);
    expect(await readJsonBody(request)).toEqual({ refusal: "payload_too_large" });
  });

  it("accepts a body of exactly 1 MB", async () => {
    const read = await readJsonBody(post(json, undefined, " ".repeat(MAX_BODY_BYTES)));
    expect("bytes" in read && read.bytes.byteLength).toBe(MAX_BODY_BYTES);
  });
});
