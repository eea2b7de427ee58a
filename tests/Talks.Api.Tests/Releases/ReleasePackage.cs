using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Releases;

/// <summary>A downloaded Data Package, read the way a researcher's tools read it: the descriptor and each CSV.</summary>
internal sealed class ReleasePackage
{
    private static int _lastNumber;

    public required byte[] Bytes { get; init; }
    public required JsonElement Descriptor { get; init; }
    public required IReadOnlyDictionary<string, byte[]> Csv { get; init; }

    /// <summary>A version no other test has used: each test class has a database of its own, but tests in a class share it.</summary>
    public static string NextVersion() => $"2025.{Interlocked.Increment(ref _lastNumber)}";

    public static async Task<JsonElement> CreateAsync(HttpClient admin, string version, string? notes = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/releases", new { version, notes });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<byte[]> DownloadAsync(HttpClient client, string version, string format = "zip")
    {
        using var response = await client.GetAsync($"/api/v1/releases/{version}/download" + (format == "zip" ? "" : $"?format={format}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task<ReleasePackage> OpenAsync(HttpClient client, string version) => Read(await DownloadAsync(client, version));

    public static ReleasePackage Read(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entries = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        var descriptor = JsonDocument.Parse(entries["datapackage.json"]).RootElement.Clone();
        var csv = descriptor.GetProperty("resources").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => entries[r.GetProperty("path").GetString()!]);
        return new ReleasePackage { Bytes = bytes, Descriptor = descriptor, Csv = csv };
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public IReadOnlyList<string> PrimaryKeyOf(string resource) =>
        Descriptor.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == resource)
            .GetProperty("schema").GetProperty("primaryKey").EnumerateArray().Select(k => k.GetString()!).ToList();

    /// <summary>A table's rows by column name; an empty field reads as null, as Table Schema reads it.</summary>
    public List<Dictionary<string, string?>> Rows(string resource)
    {
        var records = Rfc4180.Parse(Encoding.UTF8.GetString(Csv[resource]));
        var header = records[0];
        return records.Skip(1)
            .Select(r => header.Select((name, i) => (name, value: r[i])).ToDictionary(p => p.name!, p => string.IsNullOrEmpty(p.value) ? null : p.value))
            .ToList();
    }
}

/// <summary>A strict RFC 4180 reader: fails on a bare CR or LF outside quotes, so a line end that is not CRLF is caught.</summary>
internal static class Rfc4180
{
    public static List<List<string?>> Parse(string text)
    {
        var records = new List<List<string?>>();
        var record = new List<string?>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "A quoted field is never closed.");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
            }

            while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
            {
                Assert.NotEqual('"', text[i]);
                field.Append(text[i++]);
            }

            record.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            Assert.True(i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n', $"Record {records.Count + 1} does not end with CRLF.");
            i += 2;
            records.Add(record);
            record = [];
        }

        return records;
    }
}
