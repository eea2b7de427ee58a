using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talks.Api.Infrastructure;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Parties;

public static class PartyEndpoints
{
    private const string What = "party";

    public static IEndpointRouteBuilder MapPartyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/parties").WithTags("Parties");
        group.MapGet("/", List).WithName("ListParties").WithSummary("List parties, optionally by kind.").RejectsUnknownQuery();
        group.MapGet("/{id}", Get).WithName("GetParty").WithSummary("Get a party.").ProducesProblem(404);
        group.MapPost("/", Create).WithName("CreateParty").WithSummary("Create a party.").Validates<PartyRequest>().ProducesProblem(409);
        group.MapPut("/{id}", Replace).WithName("ReplaceParty").WithSummary("Replace a party (If-Match required).")
            .Validates<PartyRequest>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
        group.MapPatch("/{id}", Patch).WithName("PatchParty").WithSummary("Change some of a party's fields with a JSON merge patch (If-Match required).")
            .Accepts<JsonElement>(MergePatch.MediaType, "application/json").ProducesValidationProblem()
            .ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
        group.MapDelete("/{id}", Delete).WithName("DeleteParty").WithSummary("Delete a party nothing references (If-Match required).")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);
        return app;
    }

    private static async Task<Results<Ok<Page<PartyResponse>>, ValidationProblem>> List(
        [AsParameters] PartyQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 1, out var take, out var after);
        var kind = EnumText<PartyKind>.Parse(query.Kind, "kind", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var parties = db.Parties.AsNoTracking();
        if (kind is not null)
        {
            parties = parties.Where(p => p.Kind == kind);
        }

        if (after is [var lastId])
        {
            parties = parties.Where(p => string.Compare(p.Id, lastId) > 0);
        }

        var items = await parties.OrderBy(p => p.Id).Take(take + 1).Select(PartyMapping.ToResponse).ToListAsync(ct);
        return TypedResults.Ok(items.ToPage(take, http, p => Paging.Encode(p.Id)));
    }

    private static async Task<Results<Ok<PartyResponse>, ProblemHttpResult>> Get(string id, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var party = await db.Parties.AsNoTracking().Where(p => p.Id == id).Select(PartyMapping.ToResponse).FirstOrDefaultAsync(ct);
        if (party is null)
        {
            return Problems.NotFound(What, id);
        }

        http.SetETag(party.Version);
        return TypedResults.Ok(party);
    }

    private static async Task<Results<Created<PartyResponse>, ProblemHttpResult>> Create(
        PartyRequest request, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var id = request.Id ?? await Slug.NewIdAsync(db.Parties, request.Name, ct);
        if (await db.Parties.AnyAsync(p => p.Id == id, ct))
        {
            return Problems.DuplicateId(What, id);
        }

        var party = new Party { Id = id };
        request.ApplyTo(party);
        db.Parties.Add(party);
        await db.SaveChangesAsync(ct);
        http.SetETag(party.Version);
        return TypedResults.Created($"/api/v1/parties/{id}", PartyMapping.ToResponseCompiled(party));
    }

    private static async Task<Results<Ok<PartyResponse>, ValidationProblem, ProblemHttpResult>> Replace(
        string id, PartyRequest request, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var party = await db.Parties.FindAsync([id], ct);
        if (party is null)
        {
            return Problems.NotFound(What, id);
        }

        return await Update(party, request, db, http, ct);
    }

    private static async Task<Results<Ok<PartyResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        string id, JsonElement patch, TalksDbContext db, IValidator<PartyRequest> validator, IOptions<JsonOptions> json,
        HttpContext http, CancellationToken ct)
    {
        var party = await db.Parties.FindAsync([id], ct);
        if (party is null)
        {
            return Problems.NotFound(What, id);
        }

        var (merged, errors) = await MergePatch.ApplyAsync(party.ToRequest(), patch, json.Value.SerializerOptions, validator, ct);
        return errors is not null ? TypedResults.ValidationProblem(errors) : await Update(party, merged!, db, http, ct);
    }

    private static async Task<Results<Ok<PartyResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Party party, PartyRequest request, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        if (Preconditions.Check(http, party.Version) is { } failed)
        {
            return failed;
        }

        if (Ids.ChangedId(request.Id, party.Id) is { } idError)
        {
            return idError;
        }

        request.ApplyTo(party);
        await db.SaveChangesAsync(ct);
        http.SetETag(party.Version);
        return TypedResults.Ok(PartyMapping.ToResponseCompiled(party));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var party = await db.Parties.FindAsync([id], ct);
        if (party is null)
        {
            return Problems.NotFound(What, id);
        }

        if (Preconditions.Check(http, party.Version) is { } failed)
        {
            return failed;
        }

        var references = await References.ToPartyAsync(db, id, ct);
        if (references.Count > 0)
        {
            return Problems.StillReferenced(What, id, references);
        }

        db.Parties.Remove(party);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
