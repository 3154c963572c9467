import http from "node:http";
import https from "node:https";
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { SOCKET_ADDRESS_HEADER, SOCKET_PROTO_HEADER, trustProxyFromEnv } from "./client-address";

/**
 * Copies what only the TCP connection knows (the peer's address, whether it is TLS) into request headers
 * a client cannot forge: any copy the client sent is replaced or removed.
 */
export function stampSocketHeaders(request: IncomingMessage): void {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[SOCKET_ADDRESS_HEADER] = address;
  else delete request.headers[SOCKET_ADDRESS_HEADER];
  request.headers[SOCKET_PROTO_HEADER] = (request.socket as TLSSocket | undefined)?.encrypted ? "https" : "http";
}

const INSTALLED = Symbol.for("partner-center.socket-headers");

/**
 * Next.js gives server actions the request headers but not the socket, and keeps a client's own
 * X-Forwarded-For (see ./client-address.ts). `next start` owns its HTTP server, so we stamp each
 * request as the server emits it. Called from instrumentation.ts `register()`; requests that arrive
 * before it runs carry no stamp and count as "address unknown" (never refused by address).
 */
export function installSocketHeaders(): void {
  // Read once here so a bad TRUST_PROXY stops the server at start-up, not at the first sign-in.
  trustProxyFromEnv();
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as http.Server & { [INSTALLED]?: true };
    if (proto[INSTALLED]) continue;
    const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampSocketHeaders(args[0] as IncomingMessage);
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
    proto[INSTALLED] = true;
  }
}
