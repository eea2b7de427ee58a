namespace Talks.Api.Answers.Caching;

/// <summary>Reads of one record of <paramref name="Collection"/>, named by the route value <paramref name="RouteValue"/>.</summary>
internal sealed record TalkScopedReads(string Collection, string RouteValue);
