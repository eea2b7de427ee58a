using Talks.Api.Hosting.OpenApiParts;



namespace Talks.Api.Search;

/// <summary>
/// Full-text search: <c>q</c> (words; the last one also matches as a prefix), optional <c>type</c> (round, position,
/// statement, agreement, person, party, topic) and <c>talkId</c>; best matches first.
/// </summary>
public sealed record SearchQuery(int? Limit, string? Cursor, string? Q, [FilterValues<SearchType>] string? Type, string? TalkId);

/// <summary>
/// What a match is: a round (by its city, venue and summary), position, statement or agreement; a person or party, by
/// their name and every other name, in any script (a Cyrillic name is found in Latin letters too, "Medinskiy",
/// "Medinsky" and "Мединский" alike); a topic of the shared vocabulary, by its label, aliases and description. People,
/// parties and topics belong to no one talk, so <c>talkId</c> leaves them out.
/// </summary>
public enum SearchType
{
    Round,
    Position,
    Statement,
    Agreement,
    Person,
    Party,
    Topic,
}

/// <summary>
/// One match. <c>snippet</c> is HTML-escaped text with the matched words in <c>&lt;mark&gt;</c>, safe to insert as HTML.
/// <c>score</c> is how well the record matches — how often and where (title above text) the words occur — and orders
/// the results, highest first, equal scores newest first; compare scores within one search only.
/// </summary>
public sealed record SearchHit(SearchType Type, string Id, string? TalkId, string Title, string Snippet, double Score, string Url);

/// <summary>The row the index query returns.</summary>
internal sealed record SearchRow(string Type, string RecordId, string? TalkId, string Title, string Body, double Score);
