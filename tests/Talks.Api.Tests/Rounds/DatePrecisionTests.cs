using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

/// <summary>
/// A round known only to the month, or an agreement whose implementation date is known only roughly or was kept
/// confidential, says so instead of carrying a made-up day.
/// </summary>
public sealed class DatePrecisionTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ARoundKnownOnlyToTheMonthIsDatedTheFirstAndSaysSo()
    {
        var talk = await CreateTalkAsync();
        var body = Round(Unique("Geneva"), "2024-03-01");
        body["datePrecision"] = "month";

        var created = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", body);

        Assert.Equal(("2024-03-01", "month"), (created.Text("date"), created.Text("datePrecision")));
        var listed = Assert.Single((await _client.GetJsonAsync($"/api/v1/rounds?talkId={talk}")).Items());
        Assert.Equal("month", listed.Text("datePrecision"));
        var plain = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Vienna"), "2024-04-17"));
        Assert.Equal("day", plain.Text("datePrecision"));
    }

    [Theory]
    [InlineData("month", "2024-03-15")]
    [InlineData("year", "2024-03-01")]
    [InlineData("fortnight", "2024-03-01")]
    public async Task ARoundDateThatClaimsMoreThanItsPrecisionIsRejectedNamingTheField(string precision, string date)
    {
        var talk = await CreateTalkAsync();
        var body = Round(Unique("Geneva"), date);
        body["datePrecision"] = precision;

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync(precision == "fortnight" ? "datePrecision" : "date");
        Assert.False(await factory.InDatabaseAsync(db => db.Rounds.AnyAsync(r => r.TalkId == talk)));
    }

    [Fact]
    public async Task ARoundWithAStartTimeNeedsTheDay()
    {
        var talk = await CreateTalkAsync();
        var body = Round(Unique("Geneva"), "2024-03-01");
        body["datePrecision"] = "month";
        body["startsAt"] = "2024-03-01T10:00:00+01:00";

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("startsAt");
    }

    [Theory]
    [InlineData("confidential", null, HttpStatusCode.Created, null)]
    [InlineData("confidential", "2025-06-01", HttpStatusCode.BadRequest, "implementationDate")]
    [InlineData("month", "2025-06-01", HttpStatusCode.Created, null)]
    [InlineData("month", "2025-06-09", HttpStatusCode.BadRequest, "implementationDate")]
    [InlineData("year", "2026-01-01", HttpStatusCode.Created, null)]
    [InlineData("year", "2026-06-01", HttpStatusCode.BadRequest, "implementationDate")]
    [InlineData("day", "2025-06-09", HttpStatusCode.Created, null)]
    [InlineData("someday", null, HttpStatusCode.BadRequest, "implementationDatePrecision")]
    public async Task AnImplementationDateMatchesItsPrecision(string precision, string? date, HttpStatusCode expected, string? field)
    {
        var body = Agreement(Unique("Rough deal"), "istanbul-2025-05-16");
        body["implementationDatePrecision"] = precision;
        body["implementationDate"] = date;

        using var response = await _client.PostJsonAsync("/api/v1/agreements", body);

        if (field is not null)
        {
            await response.ReadValidationProblemAsync(field);
            return;
        }

        var created = await response.ReadJsonAsync(expected);
        Assert.Equal((precision, date), (created.Text("implementationDatePrecision"), created.Text("implementationDate")));
    }

    private async Task<string> CreateTalkAsync() =>
        (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Rough talks")))).Text("id")!;
}
