export * from "./partners";
export * from "./customers";
export * from "./offers";
