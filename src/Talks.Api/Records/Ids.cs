using Microsoft.AspNetCore.Http.HttpResults;

namespace Talks.Api.Records;

public static class Ids
{
    /// <summary>Ids are stable: a PUT or PATCH may repeat the id but not change it.</summary>
    public static ValidationProblem? ChangedId(string? requested, string current) =>
        requested is null || requested == current
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["id"] = [$"The id cannot change; this record is '{current}'."],
            });
}
