namespace Talks.Api.Lists;

/// <summary>
/// A list format other than JSON and CSV, asked for with <c>format=</c>; the list's query guard accepts its name and
/// refuses any other.
/// </summary>
public sealed record ListFormat(string Name, string MediaType);
