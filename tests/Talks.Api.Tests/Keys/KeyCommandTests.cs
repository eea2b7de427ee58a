using System.Net;
using System.Net.Http.Headers;
using Talks.Api.Keys;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Keys;

/// <summary>How a new deployment gets its first admin key: the app's own command line.</summary>
public sealed class KeyCommandTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    [Fact]
    public async Task AKeyCreatedOnTheCommandLineIsPrintedOnceAndWorks()
    {
        var name = IdFrom(Unique("first-admin"));

        var (code, output, errors) = await RunAsync("keys", "create", "--name", name, "--role", "admin");

        Assert.Equal(0, code);
        var secret = output.Trim();
        Assert.StartsWith("talks_", secret);
        Assert.DoesNotContain(secret, errors);
        using var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await client.CreateAsync("/api/v1/parties", Party(Unique("Command-line State")));
    }

    [Fact]
    public async Task ListingKeysShowsNamesAndRolesButNeverTheKeys()
    {
        var name = IdFrom(Unique("listed"));
        var (_, secret, _) = await RunAsync("keys", "create", "--name", name, "--role", "analyst");

        var (code, output, _) = await RunAsync("keys", "list");

        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith(name + "\t", StringComparison.Ordinal));
        Assert.Contains("analyst", line);
        Assert.Contains("active", line);
        Assert.DoesNotContain(secret.Trim(), output);
    }

    [Fact]
    public async Task ARevokedKeyStopsWorking()
    {
        var name = IdFrom(Unique("revoked"));
        var (_, secret, _) = await RunAsync("keys", "create", "--name", name, "--role", "analyst");

        var (code, _, _) = await RunAsync("keys", "revoke", name);

        Assert.Equal(0, code);
        using var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret.Trim());
        using var response = await client.PostJsonAsync("/api/v1/parties", Party(Unique("Too Late State")));
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("keys", "create", "--name", "Bad Name", "--role", "admin")]
    [InlineData("keys", "create", "--name", "fine-name", "--role", "superuser")]
    [InlineData("keys", "create", "--name", "fine-name")]
    [InlineData("keys", "rotate")]
    public async Task AMalformedCommandExplainsItselfAndCreatesNothing(params string[] args)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output.Trim());
        Assert.False(string.IsNullOrWhiteSpace(errors));
    }

    [Fact]
    public async Task ANameCanOnlyBeUsedOnceAndRevokingAnUnknownNameFails()
    {
        var name = IdFrom(Unique("once"));
        await RunAsync("keys", "create", "--name", name, "--role", "analyst");

        var (again, againOutput, _) = await RunAsync("keys", "create", "--name", name, "--role", "analyst");
        var (unknown, _, _) = await RunAsync("keys", "revoke", IdFrom(Unique("nobody")));

        Assert.Equal(1, again);
        Assert.Equal("", againOutput.Trim());
        Assert.Equal(1, unknown);
    }

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await KeyCommands.RunAsync(factory.Services, args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
