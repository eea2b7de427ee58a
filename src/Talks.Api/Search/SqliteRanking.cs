using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Talks.Api.Search;

/// <summary>
/// <c>talks_rank(title, body, terms)</c> for SQLite search: <see cref="QueryTerms.Score"/> of a candidate, so the
/// database sorts a page out of the candidates and hands back only that page. Registered on SQLite's own interface
/// rather than <see cref="SqliteConnection.CreateFunction{T1, T2, T3, TResult}(string, Func{T1, T2, T3, TResult}, bool)"/>,
/// which would make two strings of every candidate's text; this reads the UTF-8 in place.
/// </summary>
public static class SqliteRanking
{
    public const string Function = "talks_rank";

    /// <summary>One search's candidates all carry the same terms; they are read once per search, not once per row.</summary>
    [ThreadStatic]
    private static (byte[] Text, QueryTerms Terms)? _last;

    /// <summary>Once per SQLite connection: the function stays with the connection as the pool hands it out.</summary>
    public static void Register(SqliteConnection connection) =>
        raw.sqlite3_create_function(connection.Handle, Function, 3, raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC, null, Score);

    private static void Score(sqlite3_context context, object userData, sqlite3_value[] args)
    {
        var terms = raw.sqlite3_value_blob(args[2]);
        if (_last is not { } last || !terms.SequenceEqual(last.Text))
        {
            last = (terms.ToArray(), QueryTerms.Parse(terms));
            _last = last;
        }

        raw.sqlite3_result_double(context, last.Terms.Score(raw.sqlite3_value_blob(args[0]), raw.sqlite3_value_blob(args[1])));
    }
}
