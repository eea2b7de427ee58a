using System.Linq.Expressions;
using Talks.Api.Lists;
using Talks.Api.Records;
using Talks.Data.Entities;

namespace Talks.Api.Statements;

internal sealed class StatementResource : ResourceKind<Statement, StatementRequest, StatementResponse>
{
    public static readonly StatementResource Kind = new();

    public override string Singular => "statement";

    public override string BasePath => "/api/v1/statements";

    public override Expression<Func<Statement, StatementResponse>> Projection { get; } = s => new StatementResponse(
            s.Id, s.SpeakerPersonId, s.SpeakerPartyId, s.SpeakerBody, s.Quote, s.Wording, s.SaidOn, s.Context, s.RoundId, s.SourceIds,
            s.Version, s.CreatedAt, s.UpdatedAt);

    public override string IdSource(StatementRequest r) =>
        $"{r.SpeakerPersonId ?? r.SpeakerPartyId} {string.Join(' ', r.Quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))}";

    public override StatementRequest ToRequest(Statement s) => new StatementRequest
    {
        Id = s.Id,
        SpeakerPersonId = s.SpeakerPersonId,
        SpeakerPartyId = s.SpeakerPartyId,
        SpeakerBody = s.SpeakerBody,
        Quote = s.Quote,
        Wording = s.Wording,
        SaidOn = s.SaidOn,
        Context = s.Context,
        RoundId = s.RoundId,
        SourceIds = s.SourceIds,
    };

    public override void Apply(StatementRequest r, Statement s)
    {
        s.SpeakerPersonId = r.SpeakerPersonId;
        s.SpeakerPartyId = r.SpeakerPartyId;
        s.SpeakerBody = r.SpeakerBody;
        s.Quote = r.Quote;
        s.Wording = r.Wording;
        s.SaidOn = r.SaidOn;
        s.Context = r.Context;
        s.RoundId = r.RoundId;
        s.SourceIds = [.. r.SourceIds];
    }

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Statement, StatementResponse> List = new()
    {
        Projection = StatementResource.Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Statement, StatementResponse>>
        {
            ["id"] = Sort.ByText<Statement, StatementResponse>(s => s.Id, r => r.Id),
            ["createdAt"] = Sort.ByTime<Statement, StatementResponse>(s => s.CreatedAt, r => r.CreatedAt),
        },
        Text = q => s => s.Quote.ToLower().Contains(q)
            || (s.Context != null && s.Context.ToLower().Contains(q))
            || (s.SpeakerBody != null && s.SpeakerBody.ToLower().Contains(q)),
    };

}
