using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit.Schema;
using Xunit.Sdk;

namespace CaseWork.BuildingBlocks.Tests.Schema;

/// <summary>The drift check can fail: a store whose migration and model disagree is reported, in both directions.</summary>
public sealed class SchemaDriftCanaryTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_column_and_an_index_missing_from_the_migration_are_reported(DatabaseProvider provider)
    {
        var report = await SchemaDrift.CompareAsync<DriftedSampleDbContext>(provider, DriftedSampleDbContext.Store);

        Assert.True(report.HasDrift);
        Assert.Equal(2, report.OnlyInModel.Count);
        Assert.Contains(report.OnlyInModel, line => line.StartsWith("sample_records: column note ", StringComparison.Ordinal));
        Assert.Contains("sample_records: index ix_sample_records_reference (reference) UNIQUE", report.OnlyInModel);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_column_only_the_migration_creates_is_reported(DatabaseProvider provider)
    {
        var report = await SchemaDrift.CompareAsync<DriftedSampleDbContext>(provider, DriftedSampleDbContext.Store);

        var onlyAfterMigrations = Assert.Single(report.OnlyAfterMigrations);
        Assert.StartsWith("sample_records: column legacy_code ", onlyAfterMigrations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assertion_fails_the_test_with_a_diff()
    {
        var failure = await Assert.ThrowsAsync<FailException>(() =>
            SchemaDrift.AssertNoDriftAsync<DriftedSampleDbContext>(DatabaseProvider.Sqlite, DriftedSampleDbContext.Store));

        Assert.Contains("Schema drift in store 'drifted_sample' on Sqlite", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\n+ sample_records: column note TEXT NULL\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\n- sample_records: column legacy_code TEXT NULL\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\n+ sample_records: index ix_sample_records_reference (reference) UNIQUE\n", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_store_without_migrations_is_refused_rather_than_compared(DatabaseProvider provider)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SchemaDrift.CompareAsync<UnmigratedSampleDbContext>(provider, UnmigratedSampleDbContext.Store));

        Assert.Contains("has no migrations", error.Message, StringComparison.Ordinal);
    }
}
