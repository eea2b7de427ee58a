namespace Talks.Api.Answers.Shaping;

/// <summary>Marks an endpoint that streams (server-sent events): never buffered.</summary>
public sealed class StreamingEndpoint;
