using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Releases;

/// <summary>
/// What a researcher downloads and cites: the same bytes on every call and every instance, whatever analysts do to
/// the live records afterwards; CSV that any RFC 4180 reader takes; resumable with Range. Parts are made tiny here
/// so that every download crosses many of them.
/// </summary>
public sealed class ReleaseDownloadTests(ReleaseDownloadTests.TinyParts app) : IClassFixture<ReleaseDownloadTests.TinyParts>
{
    /// <summary>A value with every character CSV must quote: a bare LF, a comma and a quote.</summary>
    private const string Awkward = "First line\nsecond, with \"quotes\" inside";

    public sealed class TinyParts : IAsyncDisposable
    {
        public TalksApiFactory Factory { get; } = TalksApiFactory.WithSettings(new Dictionary<string, string> { ["Releases:PartSizeBytes"] = "1024" });

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    private TalksApiFactory Factory => app.Factory;

    [Fact]
    public async Task EditingAndDeletingLiveRecordsAfterAReleaseChangesNothingInIt()
    {
        using var admin = Factory.CreateClient();
        var party = await admin.CreateAsync("/api/v1/parties", Party(Unique("Released State"), notes: Awkward));
        var doomed = await admin.CreateAsync("/api/v1/parties", Party(Unique("Doomed State")));
        var version = ReleasePackage.NextVersion();
        var release = await ReleasePackage.CreateAsync(admin, version);
        var zip = await ReleasePackage.DownloadAsync(admin, version);
        var json = await ReleasePackage.DownloadAsync(admin, version, "json");

        using (var patched = await admin.PatchCurrentAsync($"/api/v1/parties/{party.Text("id")}", """{ "notes": "rewritten" }"""))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        using (var deleted = await admin.DeleteCurrentAsync($"/api/v1/parties/{doomed.Text("id")}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(zip, await ReleasePackage.DownloadAsync(admin, version));
        Assert.Equal(json, await ReleasePackage.DownloadAsync(admin, version, "json"));
        Assert.Equal(release.GetRawText(), (await admin.GetJsonAsync($"/api/v1/releases/{version}")).GetRawText());
        var rows = ReleasePackage.Read(zip).Rows("parties");
        Assert.Equal(Awkward, rows.Single(r => r["id"] == party.Text("id"))["notes"]);
        Assert.Contains(rows, r => r["id"] == doomed.Text("id"));

        var later = ReleasePackage.NextVersion();
        await ReleasePackage.CreateAsync(admin, later);
        var laterRows = (await ReleasePackage.OpenAsync(admin, later)).Rows("parties");
        Assert.Equal("rewritten", laterRows.Single(r => r["id"] == party.Text("id"))["notes"]);
        Assert.DoesNotContain(laterRows, r => r["id"] == doomed.Text("id"));
    }

    [Fact]
    public async Task AValueWithALineFeedACommaAndAQuoteIsQuotedWithDoubledQuotesAndRecordsEndInCrLf()
    {
        using var admin = Factory.CreateClient();
        var party = await admin.CreateAsync("/api/v1/parties", Party(Unique("Quoted State"), notes: Awkward));
        var version = ReleasePackage.NextVersion();
        await ReleasePackage.CreateAsync(admin, version);

        var package = await ReleasePackage.OpenAsync(admin, version);

        var text = Encoding.UTF8.GetString(package.Csv["parties"]);
        Assert.Contains("\"First line\nsecond, with \"\"quotes\"\" inside\"", text);
        Assert.StartsWith("id,", text);
        Assert.Equal(Awkward, package.Rows("parties").Single(r => r["id"] == party.Text("id"))["notes"]);
        foreach (var (table, bytes) in package.Csv)
        {
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{table}.csv starts with a byte order mark.");
            Assert.True(bytes.AsSpan().EndsWith("\r\n"u8), $"{table}.csv does not end with CRLF.");
        }
    }

    [Fact]
    public async Task EveryDownloadAndEveryInstanceServesTheSameBytesWithTheDigestAsETag()
    {
        using var admin = Factory.CreateClient();
        var version = ReleasePackage.NextVersion();
        var release = await ReleasePackage.CreateAsync(admin, version);
        await using var second = new TalksApiFactory(Factory.Database!, withKeys: false);
        using var other = second.CreateAnonymousClient();

        using var first = await admin.GetAsync($"/api/v1/releases/{version}/download");
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var fromOther = await ReleasePackage.DownloadAsync(other, version);
        var again = await ReleasePackage.DownloadAsync(admin, version);

        Assert.Equal(bytes, fromOther);
        Assert.Equal(bytes, again);
        Assert.Equal("application/zip", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, first.Content.Headers.ContentLength);
        Assert.Equal("bytes", Assert.Single(first.Headers.AcceptRanges));
        Assert.Equal($"\"{release.GetProperty("zip").Text("sha256")}\"", first.Headers.ETag?.Tag);
        Assert.Equal(ReleasePackage.Sha256(bytes), release.GetProperty("zip").Text("sha256"));
        Assert.True(bytes.Length > 3 * 1024, "The release fits in a few parts; the test would not cross part boundaries.");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/releases/{version}/download");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await other.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task TwoReleasesOfTheSameDataHoldTheSameTablesDatedTheSame()
    {
        using var admin = Factory.CreateClient();
        await ReleasePackage.CreateAsync(admin, ReleasePackage.NextVersion());
        var first = ReleasePackage.NextVersion();
        var second = ReleasePackage.NextVersion();
        await ReleasePackage.CreateAsync(admin, first);
        await ReleasePackage.CreateAsync(admin, second);

        var (a, b) = (await ReleasePackage.OpenAsync(admin, first), await ReleasePackage.OpenAsync(admin, second));

        // The releases table itself is not released, so nothing a release adds shows in the next one.
        Assert.Equal(a.Csv.Keys, b.Csv.Keys);
        Assert.All(a.Csv, table => Assert.True(table.Value.AsSpan().SequenceEqual(b.Csv[table.Key]), $"{table.Key}.csv differs."));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(a.Bytes));
        Assert.Equal(["datapackage.json", "data/", .. a.Csv.Keys.Select(t => $"data/{t}.csv")], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Theory]
    [InlineData(0, 9)]
    [InlineData(1000, 1100)]
    [InlineData(1024, 3071)]
    [InlineData(2047, 2047)]
    public async Task ARangeRequestGetsExactlyThoseBytes(long from, long to)
    {
        using var admin = Factory.CreateClient();
        var version = ReleasePackage.NextVersion();
        await ReleasePackage.CreateAsync(admin, version);
        var whole = await ReleasePackage.DownloadAsync(admin, version);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/releases/{version}/download");
        request.Headers.Range = new RangeHeaderValue(from, to);
        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {from}-{to}/{whole.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(whole[(int)from..(int)(to + 1)], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ASuffixRangeGetsTheLastBytesAndOneBeyondTheEndIsAProblem()
    {
        using var admin = Factory.CreateClient();
        var version = ReleasePackage.NextVersion();
        await ReleasePackage.CreateAsync(admin, version);
        var whole = await ReleasePackage.DownloadAsync(admin, version, "json");

        using var suffix = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/releases/{version}/download?format=json");
        suffix.Headers.Range = new RangeHeaderValue(null, 1500);
        using var tail = await admin.SendAsync(suffix);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/releases/{version}/download?format=json");
        beyond.Headers.Range = new RangeHeaderValue(whole.Length, null);
        using var refused = await admin.SendAsync(beyond);

        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(whole[^1500..], await tail.Content.ReadAsByteArrayAsync());
        var problem = await refused.ReadProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable);
        Assert.Contains(whole.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Text("detail"));
        Assert.Equal($"bytes */{whole.Length}", refused.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task TheJsonFormHoldsTheSameRowsAsTheCsvFiles()
    {
        using var admin = Factory.CreateClient();
        var party = await admin.CreateAsync("/api/v1/parties", Party(Unique("Twice Released State"), notes: Awkward));
        var version = ReleasePackage.NextVersion();
        var release = await ReleasePackage.CreateAsync(admin, version);

        using var response = await admin.GetAsync($"/api/v1/releases/{version}/download?format=json");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var package = await ReleasePackage.OpenAsync(admin, version);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(release.GetProperty("json").Text("sha256"), ReleasePackage.Sha256(bytes));
        var document = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal(version, document.Text("version"));
        foreach (var resource in document.GetProperty("resources").EnumerateArray())
        {
            var name = resource.Text("name")!;
            var data = resource.GetProperty("data").EnumerateArray().ToList();
            var rows = package.Rows(name);
            Assert.Equal(rows.Count, data.Count);
            Assert.Equal(rows.Select(r => r[package.PrimaryKeyOf(name)[0]]), data.Select(d => d.GetProperty(package.PrimaryKeyOf(name)[0]).ToString()));
        }

        var parties = document.GetProperty("resources").EnumerateArray().Single(r => r.Text("name") == "parties").GetProperty("data");
        Assert.Equal(Awkward, parties.EnumerateArray().Single(p => p.Text("id") == party.Text("id")).Text("notes"));
    }

    [Fact]
    public async Task AnUnknownFormatIsRefusedNamingTheAllowedOnes()
    {
        using var admin = Factory.CreateClient();
        var version = ReleasePackage.NextVersion();
        await ReleasePackage.CreateAsync(admin, version);

        using var response = await admin.GetAsync($"/api/v1/releases/{version}/download?format=xml");

        var errors = await response.ReadValidationProblemAsync("format");
        Assert.Contains("json", errors["format"][0]);
    }
}
