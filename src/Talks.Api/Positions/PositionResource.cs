using System.Linq.Expressions;
using Talks.Api.Hosting.Json;
using Talks.Api.Lists;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Data;

namespace Talks.Api.Positions;

internal sealed class PositionResource : ResourceKind<Position, PositionRequest, PositionResponse>
{
    /// <summary>How a list of events or results names a position: "Russia: demand on territory".</summary>
    public static string Title(string partyName, PositionKind kind, string topic) =>
        $"{partyName}: {EnumText<PositionKind>.Name(kind)} on {topic}";

    public static readonly PositionResource Kind = new();

    public override string Singular => "position";

    public override string BasePath => "/api/v1/positions";

    public override Expression<Func<Position, PositionResponse>> Projection { get; } = p => new PositionResponse(
            p.Id, p.RoundId, p.PartyId, p.Topic, p.Kind, p.Summary, p.Quote, p.VoicedById, p.AnswersId, p.SourceIds, p.Version, p.CreatedAt, p.UpdatedAt);

    public override string IdSource(PositionRequest r) => $"{r.PartyId} {r.Kind} {r.Topic}";

    // What still answers a position: the positions given in reply to it.
    public override Task<Dictionary<string, List<string>>> FindReferencesAsync(TalksDbContext db, string id, CancellationToken ct) =>
        References.FindAsync(
            ct,
            ("positions", db.Positions.Where(p => p.AnswersId == id).Select(p => p.Id)));

    public override PositionRequest ToRequest(Position p) => new PositionRequest
    {
        Id = p.Id,
        RoundId = p.RoundId,
        PartyId = p.PartyId,
        Topic = p.Topic,
        Kind = p.Kind,
        Summary = p.Summary,
        Quote = p.Quote,
        VoicedById = p.VoicedById,
        AnswersId = p.AnswersId,
        SourceIds = p.SourceIds,
    };

    public override void Apply(PositionRequest r, Position p)
    {
        p.RoundId = r.RoundId!;
        p.PartyId = r.PartyId;
        p.Topic = r.Topic;
        p.Kind = r.Kind;
        p.Summary = r.Summary;
        p.Quote = r.Quote;
        p.VoicedById = r.VoicedById;
        p.AnswersId = r.AnswersId;
        p.SourceIds = [.. r.SourceIds];
    }

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Position, PositionResponse> List = new()
    {
        Projection = PositionResource.Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Position, PositionResponse>>
        {
            ["id"] = Sort.ByText<Position, PositionResponse>(p => p.Id, r => r.Id),
            ["topic"] = Sort.ByText<Position, PositionResponse>(p => p.Topic, r => r.Topic),
            ["createdAt"] = Sort.ByTime<Position, PositionResponse>(p => p.CreatedAt, r => r.CreatedAt),
        },
        Text = q => p => p.Summary.ToLower().Contains(q) || p.Topic.Contains(q) || (p.Quote != null && p.Quote.ToLower().Contains(q)),
    };

}
