using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.TestKit;

namespace CaseWork.Modules.Appointments.Tests.Domain;

/// <summary>Changing who comes and what interpreter is needed: at least one client stays, and only a real change counts.</summary>
public sealed class ClientsAndInterpreterChangeTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero));
    private static readonly OfficeId Office = new(Guid.NewGuid());
    private static readonly UserId Anna = new(Guid.NewGuid());
    private static readonly Guid Samir = Guid.NewGuid();
    private static readonly Guid Olena = Guid.NewGuid();
    private static readonly InterpreterRequirement Arabic = new("ar", "Levantine", InterpretingModality.InPerson, "bitte pünktlich");

    private static Appointment NewAppointment(IReadOnlyList<(Guid, string)> clients, InterpreterRequirement? interpreter = null)
    {
        var start = OfficeClock.Berlin.ToInstant(new DateTime(2027, 2, 3, 10, 0, 0));
        return Appointment.Schedule(Office, AppointmentKind.Counselling, PlaceKind.Phone, "", null, null, null, start, start.AddHours(1), clients, [Anna],
            interpreter, null, Clock.GetUtcNow()).Value;
    }

    [Fact]
    public void Clients_join_and_leave_but_the_last_one_cannot_and_an_unchanged_list_is_no_change()
    {
        var appointment = NewAppointment([(Samir, "K-S")]);
        var sequence = appointment.Sequence;

        Assert.False(appointment.ChangeClients([(Samir, "K-S")]).Value.Any);
        Assert.Equal(sequence, appointment.Sequence);

        var joined = appointment.ChangeClients([(Samir, "K-S"), (Olena, "K-O"), (Olena, "K-O")]).Value;
        Assert.Equal([Olena], joined.Added);
        Assert.Empty(joined.Removed);
        Assert.Equal(sequence + 1, appointment.Sequence);

        var left = appointment.ChangeClients([(Olena, "K-O")]).Value;
        Assert.Equal([Samir], left.Removed);
        Assert.Equal([Olena], appointment.Clients.Select(c => c.ClientId!.Value));
        Assert.Equal(sequence + 2, appointment.Sequence);

        var nobody = appointment.ChangeClients([]);
        Assert.Equal("clientIds", Assert.Single(nobody.Error!.FieldErrors!).Key);
        Assert.Equal([Olena], appointment.Clients.Select(c => c.ClientId!.Value));
    }

    [Fact]
    public void An_appointment_without_clients_may_stay_without_and_a_closed_one_keeps_its_clients()
    {
        var outreach = NewAppointment([]);
        Assert.True(outreach.ChangeClients([]).IsSuccess);
        Assert.Equal([Samir], outreach.ChangeClients([(Samir, "K-S")]).Value.Added);

        Assert.True(outreach.Cancel(CancelledBy.Office, null).IsSuccess);
        Assert.Equal("appointment-closed", outreach.ChangeClients([(Olena, "K-O")]).Error!.Code);
        Assert.Equal("appointment-closed", outreach.ChangeInterpreter(Arabic).Error!.Code);
        Assert.Equal([Samir], outreach.Clients.Select(c => c.ClientId!.Value));
    }

    [Fact]
    public void The_interpreter_need_is_added_replaced_amended_and_removed_and_notes_keep_the_booked_interpreter()
    {
        var appointment = NewAppointment([(Samir, "K-S")]);
        var sequence = appointment.Sequence;

        Assert.Equal(InterpreterNeedChange.None, appointment.ChangeInterpreter(null).Value);
        Assert.Equal(InterpreterNeedChange.Added, appointment.ChangeInterpreter(Arabic).Value);
        Assert.Equal(InterpreterStatus.Requested, appointment.InterpreterStatus);
        Assert.Equal(InterpreterNeedChange.None, appointment.ChangeInterpreter(Arabic with { }).Value);
        Assert.Equal(sequence + 1, appointment.Sequence);

        appointment.InterpreterBooked("Amal Haddad");
        Assert.Equal(InterpreterNeedChange.Amended, appointment.ChangeInterpreter(Arabic with { Notes = "Eingang B" }).Value);
        Assert.Equal(InterpreterStatus.Booked, appointment.InterpreterStatus);
        Assert.Equal("Amal Haddad", appointment.InterpreterName);
        Assert.Equal("Eingang B", appointment.InterpreterNotes);

        Assert.Equal(InterpreterNeedChange.Replaced, appointment.ChangeInterpreter(Arabic with { Modality = InterpretingModality.Video }).Value);
        Assert.Equal(InterpreterStatus.Requested, appointment.InterpreterStatus);
        Assert.Null(appointment.InterpreterName);
        Assert.Equal(InterpreterNeedChange.Replaced, appointment.ChangeInterpreter(new InterpreterRequirement("fa", null, InterpretingModality.Video, null)).Value);
        Assert.Equal("fa", appointment.InterpreterLanguage);

        Assert.Equal(InterpreterNeedChange.Removed, appointment.ChangeInterpreter(null).Value);
        Assert.Null(appointment.Interpreter);
        Assert.Equal(InterpreterStatus.NotNeeded, appointment.InterpreterStatus);
        Assert.Null(appointment.Snapshot().InterpreterNeed);
        Assert.Equal(sequence + 5, appointment.Sequence);
    }
}
