using Microsoft.AspNetCore.Http.HttpResults;
using Talks.Api.Hosting.Errors;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.People;

/// <summary>
/// A person's offices over time. Changing the current office closes it rather than rewriting it, so a round keeps
/// showing the office its delegate held on its date.
/// </summary>
internal static class OfficeHistory
{
    /// <summary>The office held now: the one without an end.</summary>
    public static PersonOffice? Current(IEnumerable<PersonOffice> offices) =>
        offices.Where(o => o.To is null).OrderBy(o => o.Ordinal).LastOrDefault();

    public static OfficeDto ToDto(PersonOffice o) => new() { Title = o.Title, PartyId = o.PartyId, From = o.From, To = o.To };

    /// <summary>
    /// Applies <c>offices</c> (the whole history, when given) and then <c>office</c>: a new current office closes the
    /// one held until the day before it starts. A person created with an office but no date holds it from a day
    /// unknown; a change without <c>officeSince</c> starts today.
    /// </summary>
    public static void Apply(PersonRequest request, Person person)
    {
        var (history, current, changing) = Plan(request, person);
        if (changing)
        {
            var creating = person.Offices.Count == 0 && request.Offices is null;
            var since = request.OfficeSince ?? (creating ? null : Today);
            if (current is not null)
            {
                history[history.IndexOf(current)] = current with { To = (since ?? Today).AddDays(-1) };
            }

            if (request.Office is not null)
            {
                history.Add(new OfficeDto { Title = request.Office, From = since });
            }
        }

        var desired = history.Select((o, i) => new PersonOffice
        {
            PersonId = person.Id,
            Ordinal = i + 1,
            Title = o.Title,
            PartyId = o.PartyId,
            From = o.From,
            To = o.To,
        }).ToList();
        person.Offices.Sync(desired, o => o.Ordinal, (from, to) =>
        {
            to.Title = from.Title;
            to.PartyId = from.PartyId;
            to.From = from.From;
            to.To = from.To;
        });
    }

    /// <summary>
    /// A new office must start after the one it closes began: closing an office before its first day would leave it
    /// ending before it started.
    /// </summary>
    public static Task<ProblemHttpResult?> CheckAsync(TalksDbContext db, Person stored, PersonRequest request, CancellationToken ct)
    {
        var (_, current, changing) = Plan(request, stored);
        var since = request.OfficeSince ?? Today;
        return Task.FromResult(changing && current?.From is { } began && since <= began
            ? Problems.Invalid("officeSince", $"officeSince must be after {began:yyyy-MM-dd}, the first day of the office it ends ('{current.Title}').")
            : null);
    }

    /// <summary>
    /// The history the request leaves (its <c>offices</c>, else the stored one), the office open in it, and whether
    /// <c>office</c> names a new current office: one neither held now nor already opened by <c>offices</c>.
    /// </summary>
    private static (List<OfficeDto> History, OfficeDto? Current, bool Changing) Plan(PersonRequest request, Person person)
    {
        var history = (request.Offices ?? person.Offices.OrderBy(o => o.Ordinal).Select(ToDto).ToList()).ToList();
        var current = history.LastOrDefault(o => o.To is null);
        return (history, current, request.Office != Current(person.Offices)?.Title && request.Office != current?.Title);
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
