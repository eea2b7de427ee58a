using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Talks.Api.Lists;

public static class QueryGuard
{
    /// <summary>
    /// Rejects query parameters the endpoint does not know, so a misspelt filter (<c>?partyid=</c> works, <c>?party=</c>
    /// does not) gets a 400 listing the allowed ones instead of an unfiltered list that looks like an answer.
    /// </summary>
    public static RouteHandlerBuilder RejectsUnknownQuery(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ListEndpoint()).AddEndpointFilterFactory((factory, next) =>
        {
            var allowed = AllowedNames(factory.MethodInfo);
            allowed.UnionWith(EveryList);
            return async context =>
            {
                var unknown = context.HttpContext.Request.Query.Keys.Where(k => !allowed.Contains(k)).ToList();
                if (unknown.Count == 0)
                {
                    return (object?)UnknownFormat(context.HttpContext) ?? await next(context);
                }

                var list = string.Join(", ", allowed.Order(StringComparer.Ordinal));
                return TypedResults.ValidationProblem(
                    unknown.ToDictionary(k => k, k => new[] { $"'{k}' is not a parameter of this list. Allowed: {list}." }));
            };
        });

    /// <summary><c>format=</c> names CSV or one of the list's own formats (<see cref="ListFormat"/>); anything else is a 400.</summary>
    private static ValidationProblem? UnknownFormat(HttpContext http)
    {
        if (!http.Request.Query.TryGetValue("format", out var given))
        {
            return null;
        }

        var formats = (http.GetEndpoint()?.Metadata.OfType<ListFormat>().Select(f => f.Name) ?? []).Prepend("csv").ToList();
        return given.Count == 1 && formats.Contains(given.ToString(), StringComparer.OrdinalIgnoreCase)
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [$"'{given}' is not a format of this list. Allowed: {string.Join(", ", formats)}."],
            });
    }

    /// <summary>Handled for every list on the way out (by the answer's shaping, <c>Answers/Shaping</c>): property selection and CSV.</summary>
    public static readonly string[] EveryList = ["fields", "format"];

    private static HashSet<string> AllowedNames(MethodInfo method)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                // List query records hold nothing but query parameters.
                foreach (var property in parameter.ParameterType.GetProperties())
                {
                    names.Add(char.ToLowerInvariant(property.Name[0]) + property.Name[1..]);
                }
            }
            else if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } query)
            {
                names.Add(query.Name ?? parameter.Name!);
            }
        }

        return names;
    }
}
