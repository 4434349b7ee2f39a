using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.InterpreterBooking.Domain;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>
/// Pool members' profiles as matching last read them, one per interpreter, so that matching a request against a pool of
/// thousands does not read and parse every candidate's languages, areas, weekly hours and absences again (ADR 0050).
/// The database stays the judge: matching asks it for each candidate's current <see cref="InterpreterProfile.Version"/>
/// and uses a kept profile only at exactly that version, so a change saved by any host is seen at once. Every change of
/// what matching reads therefore goes through a tracked save, which raises the version; the one thing written without
/// it, <see cref="InterpreterProfile.LastAssignedAt"/>, matching takes from its own query, never from here.
/// </summary>
internal sealed class ParsedProfiles
{
    /// <summary>Well above any office's pool; when reached the whole store is dropped and fills again as matching reads.</summary>
    internal const int Capacity = 20_000;

    private readonly ConcurrentDictionary<UserId, InterpreterProfile> _profiles = new();

    public bool TryGet(UserId interpreter, int version, [MaybeNullWhen(false)] out InterpreterProfile profile)
    {
        if (_profiles.TryGetValue(interpreter, out profile) && profile.Version == version)
        {
            return true;
        }

        profile = null;
        return false;
    }

    /// <summary>Keeps a profile read without tracking; it must not be changed afterwards. A newer version kept meanwhile stays.</summary>
    public void Keep(InterpreterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (_profiles.Count >= Capacity)
        {
            _profiles.Clear();
        }

        _profiles.AddOrUpdate(profile.Id, profile, (_, kept) => kept.Version > profile.Version ? kept : profile);
    }
}
