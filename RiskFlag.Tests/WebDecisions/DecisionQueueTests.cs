using System.Net;
using System.Net.Http.Json;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Core.Decisions;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>A full queue costs the log a decision, never the applicant an answer — and it is counted.</summary>
public sealed class DecisionQueueTests
{
    [Fact]
    public async Task AFullQueueDropsAndCountsWithoutFailingTheRequest()
    {
        using var store = new BlockingStore();
        using var site = new DecisionSite(new Dictionary<string, string?> { ["Decisions:QueueCapacity"] = "2", ["Decisions:BatchSize"] = "1" });
        using var factory = site.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IDecisionLogStore>(store)));
        var client = factory.CreateClient();

        // The first decision is in the writer's hands (its append blocked) before the rest arrive, so what the queue
        // holds does not depend on how soon the writer's loop runs.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid(seed: 0)))).StatusCode);
        await Eventually.AssertAsync(() => Task.FromResult(store.Entered == 1), "the writer to hold the first decision");
        for (var i = 1; i < 8; i++)
        {
            var response = await client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid(seed: i)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // One record is held by the blocked writer, two wait in the queue, the other five were refused.
        var writer = factory.Services.GetRequiredService<DecisionLogWriter>();
        Assert.Equal(5, writer.Dropped);
        Assert.Equal(2, writer.Pending);

        store.Release();
        await Eventually.AssertAsync(() => Task.FromResult(writer.Written == 3), "the queued decisions to be written");
    }

    /// <summary>A store whose first append waits until released: the queue behind it fills up.</summary>
    private sealed class BlockingStore : IDecisionLogStore, IDisposable
    {
        private readonly SemaphoreSlim _gate = new(0);
        private int _appended;
        private int _entered;

        public int Entered => Volatile.Read(ref _entered);

        public void Release() => _gate.Release(int.MaxValue / 2);

        public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public async Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _entered);
            await _gate.WaitAsync(cancellationToken);
            Interlocked.Add(ref _appended, records.Count);
        }

        public Task<IReadOnlyList<DecisionRecord>> SearchAsync(DecisionQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DecisionRecord>>([]);

        public IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<DecisionRecord>();

        public Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default) => Task.FromResult((long)_appended);

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public void Dispose() => _gate.Dispose();
    }
}
