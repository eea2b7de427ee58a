using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Releases;

/// <summary>
/// Writes a release in its two forms at once, row by row as the database hands them over: a Frictionless Data
/// Package (a zip of <c>datapackage.json</c> and one CSV per table) and the same package as one JSON document with
/// the rows inline. Nothing depends on the clock or the machine — fixed entry times, fixed order, rows in key order —
/// so the same data gives the same bytes.
/// </summary>
internal static class ReleaseRenderer
{
    /// <summary>The DOS epoch: the earliest time a zip entry can carry, as reproducible builds use.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON writer keeps what it is given until flushed; past this many bytes it is handed to the file.</summary>
    private const int FlushAtBytes = 64 * 1024;

    public static async Task<Dictionary<string, long>> WriteAsync(
        TalksDbContext db, Release release, Stream zipOut, Stream jsonOut, CancellationToken ct)
    {
        var tables = ReleaseTables.For(db.Model);
        var counts = new Dictionary<string, long>();
        using var zip = new ZipArchive(zipOut, ZipArchiveMode.Create, leaveOpen: true);
        await using var json = new Utf8JsonWriter(jsonOut, Compact);

        var descriptor = zip.CreateEntry("datapackage.json", CompressionLevel.Optimal);
        descriptor.LastWriteTime = EntryTime;
        await using (var entry = descriptor.Open())
        {
            await using var writer = new Utf8JsonWriter(entry, Indented);
            WritePackageStart(writer, release);
            foreach (var table in tables)
            {
                writer.WriteStartObject();
                WriteResourceHead(writer, table);
                writer.WriteString("path", table.Path);
                writer.WriteString("format", "csv");
                writer.WriteString("mediatype", "text/csv");
                writer.WriteString("encoding", "utf-8");
                writer.WriteStartObject("dialect");
                writer.WriteString("delimiter", ",");
                writer.WriteString("lineTerminator", "\r\n");
                writer.WriteString("quoteChar", "\"");
                writer.WriteBoolean("doubleQuote", true);
                writer.WriteBoolean("header", true);
                writer.WriteEndObject();
                WriteSchema(writer, table);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // Its own entry, as zip tools write it: some readers (datapackage-js 1.1) make folders only from these.
        zip.CreateEntry("data/").LastWriteTime = EntryTime;

        WritePackageStart(json, release);
        foreach (var table in tables)
        {
            json.WriteStartObject();
            WriteResourceHead(json, table);
            WriteSchema(json, table);
            json.WriteStartArray("data");

            var csvEntry = zip.CreateEntry(table.Path, CompressionLevel.Optimal);
            csvEntry.LastWriteTime = EntryTime;
            await using var csvStream = csvEntry.Open();
            await using var text = new StreamWriter(csvStream, Utf8, bufferSize: 64 * 1024);
            var csv = new CsvRows(text);
            csv.Write(table.Fields.Select(f => f.Name));
            long count = 0;
            await foreach (var row in table.Rows(db).WithCancellation(ct))
            {
                csv.Write(table.Fields.Select(f => ReleaseValues.Text(f.ValueOf(row))));
                json.WriteStartObject();
                foreach (var field in table.Fields)
                {
                    json.WritePropertyName(field.Name);
                    ReleaseValues.Write(json, field.ValueOf(row));
                }

                json.WriteEndObject();
                if (json.BytesPending > FlushAtBytes)
                {
                    await json.FlushAsync(ct);
                }

                count++;
            }

            json.WriteEndArray();
            json.WriteEndObject();
            counts[table.Name] = count;
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return counts;
    }

    private static void WritePackageStart(Utf8JsonWriter writer, Release release)
    {
        writer.WriteStartObject();
        writer.WriteString("profile", "tabular-data-package");
        writer.WriteString("name", "talks");
        writer.WriteString("title", $"Talks data release {release.Id}");
        writer.WriteString("version", release.Id);
        writer.WriteString("created", ReleaseValues.DateTimeText(release.CreatedAt));
        if (!string.IsNullOrEmpty(release.Notes))
        {
            writer.WriteString("description", release.Notes);
        }

        writer.WriteNumber("changeNumber", release.ChangeNumber);
        writer.WriteStartArray("resources");
    }

    private static void WriteResourceHead(Utf8JsonWriter writer, ReleaseTable table)
    {
        writer.WriteString("profile", "tabular-data-resource");
        writer.WriteString("name", table.Name);
    }

    private static void WriteSchema(Utf8JsonWriter writer, ReleaseTable table)
    {
        writer.WriteStartObject("schema");
        writer.WriteStartArray("fields");
        foreach (var field in table.Fields)
        {
            writer.WriteStartObject();
            writer.WriteString("name", field.Name);
            writer.WriteString("type", field.Type);
            if (field.Format is not null)
            {
                writer.WriteString("format", field.Format);
            }

            if (field.Required || field.Allowed is not null)
            {
                writer.WriteStartObject("constraints");
                if (field.Required)
                {
                    writer.WriteBoolean("required", true);
                }

                if (field.Allowed is not null)
                {
                    writer.WriteStartArray("enum");
                    field.Allowed.ToList().ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("primaryKey");
        table.PrimaryKey.ToList().ForEach(writer.WriteStringValue);
        writer.WriteEndArray();
        if (table.ForeignKeys.Count > 0)
        {
            writer.WriteStartArray("foreignKeys");
            foreach (var reference in table.ForeignKeys)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("fields");
                reference.Fields.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteStartObject("reference");
                writer.WriteString("resource", reference.Resource);
                writer.WriteStartArray("fields");
                reference.ReferencedFields.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
