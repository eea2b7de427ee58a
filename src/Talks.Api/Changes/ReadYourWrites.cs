using System.Globalization;

namespace Talks.Api.Changes;

/// <summary>
/// Closes the moment between a commit through one instance and the notification that tells the others. A write's
/// answer names the newest change it recorded (<see cref="ChangeHeader"/>, the change feed's <c>seq</c>); a client that
/// sends that number back on a read (<see cref="SeenChangeHeader"/>), through any instance, is never answered from
/// before it: an instance that has not yet heard of the change waits briefly for its notification, then asks the
/// database (<see cref="ChangeNumbers.CatchUpAsync(long, CancellationToken)"/>).
/// </summary>
internal sealed class ReadYourWrites(RequestDelegate next, ChangeNumbers numbers, IProblemDetailsService problems)
{
    /// <summary>On a write's answer: the number of the newest change the write recorded.</summary>
    public const string ChangeHeader = "Talks-Change";

    /// <summary>On a read: the newest change the client has seen (a write's <see cref="ChangeHeader"/>).</summary>
    public const string SeenChangeHeader = "Talks-Seen-Change";

    private const string ApiPrefix = "/api/v1";

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            if (request.Headers.TryGetValue(SeenChangeHeader, out var seen))
            {
                if (seen.Count != 1 || !long.TryParse(seen[0], NumberStyles.None, CultureInfo.InvariantCulture, out var change))
                {
                    http.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await problems.TryWriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                        {
                            [SeenChangeHeader] = [$"Send one {SeenChangeHeader}: the number a write's {ChangeHeader} header gave, e.g. 1234."],
                        })
                        {
                            Status = StatusCodes.Status400BadRequest,
                            Title = $"The {SeenChangeHeader} header is not valid.",
                        },
                    });
                    return;
                }

                await numbers.CatchUpAsync(change, http.RequestAborted);
            }

            await next(http);
            return;
        }

        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
            || HttpMethods.IsDelete(request.Method)) || !request.Path.StartsWithSegments(ApiPrefix))
        {
            await next(http);
            return;
        }

        var receipt = new ChangeReceipt();
        ChangeReceipt.Current = receipt;
        http.Response.OnStarting(() =>
        {
            if (receipt.Newest > 0 && http.Response.StatusCode < StatusCodes.Status400BadRequest)
            {
                http.Response.Headers[ChangeHeader] = receipt.Newest.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        });
        await next(http);
    }
}
