using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Engine;
using CaseWork.ArchitectureTests.Rules;
using Xunit.Abstractions;

namespace CaseWork.ArchitectureTests;

/// <summary>
/// Every rule fails on the canaries in architecture-tests/Canaries, and reports the very violation planted there;
/// the well-behaved canary (CanaryA) is never reported. A rule that cannot fail protects nothing.
/// </summary>
public sealed class CanaryTests(ITestOutputHelper output)
{
    private const string CanaryAEntry = "CaseWork.Modules.CanaryA.CanaryAModule [CaseWork.Modules.CanaryA]";

    private static CaseWorkCodebase Canaries => CaseWorkCodebase.Canaries;

    public static TheoryData<string> Rules => new(CaseWorkRules.All.Keys);

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_fails_on_the_canaries(string rule)
    {
        var verdict = CaseWorkRules.All[rule](Canaries).Evaluate();
        output.WriteLine(verdict.Report());

        Assert.False(verdict.SelectedNothing, verdict.Report());
        Assert.NotEmpty(verdict.Violations);
    }

    [Fact]
    public void A_module_using_another_modules_implementation_fails_even_inside_a_method_body()
    {
        var verdict = ModuleBoundaryRules.ModulesUseOtherModulesOnlyThroughContracts(Canaries).Evaluate();

        var inBody = ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB.Reconciliation.LedgerPeek", CanaryAEntry);
        Assert.Equal("body of ModuleName", inBody.Detail);
        var inLambda = ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB.Reconciliation.DeferredLedgerPeek", CanaryAEntry);
        Assert.StartsWith("body of <>c::", inLambda.Detail, StringComparison.Ordinal);
        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB.Reconciliation.LedgerRegistry", CanaryAEntry);
        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB", "CaseWork.Modules.CanaryA");
        ArchitectureAssert.DoesNotReport(
            verdict,
            v => v.Reference.Contains("CaseWork.Modules.CanaryA.Contracts", StringComparison.Ordinal),
            "using another module's contracts is allowed");
        ArchitectureAssert.DoesNotReport(verdict, v => IsCanaryA(v.Subject), "CanaryA references no other module");
    }

    [Fact]
    public void A_project_reference_to_another_modules_implementation_fails_before_anything_uses_it()
    {
        var verdict = ModuleBoundaryRules.ModuleProjectsReferenceOtherModulesOnlyThroughContracts(Canaries).Evaluate();

        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB", "CaseWork.Modules.CanaryA");
        Assert.Single(verdict.Violations);
    }

    [Fact]
    public void Contracts_using_EF_Core_or_another_modules_contracts_fail()
    {
        var verdict = ContractsRules.ContractsDependOnlyOnKernelAndBcl(Canaries).Evaluate();

        ArchitectureAssert.Reports(
            verdict,
            "CaseWork.Modules.CanaryB.Contracts.InvoiceSummary",
            "Microsoft.EntityFrameworkCore.KeylessAttribute [Microsoft.EntityFrameworkCore.Abstractions]");
        ArchitectureAssert.Reports(
            verdict,
            "CaseWork.Modules.CanaryB.Contracts.LedgerSnapshot",
            "CaseWork.Modules.CanaryA.Contracts.LedgerOpened [CaseWork.Modules.CanaryA.Contracts]");
        ArchitectureAssert.DoesNotReport(
            verdict,
            v => v.Reference.EndsWith("[CaseWork.BuildingBlocks]", StringComparison.Ordinal),
            "contracts may use the kernel");
        ArchitectureAssert.DoesNotReport(verdict, v => IsCanaryA(v.Subject), "CanaryA's contracts use only the kernel");
    }

    [Fact]
    public void A_contracts_project_referencing_a_package_or_another_contracts_project_fails()
    {
        var verdict = ContractsRules.ContractsProjectsReferenceOnlyTheKernel(Canaries).Evaluate();

        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB.Contracts", "CaseWork.Modules.CanaryA.Contracts");
        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB.Contracts", "Microsoft.EntityFrameworkCore.Relational");
        ArchitectureAssert.DoesNotReport(verdict, v => IsCanaryA(v.Subject), "CanaryA's contracts reference only the kernel");
    }

    [Fact]
    public void Mutable_unsealed_or_class_integration_events_fail()
    {
        var verdict = ContractsRules.IntegrationEventsAreSealedImmutableRecords(Canaries).Evaluate();

        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB.Contracts.InvoiceSettled", "unsealed record");
        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB.Contracts.InvoiceSettled", "Amount { set; }");
        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB.Contracts.InvoiceCancelled", "class");
        ArchitectureAssert.DoesNotReport(
            verdict,
            v => v.Subject is "CaseWork.Modules.CanaryB.Contracts.InvoiceIssued" or "CaseWork.Modules.CanaryA.Contracts.LedgerOpened",
            "sealed records with init-only members are well-formed events");
        Assert.Equal(3, verdict.Violations.Count);
    }

