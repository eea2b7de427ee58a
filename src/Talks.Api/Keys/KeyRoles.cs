using Talks.Api.Hosting.Json;
using Talks.Data.Entities;

namespace Talks.Api.Keys;

/// <summary>The authorization policies, and the rule that picks one for each endpoint.</summary>
public static class KeyRoles
{
    public const string Reader = "reader";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static string NameOf(ApiKeyRole role) => EnumText<ApiKeyRole>.Name(role);
}
