using Talks.Api.Hosting.Json;
using Talks.Data.Entities;

namespace Talks.Api.Agreements;

/// <summary>
/// proposed → agreed → in-implementation → implemented; anything not yet finished may stall or collapse, and a
/// stalled agreement may resume. Implemented and collapsed are final.
/// </summary>
public static class AgreementLifecycle
{
    private static readonly Dictionary<AgreementStatus, AgreementStatus[]> Next = new()
    {
        [AgreementStatus.Proposed] = [AgreementStatus.Agreed, AgreementStatus.Stalled, AgreementStatus.Collapsed],
        [AgreementStatus.Agreed] = [AgreementStatus.InImplementation, AgreementStatus.Implemented, AgreementStatus.Stalled, AgreementStatus.Collapsed],
        [AgreementStatus.InImplementation] = [AgreementStatus.Implemented, AgreementStatus.Stalled, AgreementStatus.Collapsed],
        [AgreementStatus.Stalled] = [AgreementStatus.Agreed, AgreementStatus.InImplementation, AgreementStatus.Collapsed],
        [AgreementStatus.Implemented] = [],
        [AgreementStatus.Collapsed] = [],
    };

    public static bool CanMove(AgreementStatus from, AgreementStatus to) => from == to || Next[from].Contains(to);

    public static string Explain(AgreementStatus from, AgreementStatus to)
    {
        var allowed = Next[from];
        var name = EnumText<AgreementStatus>.Name;
        return allowed.Length == 0
            ? $"An agreement that is {name(from)} cannot change status (asked for {name(to)})."
            : $"An agreement that is {name(from)} can move to {string.Join(", ", allowed.Select(name))}, not {name(to)}.";
    }
}
