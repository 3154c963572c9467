// `npm start` builds first when there is no production build, or when a source file is newer than it.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const BUILD_ID = ".next/BUILD_ID";
const SOURCES = ["app", "components", "lib", "db", "public", "package.json", "next.config.js", "proxy.ts", "postcss.config.mjs"];

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

const built = fs.existsSync(BUILD_ID) ? fs.statSync(BUILD_ID).mtimeMs : 0;
if (built === 0 || Math.max(...SOURCES.map(newestMtime)) > built) {
  console.log("Building the production dashboard…");
  execSync("npx next build", { stdio: "inherit" });
}
