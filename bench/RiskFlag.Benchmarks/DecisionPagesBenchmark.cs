using System.Diagnostics;
using System.Globalization;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;

namespace RiskFlag.Benchmarks;

/// <summary>
/// What the Decisions page and its export cost on a large log: a SQLite log of <c>rows</c> decisions over 100 days
/// (two model versions, the three channels, about one in eight flagged), written in batches of <c>segment</c> as the
/// site's writer would, then every kind of page the page offers (first, deep, oldest, newer-from-deep, each filter,
/// a filter nothing matches), each with the count the page shows, timed after a warm-up, and the export of all of it.
/// Prints milliseconds (min / median / max of the repeats after the first; the first, which may read from disk, on
/// its own) and the bytes each request allocated.
/// </summary>
public static class DecisionPagesBenchmark
{
    private const int Repeats = 7;
    private const int PageSize = 50;
    internal static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private const string OldModel = "20260520-101500-a1b2c3d4";
    private const string NewModel = "20260910-093000-b7c1d2e3";
    internal static readonly TimeSpan Span = TimeSpan.FromDays(100);

    /// <param name="database">
    /// A SQLite file, reused when it exists (generating 10 M decisions takes minutes) and deleted at the end when not
    /// given; or a PostgreSQL connection string (<c>Host=…</c>), filled when its log is empty.
    /// </param>
    public static async Task<int> Run(long rows, int segment, string? database)
    {
        if (database?.Contains("Host=", StringComparison.OrdinalIgnoreCase) == true)
        {
            await using var postgres = new PostgresDecisionLogStore(database);
            await Measure(postgres, rows, segment, "PostgreSQL");
            return 0;
        }

        var keep = database is not null;
        database ??= Path.Combine(Directory.CreateTempSubdirectory("riskflag-pages-bench-").FullName, "decisions.db");
        try
        {
            using (var store = new SqliteDecisionLogStore(database))
            {
                await Measure(store, rows, segment, "SQLite");
            }

            Console.WriteLine($"SQLite file: {new FileInfo(database).Length / 1e6:N0} MB");
            return 0;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
            }
        }
    }

    private static async Task Measure(IDecisionLogStore store, long rows, int segment, string kind)
    {
        await store.EnsureSchemaAsync();
        if (await store.CountAsync(new DecisionQuery()) == 0)
        {
            await Generate(store, rows, segment);
        }

        Console.WriteLine($"{kind} log: {await store.CountAsync(new DecisionQuery()):N0} decisions, written in batches of {segment}");
        await MeasurePages(store);
        await MeasureExport(store);
    }

    private static async Task Generate(IDecisionLogStore store, long rows, int segment)
    {
        var clock = Stopwatch.StartNew();
        var step = Span.Ticks / rows;
        var batch = new List<DecisionRecord>(segment);
        for (long i = 0; i < rows; i++)
        {
            batch.Add(Record(i, Start.AddTicks(i * step), rows));
            if (batch.Count == segment || i == rows - 1)
            {
                await store.AppendAsync(batch);
                batch.Clear();
            }
        }

        Console.WriteLine($"generated {rows:N0} decisions in {clock.Elapsed.TotalSeconds:N0} s");
    }

    private static async Task MeasurePages(IDecisionLogStore store)
    {
        var middle = Start + Span / 2;
        var deep = new DecisionCursor(middle.ToUnixTimeMilliseconds(), long.MaxValue, int.MaxValue);
        var oldest = new DecisionCursor(Start.AddHours(1).ToUnixTimeMilliseconds(), long.MaxValue, int.MaxValue);
        var day = new DateTimeOffset(middle.UtcDateTime.Date, TimeSpan.Zero);
        var cases = new (string Name, DecisionQuery Query)[]
        {
            ("first page", new()),
            ("deep page (50 days back)", new() { Before = deep }),
            ("oldest pages (first hour)", new() { Before = oldest }),
            ("newer from deep", new() { After = deep }),
            ("flag=1", new() { Flag = true }),
            ("flag=1, deep", new() { Flag = true, Before = deep }),
            ("flag=0", new() { Flag = false }),
            ("model=old (40 days back)", new() { ModelVersion = OldModel }),
            ("model=new", new() { ModelVersion = NewModel }),
            ("model=missing (matches none)", new() { ModelVersion = "no-such-model" }),
            ("channel=form", new() { Channel = "form" }),
            ("channel=batch, flag=1, deep", new() { Channel = "batch", Flag = true, Before = deep }),
            ("one day (from/to)", new() { From = day, To = day.AddDays(1) }),
            ("one day, model=missing", new() { From = day, To = day.AddDays(1), ModelVersion = "no-such-model" }),
            ("to=9999-12-31", new() { To = DateTimeOffset.MaxValue }),
            ("from after the log", new() { From = Start + Span + TimeSpan.FromDays(1) }),
        };
        Console.WriteLine($"{"request (count + page of " + PageSize + ")",-36} {"page ms min/med/max",-22} {"count ms min/med/max",-22} {"alloc MB/request",16} {"1st ms",7} {"rows",5} matches");
        foreach (var (name, query) in cases)
        {
            var pageQuery = query with { Limit = PageSize };
            var countQuery = query with { Before = null, After = null };
            DecisionPage page = DecisionPage.Empty;
            long count = 0;
            var pageTimes = new List<double>();
            var countTimes = new List<double>();
            var allocated = new List<double>();
            var first = 0.0;
            for (var repeat = 0; repeat <= Repeats; repeat++)
            {
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                count = await store.CountAsync(countQuery);
                var counted = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                page = await store.PageAsync(pageQuery);
                var paged = clock.Elapsed.TotalMilliseconds;
                var used = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1e6;
                if (repeat == 0)
                {
                    first = counted + paged;
                }
                else
                {
                    countTimes.Add(counted);
                    pageTimes.Add(paged);
                    allocated.Add(used);
                }
            }

            Console.WriteLine($"{name,-36} {Spread(pageTimes),-22} {Spread(countTimes),-22} {allocated.Max(),16:0.00} {first,7:0.0} {page.Records.Count,5} {count:N0}");
        }
    }

    private static async Task MeasureExport(IDecisionLogStore store)
    {
        var process = Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        var heapPeak = 0L;
        var clock = Stopwatch.StartNew();
        long exported = 0;
        await foreach (var _ in store.ReadAllAsync(new DecisionQuery()))
        {
            if (++exported % 100_000 == 0)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        Console.WriteLine(
            $"export (every decision, newest first): {exported:N0} in {clock.Elapsed.TotalSeconds:N1} s, " +
            $"working set {before / 1e6:N0} MB before, peak {peak / 1e6:N0} MB (+{(peak - before) / 1e6:N0} MB), managed heap peak {heapPeak / 1e6:N0} MB");
    }

    private static string Spread(List<double> times)
    {
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"{times[0]:0.0} / {times[times.Count / 2]:0.0} / {times[^1]:0.0}");
    }

    /// <summary>
    /// The first 60 % of the log is decided by the older model. Batches mix the API and the form as live traffic
    /// does; every fifth batch is a batch upload's.
    /// </summary>
    internal static DecisionRecord Record(long i, DateTimeOffset at, long rows)
    {
        var hash = (ulong)i * 0x9E3779B97F4A7C15UL;
        var channel = i / 500 % 5 == 4 ? "batch" : hash % 10 == 0 ? "form" : "api";
        var model = i < rows * 6 / 10 ? OldModel : NewModel;
        var probability = (hash >> 11) / (double)(1UL << 53);
        var flag = probability >= 0.875;
        var applicant = new Applicant(
            200_000 + (i % 9_000_000), 21 + (int)(i % 58), (int)(i % 20), MaritalStatus.Single, HouseOwnership.Rented, i % 4 == 0,
            "Mechanical_engineer", "Rewa", "Madhya_Pradesh", (int)(i % 14), 10 + (int)(i % 5));
        return new DecisionRecord(
            at, channel, model, $"0HN{i:D10}:00000001", applicant, probability, 0.875, flag,
            "City Rewa: +0.42; Age 23: +0.31; Income 1,303,834: -0.12");
    }
}
