namespace Talks.Api.Records;

/// <summary>A create/update body: the client may name the id on create, and may repeat (not change) it on update.</summary>
public interface IRequest
{
    string? Id { get; }
}
