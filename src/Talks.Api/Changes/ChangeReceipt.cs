namespace Talks.Api.Changes;

/// <summary>
/// The newest change a write request has committed, which its answer names (<see cref="ReadYourWrites.ChangeHeader"/>).
/// Set for the request by <see cref="ReadYourWrites"/> and filled by <see cref="ChangeCommits"/> as the request's
/// saves commit; it flows with the request's async calls as <c>HttpContext</c> does.
/// </summary>
internal sealed class ChangeReceipt
{
    private static readonly AsyncLocal<ChangeReceipt?> OfThisRequest = new();

    private long _newest;

    public static ChangeReceipt? Current
    {
        get => OfThisRequest.Value;
        set => OfThisRequest.Value = value;
    }

    /// <summary>The newest change committed so far (0 for none).</summary>
    public long Newest => Interlocked.Read(ref _newest);

    public void Saw(long change)
    {
        var known = Interlocked.Read(ref _newest);
        while (change > known)
        {
            var found = Interlocked.CompareExchange(ref _newest, change, known);
            if (found == known)
            {
                return;
            }

            known = found;
        }
    }
}
