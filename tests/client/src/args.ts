import { parseArgs } from "node:util";

/** The options every command here takes: where the API is, and the key that lets it write. */
export interface CommandLine {
  baseUrl: string;
  key: string | undefined;
  rest: string[];
}

export function readCommandLine(usage: string, { keyRequired = false } = {}): CommandLine {
  const { values, positionals } = parseArgs({
    options: {
      "base-url": { type: "string" },
      key: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const baseUrl = values["base-url"] ?? process.env.TALKS_BASE_URL;
  const key = values.key ?? process.env.TALKS_KEY;
  if (!baseUrl || (keyRequired && !key)) {
    console.error(usage);
    process.exit(2);
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ""), key, rest: positionals };
}
