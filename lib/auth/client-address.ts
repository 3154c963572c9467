import { isIP } from "node:net";

/**
 * Set by our own server from the TCP connection (see ./socket-headers.ts), overwriting any copy a client
 * sends, so a server action can tell who it is talking to.
 */
export const SOCKET_ADDRESS_HEADER = "x-partner-center-socket-address";
/** "https" when the connection to our server is TLS, else "http"; set the same way. */
export const SOCKET_PROTO_HEADER = "x-partner-center-socket-proto";

export interface ProxyTrust {
  /** TRUST_PROXY=1: a reverse proxy we run sits in front and appends the client's address to X-Forwarded-For. */
  trustProxy: boolean;
}

type HeaderReader = Pick<Headers, "get">;

/** TRUST_PROXY, checked: anything but 1/true/0/false/unset is a configuration mistake worth stopping for. */
export function trustProxyFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.TRUST_PROXY?.trim().toLowerCase() ?? "";
  if (value === "1" || value === "true") return true;
  if (value === "" || value === "0" || value === "false") return false;
  throw new Error(`TRUST_PROXY must be 1 (behind a reverse proxy you run) or 0; got "${env.TRUST_PROXY}".`);
}

const lastEntry = (value: string | null) => value?.split(",").at(-1)?.trim() || null;

/**
 * The address a sign-in came from, or null when it is not known.
 *
 * X-Forwarded-For is whatever the client sent unless a proxy we run rewrote it: `next start` does not
 * overwrite or append to it, it only fills it in when absent
 * (node_modules/next/dist/server/base-server.js, Next 16.4: `req.headers['x-forwarded-for'] ??=
 * originalRequest.socket.remoteAddress`). So without TRUST_PROXY the header is ignored and the socket
 * address our server stamped is used. With TRUST_PROXY=1 the proxy appends the address it received
 * the request from as the LAST entry (earlier entries are the client's own claims), so that one is used.
 */
export function clientAddress(headers: HeaderReader, { trustProxy }: ProxyTrust): string | null {
  const socket = normaliseAddress(headers.get(SOCKET_ADDRESS_HEADER));
  if (!trustProxy) return socket;
  return normaliseAddress(lastEntry(headers.get("x-forwarded-for"))) ?? socket;
}

/**
 * Whether the browser reached us over HTTPS (so the session cookie can be `Secure`). X-Forwarded-Proto
 * is believed only from a trusted proxy; otherwise the connection itself decides, so plain
 * http://127.0.0.1 keeps working and a client cannot talk us out of `Secure` on a TLS connection.
 */
export function isHttpsRequest(headers: HeaderReader, { trustProxy }: ProxyTrust): boolean {
  const proto = trustProxy ? (lastEntry(headers.get("x-forwarded-proto")) ?? headers.get(SOCKET_PROTO_HEADER)) : headers.get(SOCKET_PROTO_HEADER);
  return proto?.toLowerCase() === "https";
}

/**
 * One key per client for throttling: IPv4 as is (an IPv4-mapped IPv6 address is its IPv4), IPv6 by
 * its /64, because one subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let address = raw.trim();
  if (address.startsWith("[") && address.endsWith("]")) address = address.slice(1, -1);
  address = address.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1];
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
  return null;
}

/** The eight groups of an IPv6 address, "::" expanded, without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [left, right] = address.includes("::") ? address.split("::") : [address, undefined];
  // An embedded IPv4 tail (::1.2.3.4) fills the last two groups; only the first four are kept anyway.
  const split = (part: string | undefined) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const head = split(left);
  const tail = split(right);
  const groups = right === undefined ? head : [...head, ...Array<string>(8 - head.length - tail.length).fill("0"), ...tail];
  return groups.map((g) => parseInt(g, 16).toString(16));
}
