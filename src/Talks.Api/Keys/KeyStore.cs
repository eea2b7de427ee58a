using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Keys;

/// <summary>Creates, finds and revokes API keys. A key is 256 random bits; only its SHA-256 is stored.</summary>
public sealed class KeyStore(TalksDbContext db)
{
    private const string KeyPrefix = "talks_";

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Returns the stored key and the secret, which exists nowhere else from here on.</summary>
    public async Task<(ApiKey Stored, string Secret)?> CreateAsync(string name, ApiKeyRole role, CancellationToken ct)
    {
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
        {
            return null;
        }

        var secret = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var stored = new ApiKey
        {
            Name = name,
            Role = role,
            Hash = HashOf(secret),
            Prefix = secret[..(KeyPrefix.Length + 6)],
            CreatedAt = DateTime.UtcNow,
        };
        db.ApiKeys.Add(stored);
        await db.SaveChangesAsync(ct);
        return (stored, secret);
    }

    public Task<List<ApiKey>> ListAsync(CancellationToken ct) => db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct);

    /// <summary>True if the key existed and is now revoked; revoking twice keeps the first time.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Name == name, ct);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
