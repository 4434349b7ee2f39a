using System.Text.RegularExpressions;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>
/// The district of a request that comes from an appointment (ADR 0036). The appointment event carries only a place kind and
/// free text (no district, no coordinates), so: phone and video need no district; in an office room the job is where the
/// office is (<see cref="BookingPolicy.DefaultDistrict"/>); at an address, a district of the office's pool named in the
/// address text as a word ("…, 12045 Berlin-Neukölln"), else the office's district.
/// </summary>
internal sealed class AppointmentDistrict(InterpreterBookingDbContext db)
{
    public const string OfficeRoom = "office_room";

    public async Task<string?> ForAsync(AppointmentSnapshot appointment, Modality modality, BookingPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(policy);
        if (modality != Modality.InPerson)
        {
            return null;
        }

        var text = appointment.Place.Description;
        if (appointment.Place.Kind == OfficeRoom || string.IsNullOrWhiteSpace(text))
        {
            return policy.DefaultDistrict;
        }

        var office = appointment.OfficeId;
        var members = db.PoolMemberships.IgnoreQueryFilters().Where(m => m.OfficeId == office && m.LeftAt == null);
        var lists = await db.Interpreters.AsNoTracking()
            .Where(p => members.Any(m => m.InterpreterId == p.Id))
            .Select(p => p.Districts)
            .ToListAsync(cancellationToken);
        return NamedIn(text, lists.SelectMany(d => d)) ?? policy.DefaultDistrict;
    }

    /// <summary>The longest known district that the text names as a whole word (case-insensitive), or null.</summary>
    public static string? NamedIn(string text, IEnumerable<string> known) =>
        known
            .Where(d => !string.IsNullOrWhiteSpace(d))
            .Select(d => d.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(d => d.Length)
            .ThenBy(d => d, StringComparer.Ordinal)
            .FirstOrDefault(d => Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(d)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
}
