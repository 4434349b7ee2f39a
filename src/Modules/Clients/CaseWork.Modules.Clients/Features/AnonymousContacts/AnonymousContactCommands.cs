using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.AnonymousContacts;

/// <summary>Logs a first contact with someone who gave no name; returns its id and version.</summary>
internal sealed record LogAnonymousContact(string? Nickname, int? RoughAge, IReadOnlyList<string>? Topics, string? Place, DateOnly? MetOn, string? Note) : ICommand<AnonymousContactRef>;

/// <summary>Turns an anonymous contact into a client record (the contact's history goes onto the new timeline); version as read.</summary>
internal sealed record ConvertAnonymousContact(Guid ContactId, int Version, ClientDetailsInput Details) : ICommand<ClientRef>;

/// <summary>The office's anonymous contacts, newest first; converted ones only when asked.</summary>
internal sealed record ListAnonymousContacts(bool IncludeConverted = false, int Limit = 100) : IQuery<IReadOnlyList<AnonymousContactView>>;

internal sealed record AnonymousContactRef(Guid Id, int Version);

internal sealed record AnonymousContactView(
    Guid Id, int Version, string Nickname, int? RoughAge, IReadOnlyList<string> Topics, string Place, DateOnly MetOn, string? Note, Guid? ConvertedTo);

internal sealed class LogAnonymousContactValidator : AbstractValidator<LogAnonymousContact>
{
    public LogAnonymousContactValidator(TimeProvider time)
    {
        RuleFor(c => c.Nickname).NotEmpty().WithMessage("Give a nickname or short description.").MaximumLength(100);
        RuleFor(c => c.RoughAge).InclusiveBetween(0, 120);
        RuleForEach(c => c.Topics).Must(NeedAreas.All.Contains).WithMessage("Unknown topic.");
        RuleFor(c => c.Place).Must(InputEnum.IsGiven<PlaceKind>).WithMessage($"Place is one of: {InputEnum.Names<PlaceKind>()}.");
        RuleFor(c => c.MetOn).Must(d => d is null || d <= OfficeCalendar.Today(time)).WithMessage("The contact cannot lie in the future.");
        RuleFor(c => c.Note).MaximumLength(4000);
    }
}

internal sealed class ConvertAnonymousContactValidator : AbstractValidator<ConvertAnonymousContact>
{
    public ConvertAnonymousContactValidator(TimeProvider time) =>
        RuleFor(c => c.Details).NotNull().SetValidator(new ClientDetailsValidator(time));
}

internal sealed class LogAnonymousContactHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time)
    : ICommandHandler<LogAnonymousContact, AnonymousContactRef>
{
    public async Task<Result<AnonymousContactRef>> Handle(LogAnonymousContact command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var contact = AnonymousContact.Log(access.OfficeId!.Value, command.Nickname!, command.RoughAge, command.Topics ?? [],
            InputEnum.Parse(command.Place, PlaceKind.Other), command.MetOn ?? OfficeCalendar.Today(time), command.Note, access.UserId, time.GetUtcNow());
        db.AnonymousContacts.Add(contact);
        await audit.RecordAsync(AuditAction.Create, "AnonymousContact", contact.Id, cancellationToken);
        return new AnonymousContactRef(contact.Id, contact.Version);
    }
}

internal sealed class ConvertAnonymousContactHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time)
    : ICommandHandler<ConvertAnonymousContact, ClientRef>
{
    public async Task<Result<ClientRef>> Handle(ConvertAnonymousContact command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var contact = await db.AnonymousContacts.FirstOrDefaultAsync(c => c.Id == command.ContactId, cancellationToken);
        if (contact is null)
            return Error.NotFound("contact-not-found", "The contact was not found.");
        if (contact.IsConverted)
            return Error.Conflict("contact-converted", $"The contact was already converted to client {contact.ConvertedTo}.");
        db.ExpectVersion(contact, command.Version);

        var now = time.GetUtcNow();
        var code = PseudonymCode.New();
        while (await db.Clients.AnyAsync(c => c.PseudonymCode == code, cancellationToken))
            code = PseudonymCode.New();
        var (client, history) = contact.ConvertToClient(command.Details.ToDetails(), code, now);
        db.Clients.Add(client);
        db.CaseFiles.Add(CaseFile.Open(client, OfficeCalendar.Today(time), access.UserId));
        db.Notes.Add(history);
        db.Enqueue(new ClientRegistered(Guid.NewGuid(), now, client.OfficeId, client.Id, client.PseudonymCode));
        await audit.RecordAsync(AuditAction.Create, "Client", client.Id, cancellationToken, $"converted from anonymous contact {contact.Id}");
        return new ClientRef(client.Id, client.PseudonymCode, client.Version);
    }
}

internal sealed class ListAnonymousContactsHandler(ClientsDbContext db, ClientAccess access) : IQueryHandler<ListAnonymousContacts, IReadOnlyList<AnonymousContactView>>
{
    public async Task<Result<IReadOnlyList<AnonymousContactView>>> Handle(ListAnonymousContacts query, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var contacts = db.AnonymousContacts.AsNoTracking();
        if (!query.IncludeConverted)
            contacts = contacts.Where(c => c.ConvertedTo == null);
        var list = await contacts.OrderByDescending(c => c.MetOn).Take(Math.Clamp(query.Limit, 1, 500)).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<AnonymousContactView>>.Success(
            [.. list.Select(c => new AnonymousContactView(c.Id, c.Version, c.Nickname, c.RoughAge, c.Topics, c.Place.ToString(), c.MetOn, c.Note, c.ConvertedTo?.Value))]);
    }
}
