// What a reader downloads for the explorer: every file under src/Talks.Api/wwwroot, gzipped as a server would send it.
//
//   npx tsx src/weigh.ts
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const wwwroot = fileURLToPath(new URL("../../../src/Talks.Api/wwwroot/", import.meta.url));

export async function pageWeight(): Promise<{ files: number; raw: number; gzipped: number }> {
  const names = (await readdir(wwwroot, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  let raw = 0;
  let gzipped = 0;
  for (const entry of names) {
    const bytes = await readFile(join(entry.parentPath, entry.name));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: names.length, raw, gzipped };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const weight = await pageWeight();
  console.log(`${weight.files} files, ${weight.raw} bytes, ${weight.gzipped} bytes gzipped`);
}
