// Reads the API's change stream (Server-Sent Events) in Node, where there is no EventSource.
export interface StreamedChange {
  id: string;
  event: string;
  data: { collection: string; id: string; version: number | null; kind: string };
}

/**
 * Reads Server-Sent Events from the change stream, starting after lastEventId, until `enough` says stop or the time
 * runs out. Parses the wire format itself, as a browser's EventSource would, so framing mistakes show up here.
 */
export async function readChangeStream(
  baseUrl: string,
  lastEventId: string,
  enough: (events: StreamedChange[]) => boolean,
  timeoutMs = 10_000,
): Promise<StreamedChange[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: StreamedChange[] = [];
  try {
    const response = await fetch(`${baseUrl}/api/v1/changes/stream`, {
      headers: { Accept: "text/event-stream", "Last-Event-ID": lastEventId },
      signal: controller.signal,
    });
    if (response.status !== 200) {
      throw new Error(`GET /api/v1/changes/stream with Last-Event-ID: ${lastEventId} answered ${response.status}: ${(await response.text()).trim().slice(0, 500)}`);
    }
    const type = response.headers.get("Content-Type") ?? "";
    if (!type.startsWith("text/event-stream")) {
      throw new Error(`GET /api/v1/changes/stream has Content-Type ${JSON.stringify(type)}, expected text/event-stream`);
    }
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true }).replaceAll("\r\n", "\n");
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = { event: "message", id: "", data: [] as string[] };
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) continue; // a comment, e.g. a keep-alive
          const colon = line.indexOf(":");
          const name = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (name === "event") fields.event = value;
          else if (name === "id") fields.id = value;
          else if (name === "data") fields.data.push(value);
        }
        if (fields.data.length === 0) continue;
        events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data.join("\n")) });
        if (enough(events)) return events;
      }
    }
    return events;
  } catch (error) {
    if (controller.signal.aborted) return events;
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

