import { z } from "zod";
import { clockSchema } from "@/lib/validation";
import type { V1Operation } from "../openapi-types";

const instant = z.iso.datetime();

/** The partner's Demo clock, as GET /api/clock shows it, with Partner Center's `attributes.objectType`. */
export const demoClockResponseSchema = z.object({
  now: instant.meta({ description: "The partner's date: real time plus what its Global admin added." }),
  move: z
    .object({
      from: instant,
      to: instant,
      processedUntil: instant.meta({ description: "Renewals, trial conversions, cancellations and deletions are applied up to here." }),
      progress: z.number().min(0).max(1),
    })
    .nullable()
    .meta({ description: "The move still being processed in batches, or null once the partner's data is at its date." }),
  attributes: z.object({ objectType: z.literal("DemoClock") }),
});

const unauthorisedOrNotDemo = [
  { status: 403, code: "2032", when: "The user is not a Global admin (an app-only token acts as an Admin agent, so it never may)." },
  { status: 403, code: "403", when: "The app does not run on demo data (clock:not_demo)." },
];

export const operations: V1Operation[] = [
  {
    method: "get",
    path: "/v1/demo-clock",
    summary: "Get the Demo clock",
    description: "The partner's own date and, while a move is processed, its progress. Poll it after a move answered 202.",
    response: demoClockResponseSchema,
    errors: [],
  },
  {
    method: "post",
    path: "/v1/demo-clock",
    summary: "Move the Demo clock",
    description:
      "Not part of Partner Center: this product's **Demo clock**, so scripts can watch renewals, trial conversions, refund windows and data deletion happen. Send `{ \"days\": 1 | 7 | 30 }` (Advance) or `{ \"date\": \"YYYY-MM-DD\" }` (Set date); forward only, at most 5 years ahead of real time, for this partner only. Answers 200 once the crossed interval is processed, 202 while it still is (then poll GET /v1/demo-clock until `move` is null).",
    body: clockSchema,
    response: demoClockResponseSchema,
    status: 200,
    errors: [
      ...unauthorisedOrNotDemo,
      { status: 400, code: "400056", when: "Neither or both of days and date, days other than 1, 7 or 30, a date not in YYYY-MM-DD, or another field." },
      { status: 400, code: "400", when: "The date is not after the partner's current date (clock:backwards), or more than 5 years ahead (clock:beyond_horizon)." },
    ],
    example: { body: { days: 30 } },
  },
];
