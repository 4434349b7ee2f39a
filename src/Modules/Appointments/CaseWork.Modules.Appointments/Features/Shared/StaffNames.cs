using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using Microsoft.Extensions.Caching.Memory;

namespace CaseWork.Modules.Appointments.Features.Shared;

/// <summary>
/// Staff display names per office for agenda lines, kept for a minute: every agenda request needs them, and a renamed
/// colleague showing the old name for a minute harms nobody.
/// </summary>
internal sealed class StaffNames(IOfficeDirectory offices, IMemoryCache cache)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyDictionary<UserId, string>> ForAsync(OfficeId office, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue((nameof(StaffNames), office), out IReadOnlyDictionary<UserId, string>? names) && names is not null)
        {
            return names;
        }

        names = (await offices.GetStaffAsync(office, null, cancellationToken)).ToDictionary(s => s.Id, s => s.DisplayName);
        cache.Set((nameof(StaffNames), office), names, KeepFor);
        return names;
    }
}
