import { parseArgs } from "node:util";

/** The options every command here takes: where the API is, and the key that lets it write. */
export interface CommandLine {
  baseUrl: string;
  key: string | undefined;
  /** Where to write output, for commands that write a file. */
  out: string | undefined;
}

export function readCommandLine(usage: string, { keyRequired = false } = {}): CommandLine {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        "base-url": { type: "string" },
        key: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
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
  return { baseUrl: baseUrl.replace(/\/+$/, ""), key, out: values.out };
}
