using System.Net;
using System.Net.Http.Json;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Clients.Tests.Http;

/// <summary>What other modules read about many clients at once: initials for interpreters' job lists, in one question.</summary>
public sealed class ClientDirectoryTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Initials_of_many_clients_leave_out_the_anonymised_unknown_and_other_offices_ones(DatabaseProvider provider)
    {
        await using var host = await ClientsHost.StartAsync(provider);
        var (amina, _, _) = await host.RegisterAsync();
        var (olena, _, _) = await host.RegisterAsync("Olena", "Koval");
        var (erased, _, _) = await host.RegisterAsync("Ion", "Popescu");
        using (var erasure = await host.Streetworker.PostAsJsonAsync($"/api/clients/{erased}/erasure", new { reason = "Antrag vom 01.12.2026" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, erasure.StatusCode);
        }

        var office = host.StreetworkerUser.OfficeId;
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IClientDirectory>();
        var asked = new[] { ClientId.From(amina), ClientId.From(olena), ClientId.From(erased), ClientId.New() };

        var initials = await directory.GetInitialsAsync(office, asked, CancellationToken.None);
        var elsewhere = await directory.GetInitialsAsync(OfficeId.New(), asked, CancellationToken.None);

        Assert.Equal(2, initials.Count);
        Assert.Equal("A.H.", initials[ClientId.From(amina)]);
        Assert.Equal("O.K.", initials[ClientId.From(olena)]);
        Assert.Empty(elsewhere);
        // The same as one summary at a time would say.
        Assert.Equal((await directory.GetDisplaySummaryAsync(office, ClientId.From(olena), CancellationToken.None))!.Initials, initials[ClientId.From(olena)]);
    }
}
