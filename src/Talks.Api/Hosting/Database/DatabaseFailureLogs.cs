using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Talks.Api.Hosting.Database;

/// <summary>
/// EF Core logs every failed command, save, query and connection at Error, whatever becomes of the failure. During a
/// database outage or with storage full that is several lines per request, which buries the one line that says what
/// is wrong (<c>DatabaseFaultExceptionHandler</c>, once per episode). Each failure is logged where it is
/// answered instead: an unexpected one by the exception handler middleware, with its exception, as a 500; a lost race
/// at Information as a 409; a background loop's by the loop. These four events drop to Debug; setting
/// <c>Logging:LogLevel:Microsoft.EntityFrameworkCore</c> to <c>Debug</c> brings them back with the SQL that failed.
/// </summary>
internal static class DatabaseFailureLogs
{
    public static DbContextOptionsBuilder LogFailuresWhereTheyAreAnswered(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug)));
}
