// A static file server for the timeline page. It runs on its own port, so the page's origin differs from the API's
// and the browser applies CORS exactly as it would to a real front-end.
//
//   npm run serve -- --api http://127.0.0.1:5080 [--port 5173]
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export const distDir = fileURLToPath(new URL("../dist/", import.meta.url));

export async function startStaticServer({ root = distDir, port = 0, host = "127.0.0.1" } = {}): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    const type = TYPES[extname(file)];
    const isFile = await stat(file).then((s) => s.isFile(), () => false);
    if ((request.method !== "GET" && request.method !== "HEAD") || !file.startsWith(root.endsWith(sep) ? root : root + sep) || !type || !isFile) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found\n");
      return;
    }
    // The page is rebuilt between runs; never let the browser keep an old bundle.
    response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { api: { type: "string" }, port: { type: "string", default: "5173" } } });
  const api = values.api ?? "http://127.0.0.1:5080";
  const server = await startStaticServer({ port: Number(values.port) });
  console.log(`Timeline page: ${server.origin}/?api=${encodeURIComponent(api)}`);
  console.log(`Start the API with Cors__AllowedOrigins__0=${server.origin} so the browser lets the page read it.`);
  process.once("SIGINT", () => void server.close().then(() => process.exit(0)));
}
