// Lints the OpenAPI document a running API serves with Spectral's OpenAPI rules (.spectral.yaml). Errors fail;
// warnings are printed, since a generated client copes with them but a reader of the document should see them.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCommandLine } from "./args.ts";

const { baseUrl } = readCommandLine("Usage: npm run lint:openapi -- --base-url http://127.0.0.1:5080");
const documentUrl = `${baseUrl}/swagger/v1/swagger.json`;
const projectDir = fileURLToPath(new URL("..", import.meta.url));

const response = await fetch(documentUrl, { signal: AbortSignal.timeout(30_000) }).catch((error: unknown) => {
  console.error(`Could not reach ${documentUrl}: ${String(error)}`);
  process.exit(1);
});
if (!response.ok) {
  console.error(`GET ${documentUrl} answered ${response.status}`);
  process.exit(1);
}

// Spectral reads a file more predictably than a URL (no second fetch, file paths in its messages).
const dir = await mkdtemp(join(tmpdir(), "talks-openapi-"));
const file = join(dir, "swagger.json");
try {
  await writeFile(file, await response.text());
  const spectral = join(projectDir, "node_modules", ".bin", "spectral");
  const result = spawnSync(
    spectral,
    ["lint", file, "--ruleset", join(projectDir, ".spectral.yaml"), "--format", "stylish", "--fail-severity", "error"],
    { stdio: "inherit", timeout: 120_000 },
  );
  if (result.error) {
    console.error(`Could not run Spectral: ${result.error.message}`);
    process.exitCode = 1;
  } else if (result.status !== 0) {
    console.error(`Spectral found errors in ${documentUrl} (exit ${result.status ?? result.signal})`);
    process.exitCode = 1;
  } else {
    console.log(`Spectral: no errors in ${documentUrl}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
