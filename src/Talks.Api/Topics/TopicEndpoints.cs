using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talks.Api.Changes;
using Talks.Api.Hosting.Json;
using Talks.Api.Hosting.Validation;
using Talks.Api.Keys;
using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Topics;

/// <summary>The shared vocabulary: anyone reads it, admins curate it (add, rename, move, retire).</summary>
public static class TopicEndpoints
{
    private static ResourceKind<Topic, TopicRequest, TopicResponse> Resource => TopicResource.Kind;

    public static IEndpointRouteBuilder MapTopicEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/topics").WithTags("Topics");
        group.MapGet("/", List).WithName("ListTopics").WithSummary("List the topics of the shared vocabulary, optionally those under one topic.").RejectsUnknownQuery();
        group.MapGet("/{id}", Get).WithName("GetTopic").WithSummary("Get a topic.").ProducesProblem(404);
        group.MapGet("/{id}/history", History).WithName("GetTopicHistory").WithSummary("List every change to this record, newest first: who, when, each field before and after.")
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapPost("/", Create).WithName("CreateTopic").WithSummary("Add a topic to the vocabulary (admin).")
            .Validates<TopicRequest>().ProducesProblem(409).RequireAuthorization(KeyRoles.Admin);
        group.MapPut("/{id}", Replace).WithName("ReplaceTopic").WithSummary("Replace a topic: rename or move it (admin, If-Match required).")
            .Validates<TopicRequest>().WritesExisting().RequireAuthorization(KeyRoles.Admin);
        group.MapPatch("/{id}", Patch).WithName("PatchTopic").WithSummary("Change some of a topic's fields, e.g. its label or parent (admin, JSON merge patch, If-Match required).")
            .AcceptsMergePatch().WritesExisting().RequireAuthorization(KeyRoles.Admin);
        group.MapPost("/{id}/retire", Retire).WithName("RetireTopic")
            .WithSummary("Retire a topic in favour of another, which takes over its positions, agreements, narrower topics and other names (admin, If-Match required).")
            .Validates<RetireTopicRequest>().WritesExisting().ProducesProblem(409).RequireAuthorization(KeyRoles.Admin);
        group.MapDelete("/{id}", Delete).WithName("DeleteTopic").WithSummary("Delete a topic nothing names (admin, If-Match required); retire one in use instead.")
            .WritesExisting().ProducesProblem(409);
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

    private static Task<Results<Ok<TopicResponse>, ProblemHttpResult>> Get(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.GetAsync(db, id, http, ct);

    private static Task<Results<Created<TopicResponse>, ProblemHttpResult>> Create(TopicRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.CreateAsync(db, request, http, ct);

    private static Task<Results<Ok<TopicResponse>, ValidationProblem, ProblemHttpResult>> Replace(
        string id, TopicRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.ReplaceAsync(db, id, request, http, ct);

    private static Task<Results<Ok<TopicResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        string id, JsonElement patch, TalksDbContext db, IValidator<TopicRequest> validator, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct) =>
        Resource.PatchAsync(db, id, patch, validator, json.Value.SerializerOptions, http, ct);

    private static Task<Results<Ok<TopicResponse>, ProblemHttpResult>> Retire(
        string id, RetireTopicRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        TopicRetirement.RetireAsync(db, id, request, http, ct);

    private static Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> History(
        string id, [AsParameters] HistoryQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.HistoryAsync(db, id, query, http, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.DeleteAsync(db, id, http, ct);
}
