import type { V1Context } from "./route";

/**
 * The MS-RequestId the caller sent, for the creates that must not happen twice: "Used to ensure
 * idempotency. If there's a timeout, the retry call should include the same value." One the edge made
 * up (none was sent) can't come back, so it is not remembered.
 */
export function sentRequestId(ctx: Pick<V1Context, "headers">): string | undefined {
  return ctx.headers.get("ms-requestid")?.slice(0, 100) || undefined;
}
