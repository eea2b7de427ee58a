namespace Talks.Api.Records;

/// <summary>A response with its id (what list cursors are made of) and the version that becomes its ETag.</summary>
public interface IResource
{
    string Id { get; }
    long Version { get; }
}
