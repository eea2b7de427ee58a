using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Hosting.Json;
using Talks.Api.Hosting.Validation;
using Talks.Api.Records;
using Talks.Api.Topics;
using Talks.Api.Parties;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Answers.Embedding;
using Talks.Api.Lists;
using Talks.Api.Answers.Caching;

namespace Talks.Api.Agreements;

public static partial class AgreementEndpoints
{
    private static ResourceKind<Agreement, AgreementRequest, AgreementResponse> Resource => AgreementResource.Kind;

    /// <summary><c>include=parties</c>: the parties an agreement's obligations name.</summary>
    private static readonly Include Parties =
        new("parties", typeof(PartyResponse), PartiesOf,
            async (db, keys, ct) => (await PartyResource.Kind.ForRead(db.Parties.AsNoTracking()).Where(p => keys.Contains(p.Id))
                    .Select(PartyResource.Kind.Projection).ToListAsync(ct))
                .ToLookup(p => p.Id, p => (object)p));

    private static IEnumerable<string> PartiesOf(System.Text.Json.Nodes.JsonObject agreement) =>
        (agreement["obligations"]?.AsArray() ?? [])
            .SelectMany(o => new[] { o?["partyId"]?.GetValue<string>(), o?["beneficiaryPartyId"]?.GetValue<string>() })
            .OfType<string>().Distinct();

    public static IEndpointRouteBuilder MapAgreementEndpoints(this IEndpointRouteBuilder app)
    {
        // include=round, the round each agreement was reached at, is lent by Rounds/, since rounds embed agreements.
        Include[] embedded = [.. app.LentTo("agreements"), Parties];
        var group = app.MapGroup("/agreements").WithTags("Agreements").CachesPerTalk("agreements");
        group.MapGet("/", List).Embeds(embedded).WithName("ListAgreements").WithSummary("List agreements by round, party, status or type.")
            .RejectsUnknownQuery();
        var records = group.Records(Resource);
        records.MapGet().Embeds(embedded).WithSummary("Get an agreement with its obligations and events.");
        records.MapHistory();
        records.MapCreate().WithSummary("Create an agreement.").ProducesProblem(409);
        records.MapReplace().WithSummary("Replace an agreement (If-Match required; status moves only along the lifecycle).").ProducesProblem(409);
        records.MapPatch().WithSummary("Change some of an agreement's fields (JSON merge patch, If-Match required).").ProducesProblem(409);
        records.MapDelete().WithSummary("Delete an agreement with its obligations and events (If-Match required).");

        group.MapGet("/{id}/events", ListEvents).WithName("ListAgreementEvents").WithSummary("List an agreement's implementation events in date order.")
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapGet("/{id}/events/{eventId}", GetEvent).WithName("GetAgreementEvent").WithSummary("Get one implementation event.").ProducesProblem(404);
        group.MapPost("/{id}/events", AddEvent).WithName("AddAgreementEvent")
            .WithSummary("Record an implementation event; with statusAfter it moves the agreement along its lifecycle.")
            .Validates<AgreementEventRequest>().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<Page<AgreementResponse>>, ValidationProblem>> List(
        [AsParameters] AgreementQuery query, TalksDbContext db, TopicVocabulary topics, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var status = EnumText<AgreementStatus>.Parse(query.Status, "status", errors);
        var type = EnumText<AgreementType>.Parse(query.Type, "type", errors);
        var agreements = db.Agreements.AsNoTracking();
        if (query.RoundId is not null)
        {
            agreements = agreements.Where(a => a.RoundId == query.RoundId);
        }

        if (query.PartyId is not null)
        {
            agreements = agreements.Where(a => a.Obligations.Any(o => o.PartyId == query.PartyId || o.BeneficiaryPartyId == query.PartyId));
        }

        if (query.Topic is not null)
        {
            var (subtree, error) = await topics.SubtreeAsync(query.Topic, ct);
            if (error is not null)
            {
                errors["topic"] = [error];
            }
            else
            {
                agreements = agreements.Where(a => a.TopicIds.Any(t => subtree!.Contains(t)));
            }
        }

        if (status is not null)
        {
            agreements = agreements.Where(a => a.Status == status);
        }

        if (type is not null)
        {
            agreements = agreements.Where(a => a.Type == type);
        }

        return await AgreementResource.List.PageAsync(agreements, query, errors, http, ct);
    }
}
