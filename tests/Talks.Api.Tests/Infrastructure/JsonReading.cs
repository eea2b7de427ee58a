using System.Text.Json;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>Short ways to pick facts out of answers, so assertions read as the fact they check.</summary>
public static class JsonReading
{
    public static List<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    public static List<string> Ids(this JsonElement pageOrArray) =>
        (pageOrArray.ValueKind == JsonValueKind.Array ? pageOrArray.EnumerateArray().ToList() : pageOrArray.Items())
        .Select(e => e.GetProperty("id").GetString()!).ToList();

    public static JsonElement WithId(this JsonElement array, string id) =>
        Assert.Single(array.EnumerateArray(), e => e.GetProperty("id").GetString() == id);

    public static List<string?> Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();

    public static string? Text(this JsonElement element, string property) => element.GetProperty(property).GetString();

    public static bool IsNull(this JsonElement element, string property) => element.GetProperty(property).ValueKind == JsonValueKind.Null;
}
