using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>The office's interpreter pool for coordinators: who is in it, and the office's interpreter accounts not yet in it.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class PoolModel(IQueryHandler<ListPool, IReadOnlyList<PoolMember>> pool, IOfficeDirectory directory, ICurrentUser user) : PageModel
{
    public IReadOnlyList<PoolMember> Members { get; private set; } = [];

    public IReadOnlyList<StaffMember> NotInPool { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Members = (await pool.Handle(new ListPool(), cancellationToken)).Value;
        var inPool = Members.Select(m => m.InterpreterId).ToHashSet();
        NotInPool = user.OfficeId is { } office
            ? [.. (await directory.GetStaffAsync(office, Roles.Interpreter, cancellationToken)).Where(s => !inPool.Contains(s.Id.Value)).OrderBy(s => s.DisplayName)]
            : [];
    }
}
