using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Hosting.Json;
using Talks.Api.Hosting.Validation;
using Talks.Api.Keys;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Topics;

/// <summary>The shared vocabulary: anyone reads it, admins curate it (add, rename, move, retire).</summary>
public static class TopicEndpoints
{
    private static ResourceKind<Topic, TopicRequest, TopicResponse> Resource => TopicResource.Kind;

    public static IEndpointRouteBuilder MapTopicEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/topics").WithTags("Topics");
        group.MapGet("/", List).WithName("ListTopics").WithSummary("List the topics of the shared vocabulary, optionally those under one topic.")
            .RejectsUnknownQuery();
        var records = group.Records(Resource);
        records.MapGet().WithSummary("Get a topic.");
        records.MapHistory();
        records.MapCreate().WithSummary("Add a topic to the vocabulary (admin).").ProducesProblem(409).RequireAuthorization(KeyRoles.Admin);
        records.MapReplace().WithSummary("Replace a topic: rename or move it (admin, If-Match required).").RequireAuthorization(KeyRoles.Admin);
        records.MapPatch().WithSummary("Change some of a topic's fields, e.g. its label or parent (admin, JSON merge patch, If-Match required).")
            .RequireAuthorization(KeyRoles.Admin);
        group.MapPost("/{id}/retire", Retire).WithName("RetireTopic")
            .WithSummary("Retire a topic in favour of another, which takes over its positions, agreements, narrower topics "
                + "and other names (admin, If-Match required).")
            .Validates<RetireTopicRequest>().WritesExisting().ProducesProblem(409).RequireAuthorization(KeyRoles.Admin);
        records.MapDelete().WithSummary("Delete a topic nothing names (admin, If-Match required); retire one in use instead.").ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<Page<TopicResponse>>, ValidationProblem>> List(
        [AsParameters] TopicQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var topics = db.Topics.AsNoTracking();
        if (query.ParentId == "none")
        {
            topics = topics.Where(t => t.ParentId == null);
        }
        else if (query.ParentId is not null)
        {
            topics = topics.Where(t => t.ParentId == query.ParentId);
        }

        topics = EnumText<RetiredFilter>.Parse(query.Retired, "retired", errors) switch
        {
            RetiredFilter.True => topics.Where(t => t.RetiredAt != null),
            RetiredFilter.Any => topics,
            _ => topics.Where(t => t.RetiredAt == null),
        };

        return await TopicResource.List.PageAsync(topics, query, errors, http, ct);
    }

    private static Task<Results<Ok<TopicResponse>, ProblemHttpResult>> Retire(
        string id, RetireTopicRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        TopicRetirement.RetireAsync(db, id, request, http, ct);
}
