import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, isHttpsRequest, normaliseAddress, SOCKET_ADDRESS_HEADER, SOCKET_PROTO_HEADER, trustProxyFromEnv } from "./client-address";
import { installSocketHeaders } from "./socket-headers";

const headers = (values: Record<string, string>) => new Headers(values);
const direct = { trustProxy: false };
const proxied = { trustProxy: true };

describe("clientAddress", () => {
  it("without TRUST_PROXY, uses the socket our server saw and ignores X-Forwarded-For", () => {
    expect(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "192.0.2.10" }), direct)).toBe("198.51.100.7");
    expect(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "192.0.2.10, 198.51.100.7" }), direct)).toBe("198.51.100.7");
    // Nothing stamped (the server started before the hook ran): unknown, never a client's claim.
    expect(clientAddress(headers({ "x-forwarded-for": "192.0.2.10" }), direct)).toBeNull();
  });

  it("with TRUST_PROXY, uses the last X-Forwarded-For entry (the one the proxy appended)", () => {
    const socket = { [SOCKET_ADDRESS_HEADER]: "10.0.0.2" };
    expect(clientAddress(headers({ ...socket, "x-forwarded-for": "192.0.2.10, 203.0.113.5" }), proxied)).toBe("203.0.113.5");
    expect(clientAddress(headers({ ...socket, "x-forwarded-for": "203.0.113.5" }), proxied)).toBe("203.0.113.5");
    // A proxy that sent nothing usable: the socket.
    expect(clientAddress(headers({ ...socket }), proxied)).toBe("10.0.0.2");
    expect(clientAddress(headers({ ...socket, "x-forwarded-for": "203.0.113.5, not-an-ip" }), proxied)).toBe("10.0.0.2");
  });

  it("groups IPv6 clients by /64 and reads IPv4-mapped addresses as IPv4", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normaliseAddress("evil")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
  });
});

describe("isHttpsRequest", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy; otherwise the connection decides", () => {
    expect(isHttpsRequest(headers({ [SOCKET_PROTO_HEADER]: "http", "x-forwarded-proto": "https" }), direct)).toBe(false);
    expect(isHttpsRequest(headers({ [SOCKET_PROTO_HEADER]: "https", "x-forwarded-proto": "http" }), direct)).toBe(true);
    expect(isHttpsRequest(headers({}), direct)).toBe(false);
    expect(isHttpsRequest(headers({ [SOCKET_PROTO_HEADER]: "http", "x-forwarded-proto": "https" }), proxied)).toBe(true);
    expect(isHttpsRequest(headers({ [SOCKET_PROTO_HEADER]: "http", "x-forwarded-proto": "https, http" }), proxied)).toBe(false);
    expect(isHttpsRequest(headers({ [SOCKET_PROTO_HEADER]: "http" }), proxied)).toBe(false);
  });
});

describe("trustProxyFromEnv", () => {
  it("reads 1/true as trusted, unset/0/false as not, and refuses anything else", () => {
    expect(trustProxyFromEnv({})).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: "0" })).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: "1" })).toBe(true);
    expect(trustProxyFromEnv({ TRUST_PROXY: "true" })).toBe(true);
    expect(() => trustProxyFromEnv({ TRUST_PROXY: "yes please" })).toThrow("TRUST_PROXY must be 1");
  });
});

describe("installSocketHeaders", () => {
  it("stamps each request with the real socket, replacing whatever the client sent", async () => {
    installSocketHeaders();
    const seen: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((request, response) => {
      seen.push(request.headers);
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_ADDRESS_HEADER]: "192.0.2.10", [SOCKET_PROTO_HEADER]: "https", "x-forwarded-for": "192.0.2.10" } });
    } finally {
      server.close();
    }
    const stamped = new Headers(seen[0] as Record<string, string>);
    expect(clientAddress(stamped, direct)).toBe("127.0.0.1");
    expect(isHttpsRequest(stamped, direct)).toBe(false);
  });
});
