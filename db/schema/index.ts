export * from "./partners";
export * from "./customers";
export * from "./catalog";
export * from "./orders";
export * from "./subscriptions";
export * from "./clock";
export * from "./api";
export * from "./api-carts";
