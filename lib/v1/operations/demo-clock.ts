import { z } from "zod";
import { clockSchema } from "@/lib/validation";
import { describeField } from "../api-text";
import type { Refusal, V1Operation } from "../openapi-types";

const instant = z.iso.datetime();

/** The partner's Demo clock, as GET /api/clock shows it, with Partner Center's `attributes.objectType`. */
export const demoClockResponseSchema = z.object({
  now: instant.meta({ description: describeField("clockNow") }),
  move: z
    .object({
      from: instant,
      to: instant,
      processedUntil: instant.meta({ description: describeField("clockProcessedUntil") }),
      progress: z.number().min(0).max(1),
    })
    .nullable()
    .meta({ description: describeField("clockMove") }),
  attributes: z.object({ objectType: z.literal("DemoClock") }),
});

const unauthorisedOrNotDemo: Refusal[] = [
  { status: 403, code: "2032", when: "clockNotGlobalAdmin" },
  { status: 403, code: "403", when: "clockNotDemo" },
];

export const operations: V1Operation[] = [
  {
    method: "get",
    path: "/v1/demo-clock",
    response: demoClockResponseSchema,
    errors: [],
  },
  {
    method: "post",
    path: "/v1/demo-clock",
    body: clockSchema,
    response: demoClockResponseSchema,
    status: 200,
    errors: [
      ...unauthorisedOrNotDemo,
      { status: 400, code: "400056", when: "clockInvalid" },
      { status: 400, code: "400", when: "clockOutOfRange" },
    ],
    example: { body: { days: 30 } },
  },
];
