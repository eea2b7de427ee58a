namespace Talks.Api.Reading;

/// <summary>Marks an endpoint that streams (server-sent events): never buffered.</summary>
public sealed class StreamingEndpoint;
