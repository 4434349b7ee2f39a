using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>
/// <c>request_clients</c> is derived from the requests' client lists when the module's context saves (ADR 0056). A write
/// that bypasses the change tracker would leave the rows behind the list, and a client's changed wishes or anonymisation
/// would miss the request. These tests read the module's compiled code (lambdas and async state machines included) for the
/// ways EF offers around the tracker.
/// </summary>
/// <remarks>
/// A command written by hand (<c>StoreSql</c>) is not seen here: the module's hand-written SQL only reads (ADR 0041, 0053),
/// and ADR 0056 asks a new writer of requests to write the rows as well.
/// </remarks>
public sealed class RequestWritesTests
{
    private static readonly string[] Derived = [typeof(InterpreterRequest).FullName!, typeof(RequestClient).FullName!];

    [Fact]
    public void No_bulk_update_or_delete_touches_requests_or_their_client_rows()
    {
        var calls = BulkCallsOn(Derived);
        Assert.True(calls.Count == 0, "Requests are written through the context's save only (ADR 0056):\n" + string.Join("\n", calls));
    }

    [Fact]
    public void The_module_runs_no_SQL_through_the_database_facade()
    {
        var calls = Calls(m => m.DeclaringType.FullName == "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions" && m.Name.StartsWith("ExecuteSql", StringComparison.Ordinal));
        Assert.True(calls.Count == 0, "The module writes through its context's save, not through ExecuteSql (ADR 0056):\n" + string.Join("\n", calls));
    }

    /// <summary>The scan finds what it looks for: the module does bulk-update other tables (notifications, profiles).</summary>
    [Fact]
    public void The_scan_sees_the_module_s_bulk_updates_of_other_tables()
    {
        var elsewhere = BulkCallsOn([typeof(InterpreterProfile).FullName!]);
        Assert.NotEmpty(elsewhere);
        Assert.Contains(elsewhere, call => call.Contains("BookingWriter", StringComparison.Ordinal));
    }

    /// <summary>Calls of <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> (sync or async) on a query of one of <paramref name="entities"/>.</summary>
    private static List<string> BulkCallsOn(IReadOnlyCollection<string> entities) =>
        Calls(m => m is GenericInstanceMethod generic
                   && (m.Name.StartsWith("ExecuteUpdate", StringComparison.Ordinal) || m.Name.StartsWith("ExecuteDelete", StringComparison.Ordinal))
                   && generic.GenericArguments.Any(a => entities.Contains(a.FullName)));

    private static List<string> Calls(Func<MethodReference, bool> wanted)
    {
        using var module = ModuleDefinition.ReadModule(typeof(InterpreterBookingDbContext).Assembly.Location);
        var found = new List<string>();
        foreach (var type in AllTypes(module.Types))
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if ((instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt) && instruction.Operand is MethodReference called && wanted(called))
                    {
                        found.Add($"{type.FullName}.{method.Name} calls {called.Name}");
                    }
                }
            }
        }

        return found;
    }

    private static IEnumerable<TypeDefinition> AllTypes(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(t => AllTypes(t.NestedTypes).Prepend(t));
}
