using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.IntegrationEventHandlers;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Flows;

/// <summary>Requests from appointments get a district (ADR 0036), so in-person jobs are matched by area.</summary>
public sealed class AppointmentDistrictTests
{
    [Theory]
    [InlineData("Sonnenallee 12, 12045 Berlin-Neukölln", "Neukölln")]
    [InlineData("sonnenallee 12, NEUKÖLLN", "Neukölln")]
    [InlineData("Mitteilungsweg 3", null)]
    [InlineData("Turmstraße 21, Moabit (Mitte)", "Mitte")]
    [InlineData("Frankfurter Allee 1, Friedrichshain-Kreuzberg", "Friedrichshain-Kreuzberg")]
    public void A_district_is_recognised_only_as_a_whole_word_and_the_longest_wins(string place, string? expected) =>
        Assert.Equal(expected, AppointmentDistrict.NamedIn(place, ["Neukölln", "Mitte", "Kreuzberg", "Friedrichshain-Kreuzberg", " "]));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task In_person_appointments_are_matched_by_the_office_district_or_the_district_in_the_address(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("District office");
        var pool = await booking.AddInterpretersAsync(office, 3);
        await booking.WithDbAsync(async db =>
        {
            var profiles = await db.Interpreters.Where(p => pool.Select(x => x.Id).Contains(p.Id)).ToListAsync();
            profiles.Single(p => p.Id == pool[0].Id).Districts = ["Mitte"];
            profiles.Single(p => p.Id == pool[1].Id).Districts = ["Neukölln"];
            profiles.Single(p => p.Id == pool[2].Id).Districts = ["Spandau"];
            db.Policies.Add(new BookingPolicy(office) { DefaultDistrict = "Mitte" });
            return await db.SaveChangesAsync();
        });
        var start = DateTimeOffset.UtcNow.Date.AddDays(12).AddHours(9);

        var inOffice = await ScheduleAsync(booking, Snapshot(office, start, new AppointmentPlace("office_room", "Raum 2"), InterpretingModality.InPerson));
        Assert.Equal("Mitte", inOffice.District);
        Assert.Equal([pool[0].Id], inOffice.Offers.Select(o => o.InterpreterId));

        var atAddress = await ScheduleAsync(booking, Snapshot(office, start.AddDays(1), new AppointmentPlace("address", "Karl-Marx-Straße 5, 12043 Berlin-Neukölln"), InterpretingModality.InPerson));
        Assert.Equal("Neukölln", atAddress.District);
        Assert.Equal([pool[1].Id], atAddress.Offers.Select(o => o.InterpreterId));

        var unknownAddress = await ScheduleAsync(booking, Snapshot(office, start.AddDays(2), new AppointmentPlace("shared_housing", "Unterkunft Am Hang 4"), InterpretingModality.InPerson));
        Assert.Equal("Mitte", unknownAddress.District);

        var byPhone = await ScheduleAsync(booking, Snapshot(office, start.AddDays(3), new AppointmentPlace("phone", "+49 30 1234"), InterpretingModality.Phone));
        Assert.Null(byPhone.District);
        Assert.Equal(3, byPhone.Offers.Count);

        // Moved to an address in Spandau: a new round for the new area.
        var moved = Snapshot(office, start.AddDays(4), new AppointmentPlace("address", "Altstadt Spandau 1"), InterpretingModality.InPerson) with { AppointmentId = inOffice.AppointmentId!.Value };
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentRescheduled(Guid.NewGuid(), DateTimeOffset.UtcNow, moved, start, start.AddHours(1)), default));
        var rescheduled = await LoadAsync(booking, inOffice.AppointmentId!.Value);
        Assert.Equal("Spandau", rescheduled.District);
        Assert.Equal([pool[2].Id], rescheduled.PendingOffers.Select(o => o.InterpreterId));
    }

    private static AppointmentSnapshot Snapshot(OfficeId office, DateTimeOffset start, AppointmentPlace place, InterpretingModality modality) =>
        new(Guid.NewGuid(), office, [], [], start, start.AddHours(1), "counselling", place, new InterpreterNeed("ar", "Levantine", modality, null, null));

    private static async Task<InterpreterRequest> ScheduleAsync(BookingHost booking, AppointmentSnapshot appointment)
    {
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentScheduled(Guid.NewGuid(), DateTimeOffset.UtcNow, appointment), default));
        return await LoadAsync(booking, appointment.AppointmentId);
    }

    private static Task<InterpreterRequest> LoadAsync(BookingHost booking, Guid appointmentId) =>
        booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.AppointmentId == appointmentId));
}
