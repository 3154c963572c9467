import { apiPathNotFound } from "@/lib/server/route";

// The routes Next matches last: every /api address that no handler serves, whatever the method.
export { apiPathNotFound as GET, apiPathNotFound as POST, apiPathNotFound as PUT, apiPathNotFound as PATCH, apiPathNotFound as DELETE };
