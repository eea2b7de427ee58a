using System.Security.Cryptography;
using System.Text;

namespace Talks.Api.Answers.Idempotency;

/// <summary>What makes two requests "the same request" for one key: method, path, query and body, byte for byte.</summary>
internal static class RequestFingerprint
{
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Separators keep "/a" + "?b" from hashing like "/a?" + "b".
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n"));

        // The endpoint reads the body after us, so it must be re-readable from the start.
        request.EnableBuffering();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
