using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;

namespace RiskFlag.Tests.Decisions;

/// <summary>The behaviour every decision-log store must have; run against SQLite and a real PostgreSQL.</summary>
public abstract class DecisionLogStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract IDecisionLogStore Store { get; }

    [Fact]
    public async Task Appended_decisions_come_back_exactly_newest_first()
    {
        await Store.EnsureSchemaAsync();
        var records = Enumerable.Range(0, 5).Select(i => Decision(Start.AddMinutes(i), flag: i % 2 == 0, version: "v1")).ToList();

        await Store.AppendAsync(records);

        var found = await Store.SearchAsync(new DecisionQuery());
        Assert.Equal(records.AsEnumerable().Reverse(), found);
    }

    [Fact]
    public async Task Search_filters_by_date_range_flag_model_version_and_channel()
    {
        await Store.EnsureSchemaAsync();
        await Store.AppendAsync(
        [
            Decision(Start, flag: true, version: "v1"),
            Decision(Start.AddDays(1), flag: false, version: "v1"),
            Decision(Start.AddDays(2), flag: true, version: "v2", channel: "batch"),
            Decision(Start.AddDays(3), flag: true, version: "v2"),
        ]);

        Assert.Equal(2, (await Store.SearchAsync(new DecisionQuery { From = Start.AddDays(1), To = Start.AddDays(3) })).Count);
        Assert.Equal(3, await Store.CountAsync(new DecisionQuery { Flag = true }));
        Assert.Equal(2, await Store.CountAsync(new DecisionQuery { ModelVersion = "v2" }));
        Assert.Equal(1, await Store.CountAsync(new DecisionQuery { ModelVersion = "v2", Channel = "batch" }));
        var first = await Store.PageAsync(new DecisionQuery { Flag = true, Limit = 1 });
        Assert.Equal(Start.AddDays(3), Assert.Single(first.Records).DecidedAt);
        Assert.Null(first.Newer);
        var second = await Store.PageAsync(new DecisionQuery { Flag = true, Limit = 1, Before = first.Older });
        Assert.Equal(Start.AddDays(2), Assert.Single(second.Records).DecidedAt);
    }

    [Fact]
    public async Task Retention_deletes_only_older_decisions()
    {
        await Store.EnsureSchemaAsync();
        await Store.AppendAsync([Decision(Start, true, "v1"), Decision(Start.AddDays(10), true, "v1"), Decision(Start.AddDays(20), true, "v1")]);

        Assert.Equal(1, await Store.DeleteOlderThanAsync(Start.AddDays(5)));
        Assert.Equal(2, await Store.CountAsync(new DecisionQuery()));
    }

    [Fact]
    public async Task Values_a_spreadsheet_or_sql_would_misread_are_stored_verbatim()
    {
        await Store.EnsureSchemaAsync();
        var odd = Decision(Start, true, "v1") with
        {
            Applicant = Decision(Start, true, "v1").Applicant with { City = "Khora,_Ghaziabad'; DROP TABLE decisions;--", Profession = "Hubli–Dharwad" },
            TopFactors = string.Concat(Enumerable.Repeat("City Hubli–Dharwad: +0.80; ", 40)), // longer than any stack buffer
        };

        await Store.AppendAsync([odd]);

        Assert.Equal(odd, Assert.Single(await Store.SearchAsync(new DecisionQuery())));
    }

    [Fact]
    public async Task Empty_text_is_stored_as_empty_not_null()
    {
        await Store.EnsureSchemaAsync();
        var plain = Decision(Start, false, "v1") with { TopFactors = string.Empty, RequestId = string.Empty };

        await Store.AppendAsync([plain]);

        Assert.Equal(plain, Assert.Single(await Store.SearchAsync(new DecisionQuery())));
    }

    [Fact]
    public async Task A_batch_with_a_bad_record_stores_none_of_it()
    {
        await Store.EnsureSchemaAsync();
        var bad = Decision(Start.AddMinutes(1), true, "v1") with { Channel = null! };

        await Assert.ThrowsAnyAsync<Exception>(() => Store.AppendAsync([Decision(Start, true, "v1"), bad]));

        Assert.Equal(0, await Store.CountAsync(new DecisionQuery()));
    }

    [Fact]
    public async Task Pages_of_overlapping_batches_come_newest_first_ties_latest_stored_first()
    {
        await Store.EnsureSchemaAsync();
        var random = new Random(5);
        var stored = new List<DecisionRecord>();
        for (var batch = 0; batch < 6; batch++)
        {
            // Batches overlap in time, as when several requests' decisions reach the writer out of order; some times repeat.
            var records = Enumerable.Range(0, 50)
                .Select(i => Decision(Start.AddSeconds(random.Next(0, 400)), random.Next(3) == 0, "v1") with { RequestId = $"{batch}/{i}" })
                .ToList();
            await Store.AppendAsync(records);
            stored.AddRange(records);
        }

        var expected = stored.Select((r, order) => (r, order)).OrderByDescending(x => x.r.DecidedAt).ThenByDescending(x => x.order).Select(x => x.r.RequestId).ToList();
        foreach (var limit in new[] { 1, 7, 25, 299, 300, 301 })
        {
            await AssertPagesWalkAsync(new DecisionQuery { Limit = limit }, expected);
        }

        var all = new List<string>();
        await foreach (var record in Store.ReadAllAsync(new DecisionQuery { Limit = 3, Before = new DecisionCursor(long.MinValue, 0, 0) }))
        {
            all.Add(record.RequestId);
        }

        Assert.Equal(expected, all);

        var flagged = stored.Select((r, order) => (r, order)).Where(x => x.r.Flag).OrderByDescending(x => x.r.DecidedAt).ThenByDescending(x => x.order).Select(x => x.r.RequestId).ToList();
        await AssertPagesWalkAsync(new DecisionQuery { Flag = true, Limit = 20 }, flagged);
        Assert.Equal(flagged.Count, await Store.CountAsync(new DecisionQuery { Flag = true }));
        var window = new DecisionQuery { From = Start.AddSeconds(100), To = Start.AddSeconds(200) };
        Assert.Equal(stored.Count(window.Matches), await Store.CountAsync(window));
    }

    [Fact]
    public async Task Counts_and_pages_agree_with_the_decisions_for_every_filter_across_mixed_batches()
    {
        await Store.EnsureSchemaAsync();
        var random = new Random(11);
        var stored = new List<DecisionRecord>();
        for (var batch = 0; batch < 12; batch++)
        {
            // Batches mix model versions and channels (a model swap, the form beside the API) and overlap in time.
            var records = Enumerable.Range(0, 1 + random.Next(60))
                .Select(i => Decision(Start.AddMinutes((batch * 30) + random.Next(-40, 40)), random.Next(4) == 0, random.Next(3) == 0 ? "v2" : "v1", random.Next(5) == 0 ? "form" : "api") with { RequestId = $"{batch}/{i}" })
                .ToList();
            await Store.AppendAsync(records);
            stored.AddRange(records);
        }

        var order = stored.Select((r, i) => (r, i)).OrderByDescending(x => x.r.DecidedAt).ThenByDescending(x => x.i).Select(x => x.r).ToList();
        var ranges = new (DateTimeOffset? From, DateTimeOffset? To)[] { (null, null), (Start.AddMinutes(95), null), (null, Start.AddMinutes(200)), (Start.AddMinutes(61), Start.AddMinutes(245)), (Start.AddMinutes(70), Start.AddMinutes(110)) };
        foreach (var (from, to) in ranges)
        {
            foreach (var flag in new bool?[] { null, true, false })
            {
                foreach (var (model, channel) in new (string?, string?)[] { (null, null), ("v2", null), (null, "form"), ("v1", "api"), ("none", null) })
                {
                    var query = new DecisionQuery { From = from, To = to, Flag = flag, ModelVersion = model, Channel = channel, Limit = 9 };
                    var matches = order.Where(query.Matches).Select(r => r.RequestId).ToList();
                    Assert.Equal(matches.Count, await Store.CountAsync(query));
                    await AssertPagesWalkAsync(query, matches);
                }
            }
        }
    }

    [Fact]
    public async Task Sparse_matches_across_many_hours_page_and_count_exactly()
    {
        await Store.EnsureSchemaAsync();
        // Every 20 minutes for two days; one in seven by v2, flagged now and then: a page of them spans many hours.
        var stored = Enumerable.Range(0, 144)
            .Select(i => Decision(Start.AddMinutes(20 * i), i % 5 == 0, i % 7 == 3 ? "v2" : "v1") with { RequestId = $"r{i}" })
            .ToList();
        foreach (var batch in stored.Chunk(10))
        {
            await Store.AppendAsync(batch);
        }

        var newestFirst = Enumerable.Reverse(stored).ToList();
        foreach (var query in new[]
        {
            new DecisionQuery { ModelVersion = "v2", Limit = 4 },
            new DecisionQuery { ModelVersion = "v2", Flag = true, Limit = 1 },
            new DecisionQuery { ModelVersion = "v2", From = Start.AddMinutes(130), To = Start.AddHours(30).AddMinutes(10), Limit = 3 },
            new DecisionQuery { Flag = false, From = Start.AddMinutes(50), Limit = 7 },
        })
        {
            var matches = newestFirst.Where(query.Matches).Select(r => r.RequestId).ToList();
            Assert.Equal(matches.Count, await Store.CountAsync(query));
            await AssertPagesWalkAsync(query, matches);
        }
    }

    [Fact]
    public async Task Cursors_that_point_nowhere_give_a_page_not_an_error()
    {
        await Store.EnsureSchemaAsync();
        await Store.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Decision(Start.AddMinutes(i), true, "v1"))]);

        Assert.Empty((await Store.PageAsync(new DecisionQuery { Before = new DecisionCursor(long.MinValue, 0, 0) })).Records);
        Assert.Equal(5, (await Store.PageAsync(new DecisionQuery { Before = new DecisionCursor(long.MaxValue, long.MaxValue, int.MaxValue) })).Records.Count);
        var past = await Store.PageAsync(new DecisionQuery { After = new DecisionCursor(long.MaxValue, long.MaxValue, int.MaxValue), Limit = 2 });
        Assert.Equal([Start.AddMinutes(4), Start.AddMinutes(3)], past.Records.Select(r => r.DecidedAt));
        Assert.Null(past.Newer);
    }

    [Fact]
    public async Task Retention_across_batches_keeps_exactly_the_newer_decisions()
    {
        await Store.EnsureSchemaAsync();
        var old = Enumerable.Range(0, 20).Select(i => Decision(Start.AddHours(i), true, "v1")).ToList();
        var straddling = Enumerable.Range(0, 20).Select(i => Decision(Start.AddDays(1).AddHours(i), false, "v1")).ToList();
        var recent = Enumerable.Range(0, 20).Select(i => Decision(Start.AddDays(3).AddHours(i), true, "v2")).ToList();
        foreach (var batch in new[] { old, straddling, recent })
        {
            await Store.AppendAsync(batch);
        }

        var cutoff = Start.AddDays(1).AddHours(12);

        Assert.Equal(20 + 12, await Store.DeleteOlderThanAsync(cutoff));
        var left = await Store.SearchAsync(new DecisionQuery { Limit = 1000 });
        Assert.Equal(straddling.Skip(12).Concat(recent).OrderByDescending(r => r.DecidedAt), left);
        Assert.Equal(left.Count, await Store.CountAsync(new DecisionQuery()));
        Assert.Equal(recent.Count, await Store.CountAsync(new DecisionQuery { Flag = true }));
        Assert.Equal(8, await Store.CountAsync(new DecisionQuery { ModelVersion = "v1" }));
        Assert.Equal(0, await Store.DeleteOlderThanAsync(cutoff));
    }

    [Fact]
    public async Task Concurrent_batches_are_all_stored()
    {
        await Store.EnsureSchemaAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(b => Store.AppendAsync(
            Enumerable.Range(0, 50).Select(i => Decision(Start.AddSeconds((b * 50) + i), i % 3 == 0, "v1")).ToList())));

        Assert.Equal(400, await Store.CountAsync(new DecisionQuery()));
    }

    /// <summary>
    /// Walks the pages older from the newest, checking each against the expected order, then walks back newer from the
    /// oldest page: every page is found from its neighbour's cursor alone and the walk back ends on the newest page.
    /// </summary>
    private async Task AssertPagesWalkAsync(DecisionQuery query, List<string> expected)
    {
        var pages = new List<DecisionPage>();
        var page = await Store.PageAsync(query);
        Assert.Null(page.Newer);
        while (true)
        {
            pages.Add(page);
            Assert.True(pages.Count <= expected.Count + 1, "the pages do not end");
            if (page.Older is null)
            {
                break;
            }

            page = await Store.PageAsync(query with { Before = page.Older });
            Assert.NotNull(page.Newer);
        }

        Assert.Equal(expected, pages.SelectMany(p => p.Records).Select(r => r.RequestId));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(query.Limit, p.Records.Count));

        for (var i = pages.Count - 1; i > 0; i--)
        {
            var newer = await Store.PageAsync(query with { After = pages[i].Newer });
            Assert.Equal(pages[i - 1].Records.Select(r => r.RequestId), newer.Records.Select(r => r.RequestId));
        }
    }

    protected static DecisionRecord Decision(DateTimeOffset at, bool flag, string version, string channel = "api") => new(
        at,
        channel,
        version,
        Guid.NewGuid().ToString("N"),
        new Applicant(1_250_000.5, 35, 8, MaritalStatus.Married, HouseOwnership.NoRentNoOwn, true, "Chef", "Pune", "Maharashtra", 3, 11),
        flag ? 0.61 : 0.04,
        0.25,
        flag,
        "City Pune: +0.12; Age 35: -0.05");
}
