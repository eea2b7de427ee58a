// One position, statement or agreement on its own page, read as on its round's page, with a way to the round.
import { all, get, names } from "../api.js";
import { h, link } from "../dom.js";
import { agreementItem, agreementSources, positionItem, sourceList, statementItem } from "./records.js";

/**
 * @param {"positions" | "statements" | "agreements"} collection
 * @param {string} id
 * @param {AbortSignal} signal
 */
export async function itemView(collection, id, signal) {
  const known = await names(signal);
  /** @type {{ heading: string, item: HTMLElement, roundId: string | null, sourceIds: string[] }} */
  let shown;
  if (collection === "positions") {
    const position = await get("/api/v1/positions/{id}", { path: { id }, signal });
    const neighbours = await all("/api/v1/positions", { query: { roundId: position.roundId }, signal });
    shown = { heading: `${known.party(position.partyId)}: a position`, item: positionItem(position, known, neighbours), roundId: position.roundId, sourceIds: position.sourceIds };
  } else if (collection === "statements") {
    const statement = await get("/api/v1/statements/{id}", { path: { id }, signal });
    shown = { heading: "A statement", item: statementItem(statement, known), roundId: statement.roundId, sourceIds: statement.sourceIds };
  } else {
    const agreement = await get("/api/v1/agreements/{id}", { path: { id }, signal });
    shown = { heading: "An agreement", item: agreementItem(agreement, known), roundId: agreement.roundId, sourceIds: agreementSources(agreement) };
  }
  return {
    title: shown.heading,
    node: h(
      "article",
      { class: "item", "data-collection": collection, "data-id": id },
      shown.roundId && h("p", { class: "crumbs" }, link(`/rounds/${shown.roundId}`, "← The round it belongs to")),
      h("h1", { id: "title" }, shown.heading),
      h("ul", { class: "records" }, shown.item),
      h("section", {}, h("h2", {}, "Sources"), await sourceList(shown.sourceIds, signal)),
    ),
  };
}
