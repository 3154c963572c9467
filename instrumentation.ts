/** Runs once per server start: the lifecycle timer lives in the Node.js runtime only. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Sign-in throttling needs the client's real address, which Next does not hand to server actions.
    const { installSocketHeaders } = await import("./lib/auth/socket-headers");
    installSocketHeaders();
    const { startLifecycleTimer } = await import("./lib/server/lifecycle-timer");
    startLifecycleTimer();
  }
}
