namespace Talks.Api.Lists;

/// <summary>Marks a list endpoint: its query is guarded, and it answers CSV too.</summary>
public sealed class ListEndpoint;
