using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>Decisions older than Decisions:RetentionDays are deleted when the site starts.</summary>
public sealed class DecisionRetentionTests
{
    [Fact]
    public async Task OldDecisionsAreDeletedAtStartUp()
    {
        using var site = new DecisionSite(new Dictionary<string, string?> { ["Decisions:RetentionDays"] = "30" });
        using var store = new SqliteDecisionLogStore(site.DatabasePath);
        await store.EnsureSchemaAsync();
        var applicant = new Applicant(100_000, 30, 5, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Rewa", "Madhya_Pradesh", 2, 4);
        await store.AppendAsync(
        [
            new DecisionRecord(DateTimeOffset.UtcNow.AddDays(-31), "api", "v1", "old", applicant, 0.1, 0.5, false, string.Empty),
            new DecisionRecord(DateTimeOffset.UtcNow.AddDays(-29), "api", "v1", "recent", applicant, 0.1, 0.5, false, string.Empty),
        ]);

        _ = site.Factory.Services;

        await Eventually.AssertAsync(async () => await store.CountAsync(new DecisionQuery()) == 1, "the old decision to be deleted");
        Assert.Equal("recent", Assert.Single(await store.SearchAsync(new DecisionQuery())).RequestId);
    }
}
