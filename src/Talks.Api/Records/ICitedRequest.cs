namespace Talks.Api.Records;

/// <summary>What every create/update body of a cited record carries.</summary>
public interface ICitedRequest : IRequest
{
    IReadOnlyList<string> SourceIds { get; }
}
