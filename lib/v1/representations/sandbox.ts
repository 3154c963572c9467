import type { z } from "zod";
import type { SandboxDetails } from "@/lib/sandboxes";
import type { sandboxResponseSchema } from "../operations/sandboxes";

export function sandboxRepresentation(details: SandboxDetails): z.infer<typeof sandboxResponseSchema> {
  return {
    id: details.sandbox.id,
    kind: details.sandbox.kind,
    createdAt: details.sandbox.createdAt.toISOString(),
    partnerIds: details.partnerIds,
    users: details.users.map(({ email, name, roles, partnerName }) => ({ email, name, roles, partnerName })),
    attributes: { objectType: "Sandbox" },
  };
}
