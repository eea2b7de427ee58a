using Microsoft.AspNetCore.Http.HttpResults;
using System.Linq.Expressions;
using Talks.Api.Lists;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Data;

namespace Talks.Api.Topics;

internal sealed class TopicResource : ResourceKind<Topic, TopicRequest, TopicResponse>
{
    public static readonly TopicResource Kind = new();

    public override string Singular => "topic";

    public override string BasePath => "/api/v1/topics";

    public override Expression<Func<Topic, TopicResponse>> Projection { get; } = t => new TopicResponse(
            t.Id, t.Label, t.Description, t.ParentId, t.PaxCode, t.Aliases, t.RetiredAt, t.ReplacedById, t.Version, t.CreatedAt, t.UpdatedAt);

    public override string IdSource(TopicRequest r) => r.Label;

    // What still names a topic: a topic in use is retired in favour of another rather than deleted.
    public override Task<Dictionary<string, List<string>>> FindReferencesAsync(TalksDbContext db, string id, CancellationToken ct) =>
        References.FindAsync(
            ct,
            ("positions", db.Positions.Where(p => p.Topic == id).Select(p => p.Id)),
            ("agreements", db.Agreements.Where(a => a.TopicIds.Contains(id)).Select(a => a.Id)),
            ("topics", db.Topics.Where(t => t.ParentId == id || t.ReplacedById == id).Select(t => t.Id)));

    public override Task<ProblemHttpResult?> CheckCreateAsync(TalksDbContext db, Topic stored, TopicRequest request, CancellationToken ct) =>
        TopicTree.CheckNewTopicAsync(db, stored, request, ct);

    public override Task<ProblemHttpResult?> CheckUpdateAsync(TalksDbContext db, Topic stored, TopicRequest request, CancellationToken ct) =>
        TopicTree.CheckMovedTopicAsync(db, stored, request, ct);

    public override TopicRequest ToRequest(Topic t) => new TopicRequest
    {
        Id = t.Id,
        Label = t.Label,
        Description = t.Description,
        ParentId = t.ParentId,
        PaxCode = t.PaxCode,
        Aliases = t.Aliases,
    };

    public override void Apply(TopicRequest r, Topic t)
    {
        t.Label = r.Label;
        t.Description = r.Description;
        t.ParentId = r.ParentId;
        t.PaxCode = r.PaxCode;
        t.Aliases = [.. r.Aliases ?? []];
    }

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Topic, TopicResponse> List = new()
    {
        Projection = Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Topic, TopicResponse>>
        {
            ["id"] = Sort.ByText<Topic, TopicResponse>(t => t.Id, r => r.Id),
            ["label"] = Sort.ByText<Topic, TopicResponse>(t => t.Label, r => r.Label),
            ["createdAt"] = Sort.ByTime<Topic, TopicResponse>(t => t.CreatedAt, r => r.CreatedAt),
        },
        Text = q => t => t.Label.ToLower().Contains(q) || t.Id.Contains(q) || (t.Description != null && t.Description.ToLower().Contains(q)),
    };
}
