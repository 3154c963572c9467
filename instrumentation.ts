/** Runs once per server start: the lifecycle timer lives in the Node.js runtime only. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startLifecycleTimer } = await import("./lib/server/lifecycle-timer");
    startLifecycleTimer();
  }
}
