using RiskFlag.Core.Decisions;
using RiskFlag.Core.Outcomes;

namespace RiskFlag.Tests.Outcomes;

/// <summary>The behaviour every outcome store must have; run against SQLite and a real PostgreSQL.</summary>
public abstract class OutcomeStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Received = new(2027, 3, 1, 9, 30, 0, TimeSpan.Zero);

    protected abstract IOutcomeStore Store { get; }

    [Fact]
    public async Task New_outcomes_are_stored_and_read_back_exactly_oldest_decision_first()
    {
        await Store.EnsureSchemaAsync();
        var outcomes = new[]
        {
            Outcome(Start.AddHours(2), true, observed: Start.AddDays(90).AddMilliseconds(123)),
            Outcome(Start, false, model: "v2", channel: "batch"),
            Outcome(Start.AddHours(1), true, observed: Start.AddHours(1)) with { Probability = 0.123456789012345, Threshold = 0.3333333333333333 },
        };

        var answers = await Store.RecordAsync(outcomes);

        Assert.Equal([null, null, null], answers);
        Assert.Equal(outcomes.OrderBy(o => o.DecidedAt), await ReadAsync(new OutcomeQuery()));
    }

    [Fact]
    public async Task Recording_nothing_answers_nothing()
    {
        await Store.EnsureSchemaAsync();

        Assert.Empty(await Store.RecordAsync([]));
        Assert.Empty(await ReadAsync(new OutcomeQuery()));
    }

    [Fact]
    public async Task The_schema_can_be_ensured_again_without_losing_outcomes()
    {
        await Store.EnsureSchemaAsync();
        var outcome = Outcome(Start, true);
        await Store.RecordAsync([outcome]);

        await Store.EnsureSchemaAsync();

        Assert.Equal(outcome, Assert.Single(await ReadAsync(new OutcomeQuery())));
    }

    [Fact]
    public async Task A_repeated_outcome_answers_the_recorded_value_whether_the_same_or_not_and_the_first_stays()
    {
        await Store.EnsureSchemaAsync();
        var defaulted = Outcome(Start, true, observed: Start.AddDays(30));
        var repaid = Outcome(Start.AddMinutes(1), false);
        await Store.RecordAsync([defaulted, repaid]);
        var fresh = Outcome(Start.AddMinutes(2), false);

        var answers = await Store.RecordAsync([
            defaulted with { RecordedAt = Received.AddDays(1), ObservedAt = Start.AddDays(31) },
            repaid with { Defaulted = true, RecordedAt = Received.AddDays(1), ObservedAt = Start.AddDays(40) },
            fresh,
            defaulted with { Defaulted = false },
        ]);

        Assert.Equal([true, false, null, true], answers);
        Assert.Equal([defaulted, repaid, fresh], await ReadAsync(new OutcomeQuery()));
    }

    [Fact]
    public async Task The_same_decision_twice_in_one_call_is_stored_once_the_first_value_answered_to_the_second()
    {
        await Store.EnsureSchemaAsync();
        var a = Outcome(Start, true);
        var b = Outcome(Start.AddMinutes(1), false);
        var c = Outcome(Start.AddMinutes(2), true);

        var answers = await Store.RecordAsync([a, a, b, b with { Defaulted = true }, c, b, a with { Defaulted = false }]);

        Assert.Equal([null, true, null, false, null, false, true], answers);
        Assert.Equal([a, b, c], await ReadAsync(new OutcomeQuery()));
    }

    [Fact]
    public async Task A_decision_already_stored_and_repeated_in_one_call_answers_the_stored_value_every_time()
    {
        await Store.EnsureSchemaAsync();
        var a = Outcome(Start, false);
        await Store.RecordAsync([a]);

        Assert.Equal([false, false, false], await Store.RecordAsync([a with { Defaulted = true }, a, a with { Defaulted = true }]));
        Assert.Equal(a, Assert.Single(await ReadAsync(new OutcomeQuery())));
    }

    [Fact]
    public async Task Recording_the_same_outcomes_again_changes_nothing()
    {
        await Store.EnsureSchemaAsync();
        var outcomes = Enumerable.Range(0, 300).Select(i => Outcome(Start.AddMinutes(i), i % 3 == 0, observed: i % 2 == 0 ? Start.AddDays(60) : null)).ToList();
        Assert.All(await Store.RecordAsync(outcomes), Assert.Null);
        var before = await ReadAsync(new OutcomeQuery());

        var again = await Store.RecordAsync([.. outcomes.Select(o => o with { RecordedAt = Received.AddDays(7) })]);

        Assert.Equal(outcomes.Select(o => (bool?)o.Defaulted), again);
        Assert.Equal(before, await ReadAsync(new OutcomeQuery()));
        Assert.Equal(outcomes, before);
    }

    [Fact]
    public async Task Read_filters_by_decision_time_model_version_and_channel()
    {
        await Store.EnsureSchemaAsync();
        var random = new Random(3);
        var outcomes = Enumerable.Range(0, 200)
            .Select(i => Outcome(
                Start.AddMinutes(random.Next(0, 600)),
                random.Next(4) == 0,
                model: random.Next(3) == 0 ? "v2" : "v1",
                channel: random.Next(5) switch { 0 => "form", 1 => "batch", _ => "api" }))
            .ToList();
        foreach (var part in outcomes.Chunk(37))
        {
            await Store.RecordAsync(part);
        }

        foreach (var (from, to) in new (DateTimeOffset?, DateTimeOffset?)[]
        {
            (null, null), (Start.AddMinutes(100), null), (null, Start.AddMinutes(300)), (Start.AddMinutes(120), Start.AddMinutes(121)),
            (outcomes[5].DecidedAt, outcomes[5].DecidedAt), (outcomes[7].DecidedAt, outcomes[7].DecidedAt.AddMilliseconds(1)), (Start.AddDays(1), null),
        })
        {
            foreach (var (model, channel) in new (string?, string?)[] { (null, null), ("v2", null), (null, "form"), ("v1", "api"), ("v3", null), (string.Empty, string.Empty) })
            {
                var query = new OutcomeQuery(from, to, model, channel);
                var expected = SortedAsStored(outcomes.Where(query.Matches));
                Assert.Equal(expected, await ReadAsync(query));
            }
        }

        Assert.Contains(outcomes[7], await ReadAsync(new OutcomeQuery(outcomes[7].DecidedAt, outcomes[7].DecidedAt.AddMilliseconds(1))));
        Assert.Empty(await ReadAsync(new OutcomeQuery(outcomes[5].DecidedAt, outcomes[5].DecidedAt)));
    }

    [Fact]
    public async Task Outcomes_of_decisions_made_at_the_same_time_come_in_decision_id_order()
    {
        await Store.EnsureSchemaAsync();
        var outcomes = Enumerable.Range(0, 60).Select(i => Outcome(Start.AddMilliseconds(i % 3), i % 2 == 0)).ToList();
        await Store.RecordAsync([.. outcomes.OrderByDescending(o => o.DecisionId)]);

        var read = await ReadAsync(new OutcomeQuery());

        Assert.Equal(SortedAsStored(outcomes), read);
        Assert.Equal(outcomes.Count, read.Select(o => o.DecisionId).Distinct().Count());
    }

    [Fact]
    public async Task Observed_at_round_trips_absent_or_to_the_millisecond()
    {
        await Store.EnsureSchemaAsync();
        var without = Outcome(Start, true, observed: null);
        var with = Outcome(Start.AddSeconds(1), true, observed: new DateTimeOffset(2027, 2, 28, 23, 59, 59, 999, TimeSpan.Zero));
        var early = Outcome(Start.AddSeconds(2), false, observed: DateTimeOffset.UnixEpoch);

        await Store.RecordAsync([without, with, early]);

        var read = await ReadAsync(new OutcomeQuery());
        Assert.Equal([without, with, early], read);
        Assert.Null(read[0].ObservedAt);
    }

    [Fact]
    public async Task Retention_removes_the_outcomes_of_older_decisions_only()
    {
        await Store.EnsureSchemaAsync();
        var outcomes = Enumerable.Range(0, 30).Select(i => Outcome(Start.AddHours(i), i % 2 == 0)).ToList();
        await Store.RecordAsync(outcomes);

        Assert.Equal(0, await Store.DeleteOlderThanAsync(Start));
        Assert.Equal(12, await Store.DeleteOlderThanAsync(Start.AddHours(12)));

        Assert.Equal(outcomes.Skip(12), await ReadAsync(new OutcomeQuery()));
        Assert.Equal(0, await Store.DeleteOlderThanAsync(Start.AddHours(12)));
        Assert.Equal(1, await Store.DeleteOlderThanAsync(Start.AddHours(12).AddMilliseconds(1)));

        // A removed outcome is gone: posting it again stores it anew.
        Assert.Equal([null, false], await Store.RecordAsync([outcomes[3], outcomes[13]]));
        Assert.Equal(18, await Store.DeleteOlderThanAsync(Start.AddYears(1)));
        Assert.Empty(await ReadAsync(new OutcomeQuery()));
    }

    [Fact]
    public async Task Concurrent_posts_of_overlapping_outcomes_store_each_once_and_answer_new_to_exactly_one()
    {
        await Store.EnsureSchemaAsync();
        for (var round = 0; round < 5; round++)
        {
            var ids = Enumerable.Range(0, 1_500).Select(i => Outcome(Start.AddDays(round).AddSeconds(i), false)).ToList();

            // Both posts hold ids 500..999, in opposite orders and with opposite values; each also holds ids of its own.
            var first = ids.Take(1_000).Select(o => o with { Defaulted = true }).ToList();
            var second = ids.Skip(500).Reverse().ToList();
            var answers = await Task.WhenAll(Task.Run(() => Store.RecordAsync(first)), Task.Run(() => Store.RecordAsync(second)));

            var stored = (await ReadAsync(new OutcomeQuery(Start.AddDays(round), Start.AddDays(round + 1)))).ToDictionary(o => o.DecisionId);
            Assert.Equal(1_500, stored.Count);
            var told = first.Select((o, i) => (o.DecisionId, Post: 0, Answer: answers[0][i]))
                .Concat(second.Select((o, i) => (o.DecisionId, Post: 1, Answer: answers[1][i])))
                .ToLookup(x => x.DecisionId);
            foreach (var id in ids.Select(o => o.DecisionId))
            {
                var mine = told[id].ToList();
                var storedBy = Assert.Single(mine, x => x.Answer is null);
                Assert.Equal(storedBy.Post == 0, stored[id].Defaulted);

                // The other post, if it had this id, is told the value the first one stored.
                Assert.All(mine.Where(x => x.Answer is not null), x => Assert.Equal(stored[id].Defaulted, x.Answer));
            }
        }
    }

    private async Task<List<OutcomeRecord>> ReadAsync(OutcomeQuery query)
    {
        var read = new List<OutcomeRecord>();
        await foreach (var outcome in Store.ReadAsync(query))
        {
            read.Add(outcome);
        }

        return read;
    }

    /// <summary>By decision time, then by the decision id's bytes as stored (RFC 9562 order, its text's order).</summary>
    private static List<OutcomeRecord> SortedAsStored(IEnumerable<OutcomeRecord> outcomes) =>
        [.. outcomes.OrderBy(o => o.DecidedAt).ThenBy(o => o.DecisionId.ToString("N"), StringComparer.Ordinal)];

    /// <summary>An outcome of a decision made at <paramref name="decidedAt"/>, under a version 7 id that says so.</summary>
    protected static OutcomeRecord Outcome(DateTimeOffset decidedAt, bool defaulted, string model = "v1", string channel = "api", DateTimeOffset? observed = null)
    {
        var id = DecisionIds.New(decidedAt);
        return new OutcomeRecord(id, defaulted, observed, Received, DecisionIds.TimeOf(id), model, channel, defaulted ? 0.61 : 0.04, 0.25);
    }
}
