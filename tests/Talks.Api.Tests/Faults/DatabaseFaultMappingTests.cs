using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Talks.Api.Hosting.Database;
using Talks.Api.Hosting.Errors;

namespace Talks.Api.Tests.Faults;

/// <summary>Which failures of the database answer 503 or 507, and which stay the generic 500, on either provider.</summary>
public sealed class DatabaseFaultMappingTests
{
    [Theory]
    [InlineData("postgres disk_full", 507)]
    [InlineData("sqlite SQLITE_FULL", 507)]
    [InlineData("sqlite SQLITE_FULL inside EF's DbUpdateException", 507)]
    [InlineData("npgsql socket refused", 503)]
    [InlineData("npgsql stream ended", 503)]
    [InlineData("npgsql timeout", 503)]
    [InlineData("postgres admin_shutdown", 503)]
    [InlineData("postgres cannot_connect_now", 503)]
    [InlineData("postgres connection_failure", 503)]
    [InlineData("postgres too_many_connections", 503)]
    [InlineData("sqlite SQLITE_BUSY", 503)]
    [InlineData("sqlite SQLITE_CANTOPEN inside EF's DbUpdateException", 503)]
    [InlineData("postgres out_of_memory", 500)]
    [InlineData("postgres not_null_violation", 500)]
    [InlineData("sqlite SQLITE_CONSTRAINT", 500)]
    [InlineData("sqlite SQLITE_CORRUPT", 500)]
    [InlineData("npgsql without a cause", 500)]
    [InlineData("not the database", 500)]
    public async Task EachFailureOfTheDatabaseAnswersItsStatus(string failure, int status)
    {
        var http = new DefaultHttpContext();
        var written = new List<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        var handler = new DatabaseFaultExceptionHandler(
            new RecordingProblems(written), new DatabaseFaultEpisodes(), NullLogger<DatabaseFaultExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(http, Failure(failure), CancellationToken.None);

        // Unhandled falls through to the generic 500.
        Assert.Equal(status, handled ? http.Response.StatusCode : 500);
        Assert.Equal(handled, written.Count == 1);
        Assert.Equal(status == 503 ? DatabaseFaultExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            http.Response.Headers.RetryAfter.FirstOrDefault());
        if (handled)
        {
            Assert.Equal(status, written[0].Status);
            Assert.Contains(status == 507 ? "nothing was written" : "database is unavailable", written[0].Detail);
        }
    }

    private static Exception Failure(string name) => name switch
    {
        "postgres disk_full" => Postgres(PostgresErrorCodes.DiskFull),
        "sqlite SQLITE_FULL" => new SqliteException("database or disk is full", 13),
        "sqlite SQLITE_FULL inside EF's DbUpdateException" => new DbUpdateException("save failed", new SqliteException("database or disk is full", 13)),
        "npgsql socket refused" => new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)),
        "npgsql stream ended" => new NpgsqlException("Exception while reading from stream", new EndOfStreamException()),
        "npgsql timeout" => new NpgsqlException("The operation has timed out", new TimeoutException()),
        "postgres admin_shutdown" => Postgres(PostgresErrorCodes.AdminShutdown),
        "postgres cannot_connect_now" => Postgres(PostgresErrorCodes.CannotConnectNow),
        "postgres connection_failure" => Postgres(PostgresErrorCodes.ConnectionFailure),
        "postgres too_many_connections" => Postgres(PostgresErrorCodes.TooManyConnections),
        "sqlite SQLITE_BUSY" => new SqliteException("database is locked", 5),
        "sqlite SQLITE_CANTOPEN inside EF's DbUpdateException" => new DbUpdateException("save failed", new SqliteException("unable to open database file", 14)),
        "postgres out_of_memory" => Postgres(PostgresErrorCodes.OutOfMemory),
        "postgres not_null_violation" => Postgres(PostgresErrorCodes.NotNullViolation),
        "sqlite SQLITE_CONSTRAINT" => new SqliteException("constraint failed", 19),
        "sqlite SQLITE_CORRUPT" => new SqliteException("database disk image is malformed", 11),
        "npgsql without a cause" => new NpgsqlException("Unsupported connection string keyword"),
        "not the database" => new InvalidOperationException("a bug"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static PostgresException Postgres(string sqlState) => new("failure", "ERROR", "ERROR", sqlState);

    private sealed class RecordingProblems(List<Microsoft.AspNetCore.Mvc.ProblemDetails> written) : IProblemDetailsService
    {
        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            written.Add(context.ProblemDetails);
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
        {
            written.Add(context.ProblemDetails);
            return ValueTask.FromResult(true);
        }
    }
}
