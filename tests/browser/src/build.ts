// Bundles the page's script with the typed client into dist/, beside the page's HTML and CSS, so the page needs
// nothing but a static file server.
import { cp, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const dist = here("../dist/");

await mkdir(dist, { recursive: true });
await cp(here("../page/"), dist, { recursive: true });
await build({
  entryPoints: [here("./app.ts")],
  outfile: `${dist}app.js`,
  bundle: true,
  format: "esm",
  target: ["es2022", "chrome120"],
  sourcemap: true,
  logLevel: "warning",
});
console.log(`Built the timeline page into ${dist}`);
