namespace Talks.Api.Records;

/// <summary>
/// A second way to one resource's single-record answer, written by hand where that read is hot and EF Core's share of
/// it large (a whole round: ten queries, each parsed and planned again per request). It must answer exactly what the
/// resource's projection answers; a test holds the two side by side. <see cref="ResourceKind{TEntity,TRequest,TResponse}.GetAsync"/>
/// asks for one in the request's services and reads through the projection when there is none or it does not apply.
/// </summary>
public interface IRecordReader<out TResponse>
    where TResponse : class, IResource
{
    /// <summary>Whether this reader can serve the database the app runs on.</summary>
    bool Applies { get; }

    /// <summary>The record, or null when there is none with that id.</summary>
    TResponse? Read(string id);
}
