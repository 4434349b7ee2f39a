using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking;

/// <summary>The demo interpreter's profile (Arabic, Levantine; Dari) in the demo office's pool, and two open requests offered to them.</summary>
internal static class DemoData
{
    public static async Task SeedAsync(DemoOffice office, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!office.Users.TryGetValue(Roles.Interpreter, out var interpreter))
        {
            return;
        }

        var db = services.GetRequiredService<InterpreterBookingDbContext>();
        var round = services.GetRequiredService<OfferRound>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await db.Interpreters.AnyAsync(p => p.Id == interpreter.Id, cancellationToken))
        {
            return;
        }

        db.Interpreters.Add(new InterpreterProfile(interpreter.Id, interpreter.DisplayName)
        {
            Gender = "female",
            Phone = "+49 30 1234567",
            Languages =
            [
                new LanguageSkill("ar", ["Levantine"], Qualification.SwornOrCertified),
                new LanguageSkill("prs", [], Qualification.TrainedCommunityInterpreter),
            ],
            Modalities = Modalities.InPerson | Modalities.Phone | Modalities.Video,
            Districts = ["Neukölln", "Kreuzberg", "Mitte"],
            TravelRadiusKm = 15,
            DailyMaximum = 3,
            CalendarToken = Offer.NewToken(),
        });
        db.PoolMemberships.Add(new PoolMembership(office.OfficeId, interpreter.Id, now) { Fees = new FeeRates(45m, 22.5m, 0.30m, "EUR") });
        await db.SaveChangesAsync(cancellationToken);

        var policy = await db.PolicyForAsync(office.OfficeId, cancellationToken);
        var zone = policy.Zone;
        var worker = office.Users.TryGetValue(Roles.Streetworker, out var streetworker) ? streetworker.Id : (BuildingBlocks.Ids.UserId?)null;
        (int Days, int Hour, string Language, string? Dialect, Modality Modality, string Place, SubjectArea Subject)[] demo =
        [
            (6, 10, "ar", "Levantine", Modality.InPerson, "Beratungsstelle, Raum 2, Karl-Marx-Str. 1", SubjectArea.Housing),
            (8, 14, "prs", null, Modality.Phone, "Telefon: die Beratungsstelle ruft an", SubjectArea.Authorities),
        ];
        foreach (var (days, hour, language, dialect, modality, place, subject) in demo)
        {
            var day = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(days);
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            var start = new DateTimeOffset(day.AddHours(hour), zone.GetUtcOffset(day.AddHours(hour)));
            var request = InterpreterRequest.Create(office.OfficeId, null, [], language, dialect, modality, start, start.AddHours(1), place, "Neukölln",
                subject, null, null, worker, worker, policy, now);
            db.Requests.Add(request);
            await round.OfferNextTierAsync(request, policy, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
