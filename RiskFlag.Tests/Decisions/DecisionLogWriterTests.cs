using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;

namespace RiskFlag.Tests.Decisions;

public class DecisionLogWriterTests
{
    [Fact]
    public async Task Completing_writes_every_queued_decision()
    {
        var store = new RecordingStore();
        var queue = new DecisionLogWriter(store, capacity: 10_000, batchSize: 64);
        var writer = Task.Run(() => queue.RunAsync());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                Assert.True(queue.TryEnqueue(Decision($"{t}-{i}")));
            }
        })));
        queue.Complete();
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(4000, store.Records.Count);
        Assert.Equal(4000, store.Records.Select(r => r.RequestId).Distinct().Count());
        Assert.Equal(4000, queue.Written);
        Assert.Equal(0, queue.Dropped);
        Assert.True(store.Batches.All(b => b <= 64));
    }

    [Fact]
    public void A_full_queue_drops_and_counts_instead_of_blocking()
    {
        var queue = new DecisionLogWriter(new RecordingStore(), capacity: 3);
        var reported = new List<long>();
        queue.RecordDropped += reported.Add;

        var accepted = Enumerable.Range(0, 5).Count(i => queue.TryEnqueue(Decision(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(3, accepted);
        Assert.Equal(2, queue.Dropped);
        Assert.Equal([1L, 2L], reported);
    }

    [Fact]
    public async Task A_failing_store_is_counted_and_the_writer_keeps_going()
    {
        var store = new RecordingStore { FailFirst = true };
        var queue = new DecisionLogWriter(store, batchSize: 2);
        var failures = 0;
        queue.BatchFailed += (_, count) => failures += count;

        queue.TryEnqueue(Decision("a"));
        queue.TryEnqueue(Decision("b"));
        var writer = Task.Run(() => queue.RunAsync());
        await Eventually(() => queue.Failed == 2);
        queue.TryEnqueue(Decision("c"));
        queue.Complete();
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, failures);
        Assert.Equal(["c"], store.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task A_commit_completes_only_after_the_store_has_taken_its_batch()
    {
        var store = new RecordingStore();
        var queue = new DecisionLogWriter(store, batchSize: 10);
        var commit = new DecisionCommit();
        Assert.True(queue.TryEnqueue(Decision("a"), commit));
        Assert.True(queue.TryEnqueue(Decision("b"), commit));
        var waiting = commit.WaitAsync();
        Assert.False(waiting.IsCompleted);

        var writer = Task.Run(() => queue.RunAsync());
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["a", "b"], store.Records.Select(r => r.RequestId));
        Assert.Equal(2, commit.Stored);
        queue.Complete();
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_refused_or_failed_decision_fails_its_commit()
    {
        var full = new DecisionLogWriter(new RecordingStore(), capacity: 1);
        Assert.True(full.TryEnqueue(Decision("a")));
        var refused = new DecisionCommit();
        Assert.False(full.TryEnqueue(Decision("b"), refused));
        var busy = await Assert.ThrowsAsync<DecisionNotRecordedException>(refused.WaitAsync);
        Assert.Equal(DecisionNotRecordedReason.QueueFull, busy.Reason);

        var store = new RecordingStore { FailFirst = true };
        var failing = new DecisionLogWriter(store, batchSize: 10);
        var lost = new DecisionCommit();
        failing.TryEnqueue(Decision("c"), lost);
        var writer = Task.Run(() => failing.RunAsync());
        var failure = await Assert.ThrowsAsync<DecisionNotRecordedException>(() => lost.WaitAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(DecisionNotRecordedReason.StoreFailed, failure.Reason);
        Assert.IsType<InvalidOperationException>(failure.InnerException);

        failing.Complete();
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        var closed = new DecisionCommit();
        Assert.False(failing.TryEnqueue(Decision("d"), closed));
        Assert.Equal(DecisionNotRecordedReason.Closed, (await Assert.ThrowsAsync<DecisionNotRecordedException>(closed.WaitAsync)).Reason);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(10);
        }
    }

    private static DecisionRecord Decision(string requestId) => new(
        DateTimeOffset.UtcNow, "api", "v1", requestId,
        new Applicant(1, 30, 1, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Pune", "Maharashtra", 1, 11),
        0.1, 0.2, false, string.Empty);

    private sealed class RecordingStore : IDecisionLogStore
    {
        private readonly Lock _gate = new();

        public bool FailFirst { get; set; }

        public List<DecisionRecord> Records { get; } = [];

        public List<int> Batches { get; } = [];

        public Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                if (FailFirst)
                {
                    FailFirst = false;
                    throw new InvalidOperationException("database unavailable");
                }

                Records.AddRange(records);
                Batches.Add(records.Count);
            }

            return Task.CompletedTask;
        }

        public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<DecisionPage> PageAsync(DecisionQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<Guid, DecisionRecord>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, IReadOnlyList<DecisionRecord>>> FindByApplicantAsync(IReadOnlyCollection<string> applicantIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
