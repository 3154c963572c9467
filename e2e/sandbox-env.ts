/**
 * What the Playwright config gives the app's server and the fixtures share: the operator key
 * (SANDBOX_OPERATOR_KEY) the fixtures create and delete sandboxes with. A local test server's key,
 * not a secret; E2E_SANDBOX_OPERATOR_KEY overrides it.
 */
export const OPERATOR_KEY = process.env.E2E_SANDBOX_OPERATOR_KEY ?? "e2e-operator-key-for-the-local-test-server";