    [Fact]
    public void EF_Core_or_Quartz_in_a_Domain_namespace_fails()
    {
        var verdict = DomainRules.DomainIsFreeOfFrameworksAndHost(Canaries).Evaluate();

        var attribute = ArchitectureAssert.Reports(
            verdict,
            "CaseWork.Modules.CanaryB.Domain.Invoice",
            "Microsoft.EntityFrameworkCore.IndexAttribute [Microsoft.EntityFrameworkCore.Abstractions]");
        Assert.Equal("attribute on type", attribute.Detail);
        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB.Domain.Reminders.ReminderSchedule", "Quartz.CronExpression [Quartz]");
        ArchitectureAssert.DoesNotReport(
            verdict,
            v => !v.Subject.StartsWith("CaseWork.Modules.CanaryB.Domain.", StringComparison.Ordinal),
            "only Domain namespaces are bound by the rule: EF Core in Infrastructure is fine");
    }

    [Fact]
    public void A_kernel_depending_on_more_than_the_BCL_fails()
    {
        var verdict = KernelRules.KernelDependsOnBclOnly(Canaries).Evaluate();

        ArchitectureAssert.Reports(
            verdict,
            "CaseWork.CanaryKernel.KernelRegistration",
            "Microsoft.Extensions.DependencyInjection.IServiceCollection [Microsoft.Extensions.DependencyInjection.Abstractions]");
        ArchitectureAssert.Reports(verdict, "CaseWork.CanaryKernel", "Microsoft.Extensions.DependencyInjection.Abstractions");
        ArchitectureAssert.DoesNotReport(
            verdict,
            v => v.Reference.EndsWith("[System.Runtime]", StringComparison.Ordinal),
            "the BCL is allowed");
    }

    [Fact]
    public void Handlers_and_module_DbContexts_in_the_host_fail()
    {
        var verdict = HostRules.HostHoldsNoBusinessLogic(Canaries).Evaluate();

        ArchitectureAssert.Reports(verdict, "CaseWork.CanaryHost.ApproveInvoiceHandler", "CaseWork.BuildingBlocks.Messaging.ICommandHandler`2");
        ArchitectureAssert.Reports(verdict, "CaseWork.CanaryHost.CountLedgersHandler", "CaseWork.BuildingBlocks.Messaging.IQueryHandler`2");
        ArchitectureAssert.Reports(verdict, "CaseWork.CanaryHost.LedgerOpenedAuditor", "CaseWork.BuildingBlocks.Messaging.IIntegrationEventHandler`1");
        ArchitectureAssert.Reports(verdict, "CaseWork.CanaryHost.HostReportingDbContext", "CaseWork.BuildingBlocks.Infrastructure.Persistence.ModuleDbContext");
        ArchitectureAssert.DoesNotReport(
            verdict,
            v => v.Subject == "CaseWork.CanaryHost.HostComposition",
            "composing modules is the host's job");
    }

    [Fact]
    public void A_host_using_a_module_type_other_than_its_entry_type_fails()
    {
        var verdict = HostRules.HostUsesModulesOnlyThroughEntryTypes(Canaries).Evaluate();

        var leak = ArchitectureAssert.Reports(
            verdict,
            "CaseWork.CanaryHost.HostComposition",
            "CaseWork.Modules.CanaryB.LeakedHelper [CaseWork.Modules.CanaryB]");
        Assert.Equal("body of Banner", leak.Detail);
        ArchitectureAssert.DoesNotReport(
            verdict,
            v => v.Reference.Contains("Module [", StringComparison.Ordinal) || v.Reference.Contains(".Contracts", StringComparison.Ordinal),
            "entry types and contracts are the host's way in");
    }

    [Fact]
    public void A_second_public_type_in_a_module_fails()
    {
        var verdict = EntryTypeRules.EachModuleHasExactlyOnePublicEntryType(Canaries).Evaluate();

        ArchitectureAssert.Reports(verdict, "CaseWork.Modules.CanaryB", "CaseWork.Modules.CanaryB.LeakedHelper");
        Assert.Single(verdict.Violations);
    }

    [Fact]
    public void A_DbContext_mapping_another_schema_or_pointing_a_foreign_key_into_it_fails()
    {
        var verdict = SchemaOwnershipRules.EachModuleMapsOnlyItsOwnSchema(Canaries).Evaluate();
        const string context = "CaseWork.Modules.CanaryB.Infrastructure.CanaryBDbContext";

        var borrowed = ArchitectureAssert.Reports(verdict, context, "BorrowedLedger");
        Assert.StartsWith("table canary_a.ledgers", borrowed.Detail, StringComparison.Ordinal);
        var foreignKey = ArchitectureAssert.Reports(verdict, context, "Payment -> BorrowedLedger");
        Assert.StartsWith("foreign key into schema canary_a", foreignKey.Detail, StringComparison.Ordinal);
        var history = ArchitectureAssert.Reports(verdict, context, "migrations history");
        Assert.StartsWith("kept in schema public", history.Detail, StringComparison.Ordinal);
        ArchitectureAssert.DoesNotReport(verdict, v => IsCanaryA(v.Subject), "CanaryA maps only canary_a");
        Assert.Equal(3, verdict.Violations.Count);
    }

    private static bool IsCanaryA(string subject) =>
        subject == "CaseWork.Modules.CanaryA" || subject.StartsWith("CaseWork.Modules.CanaryA.", StringComparison.Ordinal);
}
