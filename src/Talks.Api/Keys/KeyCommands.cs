using Talks.Api.Hosting.Json;
using Talks.Data.Entities;

namespace Talks.Api.Keys;

/// <summary>
/// <c>keys create --name NAME --role analyst|admin</c>, <c>keys list</c>, <c>keys revoke NAME</c>: key management from
/// the command line of the API itself, which is how a new deployment gets its first admin key.
/// </summary>
public static class KeyCommands
{
    public static bool Matches(string[] args) => args is ["keys", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        await using var scope = services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<KeyStore>();
        switch (args)
        {
            case ["keys", "create", .. var rest] when Option(rest, "--name") is { } name && Option(rest, "--role") is { } roleText:
                if (!EnumText<ApiKeyRole>.TryParse(roleText, out var role) || !Names.Slug.IsValid(name))
                {
                    await errors.WriteLineAsync($"Name must be {Names.Slug.Rule}; role must be analyst or admin.");
                    return 2;
                }

                if (await keys.CreateAsync(name, role, CancellationToken.None) is not var (stored, secret))
                {
                    await errors.WriteLineAsync($"A key named '{name}' already exists.");
                    return 1;
                }

                await output.WriteLineAsync(secret);
                await errors.WriteLineAsync($"Created {KeyRoles.NameOf(stored.Role)} key '{stored.Name}'. This is the only time it is shown; store it now.");
                return 0;
            case ["keys", "list"]:
                foreach (var key in await keys.ListAsync(CancellationToken.None))
                {
                    var state = key.RevokedAt is { } revoked ? $"revoked {revoked:u}" : "active";
                    await output.WriteLineAsync(
                        $"{key.Name}\t{KeyRoles.NameOf(key.Role)}\t{key.Prefix}…\tcreated {key.CreatedAt:u}\t" +
                        $"last used {key.LastUsedAt?.ToString("u") ?? "never"}\t{state}");
                }

                return 0;
            case ["keys", "revoke", var name]:
                if (await keys.RevokeAsync(name, CancellationToken.None))
                {
                    await output.WriteLineAsync($"Revoked '{name}'.");
                    return 0;
                }

                await errors.WriteLineAsync($"No key is named '{name}'.");
                return 1;
            default:
                await errors.WriteLineAsync("Usage: keys create --name NAME --role analyst|admin | keys list | keys revoke NAME");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
