using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.Shared;

/// <summary>Loading records for a change, with the answers every use case gives the same way.</summary>
internal static class ClientLoading
{
    public static Error ClientNotFound(ClientId id) => Error.NotFound("client-not-found", $"Client {id} was not found.");

    /// <summary>The client of the user's office (else not found), active (else a conflict: merged or anonymised records do not change).</summary>
    public static async Task<Result<Client>> ActiveClientAsync(this ClientsDbContext db, ClientId id, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
            return ClientNotFound(id);
        if (client.State != ClientState.Active)
        {
            return Error.Conflict(
                "client-inactive",
                client.State == ClientState.Merged ? $"The record was merged into {client.MergedInto}." : "The record is anonymised.");
        }

        return client;
    }

    /// <summary>The active client and its open case file (changes to the timeline, needs, goals and dates need an open file).</summary>
    public static async Task<Result<(Client Client, CaseFile CaseFile)>> OpenCaseFileAsync(this ClientsDbContext db, ClientId id, CancellationToken cancellationToken)
    {
        var client = await db.ActiveClientAsync(id, cancellationToken);
        if (!client.IsSuccess)
            return client.Error;
        var caseFile = await db.CaseFiles.FirstOrDefaultAsync(f => f.ClientId == id, cancellationToken);
        if (caseFile is null || !caseFile.IsOpen)
            return Error.Conflict("case-file-closed", "The case file is closed; reopen it first.");
        return (client.Value, caseFile);
    }

    /// <summary>Checks the caller's version against the stored one: the save then fails if someone else saved in between.</summary>
    /// <remarks>The record is saved (its version raised) even when nothing else changed, so a stale version always conflicts.</remarks>
    public static void ExpectVersion<T>(this ClientsDbContext db, T entity, int version)
        where T : class, BuildingBlocks.Ids.IVersioned
    {
        var property = db.Entry(entity).Property(e => e.Version);
        property.OriginalValue = version;
        property.IsModified = true;
    }
}
