using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;

namespace RiskFlag.Tests.Decisions;

/// <summary>The behaviour every decision-log store must have; run against SQLite and a real PostgreSQL.</summary>
public abstract class DecisionLogStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly int[] WideBatchHours = [7, 0, 10, 2, 5];

    private static readonly string[] SoughtApplicants = ["wide-5", "wide-2", "wide-7", "wide-0", "wide-10", "small-3-0", "small-14-12", "small-19-24", "late-4", "late-9"];

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

    [Fact]
    public async Task Find_returns_decisions_by_id_across_batches_including_ids_inside_a_segments_span()
    {
        await Store.EnsureSchemaAsync();
        var stored = new List<DecisionRecord>();
        async Task AppendAsync(List<DecisionRecord> batch)
        {
            await Store.AppendAsync(batch);
            stored.AddRange(batch);
        }

        // A wide batch, out of time order, whose middle decisions lie well inside its span; then many small batches that
        // overlap it and each other (merged into larger segments by the merging store); then a late batch from long ago.
        await AppendAsync([.. WideBatchHours.Select(h => Logged(Start.AddHours(h), $"wide-{h}"))]);
        for (var batch = 0; batch < 20; batch++)
        {
            await AppendAsync([.. Enumerable.Range(0, 1 + (batch % 5 * 6)).Select(i => Logged(Start.AddHours(1).AddMinutes((batch * 13) + i), $"small-{batch}-{i}"))]);
        }

        await AppendAsync([.. Enumerable.Range(0, 10).Select(i => Logged(Start.AddDays(-3).AddMinutes(i * 37), $"late-{i}"))]);
        await AppendAsync([Decision(Start.AddHours(5), true, "v1")]); // logged before decisions had ids

        var wanted = SoughtApplicants
            .Select(a => stored.Single(r => r.ApplicantId == a))
            .ToList();
        var found = await Store.FindAsync([.. wanted.Select(r => r.DecisionId)]);
        Assert.Equal(wanted.ToDictionary(r => r.DecisionId).OrderBy(p => p.Key), found.OrderBy(p => p.Key));

        foreach (var one in wanted)
        {
            Assert.Equal(one, Assert.Single(await Store.FindAsync([one.DecisionId])).Value);
        }

        var withIds = stored.Where(r => r.DecisionId != Guid.Empty).ToList();
        var everything = await Store.FindAsync([.. withIds.Select(r => r.DecisionId)]);
        Assert.Equal(withIds.Count, everything.Count);
        Assert.All(withIds, r => Assert.Equal(r, everything[r.DecisionId]));
    }

    [Fact]
    public async Task Find_returns_nothing_for_unknown_ids_and_the_empty_id()
    {
        await Store.EnsureSchemaAsync();
        Assert.Empty(await Store.FindAsync([DecisionIds.New(Start)]));

        var known = Enumerable.Range(0, 10).Select(i => Logged(Start.AddMinutes(i * 10))).ToList();
        await Store.AppendAsync(known);
        await Store.AppendAsync([Decision(Start.AddMinutes(15), true, "v1"), Decision(Start.AddMinutes(16), false, "v1")]);

        Assert.Empty(await Store.FindAsync([]));
        Assert.Empty(await Store.FindAsync([Guid.Empty]));
        Assert.Empty(await Store.FindAsync([
            DecisionIds.New(Start.AddMinutes(15)), // inside the known decisions' span
            DecisionIds.New(Start), // the very millisecond of a known decision
            DecisionIds.New(Start.AddYears(-3)),
            DecisionIds.New(Start.AddYears(3)),
            Guid.Parse("019a4c2e-7b1d-7c3a-9f00-1234567890ab"),
        ]));
        var mixed = await Store.FindAsync([Guid.Empty, known[3].DecisionId, DecisionIds.New(Start.AddMinutes(30)), known[3].DecisionId]);
        Assert.Equal(known[3], Assert.Single(mixed).Value);
    }

    [Fact]
    public async Task Find_returns_nothing_for_ids_that_are_not_version_7_or_are_dated_past_any_calendar()
    {
        await Store.EnsureSchemaAsync();
        await Store.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Logged(Start.AddMinutes(i)))]);

        // A random (version 4) id reads as some time between 1970 and the year 10889; a version 7 id can say any
        // 48-bit time. Neither is an error: the decision is simply not in the log.
        Assert.Empty(await Store.FindAsync([Guid.Parse("00000000-0000-4000-8000-000000000000"), Guid.Parse("7fffffff-ffff-4fff-bfff-ffffffffffff")]));
        Assert.Empty(await Store.FindAsync([Guid.Parse("ffffffff-ffff-7fff-bfff-ffffffffffff")]));
        Assert.Empty(await Store.FindAsync([Guid.Parse("ffffffff-ffff-4fff-bfff-ffffffffffff"), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]));
    }

    [Fact]
    public async Task Find_tells_apart_decisions_made_in_the_same_millisecond()
    {
        await Store.EnsureSchemaAsync();
        var at = Start.AddMilliseconds(1);
        var same = new List<DecisionRecord>();
        for (var batch = 0; batch < 3; batch++)
        {
            var records = Enumerable.Range(0, 40).Select(_ => Logged(at))
                .Append(Logged(at.AddMilliseconds(-1)))
                .Append(Logged(at.AddMilliseconds(1)))
                .ToList();
            await Store.AppendAsync(records);
            same.AddRange(records.Where(r => r.DecidedAt == at));
        }

        Assert.Equal(120, same.Select(r => r.DecisionId).Distinct().Count());
        var some = same.Where((_, i) => i % 7 == 0).ToList();
        var found = await Store.FindAsync([.. some.Select(r => r.DecisionId), DecisionIds.New(at)]);
        Assert.Equal(some.Count, found.Count);
        Assert.All(some, r => Assert.Equal(r, found[r.DecisionId]));
        Assert.Equal(same.Count, (await Store.FindAsync([.. same.Select(r => r.DecisionId)])).Count);
    }

    [Fact]
    public async Task Find_returns_exactly_the_known_ones_among_thousands_of_ids_over_many_batches()
    {
        await Store.EnsureSchemaAsync();
        var random = new Random(17);
        var stored = new List<DecisionRecord>();
        for (var batch = 0; batch < 30; batch++)
        {
            // Batches overlap in time: each covers about two hours, starting every hour.
            var records = Enumerable.Range(0, 100).Select(_ => Logged(Start.AddHours(batch).AddMilliseconds(random.Next(0, 7_200_000)), flag: random.Next(3) == 0)).ToList();
            await Store.AppendAsync(records);
            stored.AddRange(records);
        }

        var all = await Store.FindAsync([.. stored.Select(r => r.DecisionId)]);
        Assert.Equal(3_000, all.Count);
        Assert.All(stored, r => Assert.Equal(r, all[r.DecisionId]));

        var half = stored.Where(_ => random.Next(2) == 0).ToList();
        var unknown = Enumerable.Range(0, 500).Select(_ => DecisionIds.New(Start.AddMilliseconds(random.Next(0, 31 * 3_600_000)))).ToList();
        var found = await Store.FindAsync([.. half.Select(r => r.DecisionId).Concat(unknown).OrderBy(_ => random.Next())]);
        Assert.Equal(half.Select(r => r.DecisionId).Order(), found.Keys.Order());
    }

    [Fact]
    public async Task Find_after_retention_finds_the_kept_decisions_of_a_segment_it_cut_and_not_the_removed_ones()
    {
        await Store.EnsureSchemaAsync();
        var batch = Enumerable.Range(0, 24).Select(i => Logged(Start.AddHours(i))).ToList();
        await Store.AppendAsync(batch);

        await Store.DeleteOlderThanAsync(Start.AddHours(12));

        var found = await Store.FindAsync([.. batch.Select(r => r.DecisionId)]);
        Assert.Equal(batch.Skip(12).Select(r => r.DecisionId).Order(), found.Keys.Order());
    }

    [Fact]
    public async Task Find_by_applicant_gives_one_decision_or_two_of_several_and_ignores_unknown_and_empty_ids()
    {
        await Store.EnsureSchemaAsync();
        var once = Logged(Start, "A-1");
        var thrice = new[] { Logged(Start.AddMinutes(1), "A-2"), Logged(Start.AddDays(1), "A-2"), Logged(Start.AddDays(2), "A-2") };
        var twice = new[] { Logged(Start.AddMinutes(2), "A-3"), Logged(Start.AddMinutes(3), "A-3") };
        await Store.AppendAsync([once, thrice[0], twice[0], Logged(Start.AddMinutes(4)), Logged(Start.AddMinutes(5))]);
        await Store.AppendAsync([thrice[1], twice[1]]);
        await Store.AppendAsync([thrice[2], Decision(Start.AddMinutes(6), true, "v1") with { ApplicantId = "A-4" }, Decision(Start.AddMinutes(7), true, "v1")]);

        var found = await Store.FindByApplicantAsync(["A-1", "A-2", "A-3", "A-4", "a-1", "nobody", ""]);

        Assert.Equal(once, Assert.Single(found["A-1"]));
        Assert.Equal(2, found["A-2"].Count);
        Assert.All(found["A-2"], r => Assert.Contains(r, thrice));
        Assert.Equal(2, found["A-2"].Distinct().Count());
        Assert.Equal(twice.OrderBy(r => r.DecisionId), found["A-3"].OrderBy(r => r.DecisionId));
        foreach (var none in new[] { "A-4", "a-1", "nobody", "" })
        {
            Assert.Empty(found.GetValueOrDefault(none) ?? []); // decisions logged without an id cannot take an outcome
        }

        Assert.Empty(await Store.FindByApplicantAsync([]));
        Assert.Empty(await Store.FindByApplicantAsync([""]));
        Assert.DoesNotContain(await Store.FindByApplicantAsync(["nobody", ""]), p => p.Value.Count > 0);
        Assert.Equal(once, Assert.Single(Assert.Single(await Store.FindByApplicantAsync(["A-1", "A-1", ""])).Value));
    }

    /// <summary>A decision as the writer logs it now: with its id, whose time is the decision's.</summary>
    protected static DecisionRecord Logged(DateTimeOffset at, string applicantId = "", bool flag = false, string version = "v1", string channel = "api")
    {
        var id = DecisionIds.New(at);
        return Decision(DecisionIds.TimeOf(id), flag, version, channel) with { DecisionId = id, ApplicantId = applicantId };
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
