import { describeModelRuns } from "./suite";

// Half of issue 10's 1,000 sequences (MODEL_RUNS sets the total); the other half runs in model-based-2.test.ts, in parallel.
describeModelRuns(Math.ceil(Number(process.env.MODEL_RUNS ?? 1000) / 2));
