using System.Net;
using System.Net.Http.Json;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Core.Decisions;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>
/// An answer waits for its decision's commit; a full queue refuses the decision at once, and the request answers 503
/// with Retry-After instead of a prediction the log does not hold — counted, and never a wait for room.
/// </summary>
public sealed class DecisionQueueTests
{
    [Fact]
    public async Task AnswersWaitForTheCommitAndAFullQueueAnswers503()
    {
        using var store = new BlockingStore();
        using var site = new DecisionSite(new Dictionary<string, string?> { ["Decisions:QueueCapacity"] = "2", ["Decisions:BatchSize"] = "1" });
        using var factory = site.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IDecisionLogStore>(store)));
        var client = factory.CreateClient();

        // The first decision is in the writer's hands (its append blocked) before the rest arrive, so what the queue
        // holds does not depend on how soon the writer's loop runs.
        var first = client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid(seed: 0)));
        await Eventually.AssertAsync(() => Task.FromResult(store.Entered == 1), "the writer to hold the first decision");
        var queued = Enumerable.Range(1, 2).Select(i => client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid(seed: i)))).ToList();
        var writer = factory.Services.GetRequiredService<DecisionLogWriter>();
        await Eventually.AssertAsync(() => Task.FromResult(writer.Pending == 2), "two decisions to wait in the queue");

        for (var i = 3; i < 8; i++)
        {
            using var refused = await client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid(seed: i)));
            var refusal = await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("busy", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        }

        // Nothing stored yet, so nothing answered yet: the three accepted requests are still waiting.
        Assert.False(first.IsCompleted);
        Assert.All(queued, request => Assert.False(request.IsCompleted));
        Assert.Equal(5, writer.Dropped);

        store.Release();
        foreach (var answer in await Task.WhenAll([first, .. queued]))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            answer.Dispose();
        }

        Assert.Equal(3, writer.Written);
        Assert.Equal(3, store.Appended);
    }

    [Fact]
    public async Task AStoreThatFailsAnswers503AndNoPrediction()
    {
        var store = new FailingStore();
        using var site = new DecisionSite();
        using var factory = site.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IDecisionLogStore>(store)));
        var client = factory.CreateClient();

        using var single = await client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid(seed: 0)));
        var problem = await ProblemAssertions.AssertProblemAsync(single, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("could not store", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("probability", out _));

        using var several = await client.PostAsJsonAsync("/api/predict", new[] { Applicants.ToJson(Applicants.Valid(seed: 1)), Applicants.ToJson(Applicants.Valid(seed: 2)) });
        await ProblemAssertions.AssertProblemAsync(several, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(3, factory.Services.GetRequiredService<DecisionLogWriter>().Failed);
    }

    /// <summary>A store whose first append waits until released: the queue behind it fills up.</summary>
    private sealed class BlockingStore : IDecisionLogStore, IDisposable
    {
        private readonly SemaphoreSlim _gate = new(0);
        private int _appended;
        private int _entered;

        public int Entered => Volatile.Read(ref _entered);

        public int Appended => Volatile.Read(ref _appended);

        public void Release() => _gate.Release(int.MaxValue / 2);

        public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public async Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _entered);
            await _gate.WaitAsync(cancellationToken);
            Interlocked.Add(ref _appended, records.Count);
        }

        public Task<DecisionPage> PageAsync(DecisionQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(DecisionPage.Empty);

        public IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<DecisionRecord>();

        public Task<IReadOnlyDictionary<Guid, DecisionRecord>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, IReadOnlyList<DecisionRecord>>> FindByApplicantAsync(IReadOnlyCollection<string> applicantIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default) => Task.FromResult((long)_appended);

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public void Dispose() => _gate.Dispose();
    }

    private sealed class FailingStore : IDecisionLogStore
    {
        public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default) =>
            throw new IOException("disk full");

        public Task<DecisionPage> PageAsync(DecisionQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(DecisionPage.Empty);

        public IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<DecisionRecord>();

        public Task<IReadOnlyDictionary<Guid, DecisionRecord>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, IReadOnlyList<DecisionRecord>>> FindByApplicantAsync(IReadOnlyCollection<string> applicantIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default) => Task.FromResult(0L);

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => Task.FromResult(0);
    }
}
