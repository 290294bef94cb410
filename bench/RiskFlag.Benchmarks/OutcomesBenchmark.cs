using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Outcomes;

namespace RiskFlag.Benchmarks;

/// <summary>
/// What posting outcomes costs on a large log: a SQLite log of <c>rows</c> decisions over 100 days (as in
/// <see cref="DecisionPagesBenchmark"/>, each with its own id), then <c>outcomes</c> outcomes for decisions spread over
/// the whole log posted as one CSV file, the same file again (all duplicates), 1,000 rows by applicant Id (a pass over
/// the log), and live performance over everything recorded. Prints seconds, rows per second, allocated MB and the
/// process's peak working set.
/// </summary>
public static class OutcomesBenchmark
{
    public static async Task<int> Run(long rows, int outcomes, string? database)
    {
        var keep = database is not null;
        database ??= Path.Combine(Directory.CreateTempSubdirectory("riskflag-outcomes-bench-").FullName, "decisions.db");
        try
        {
            using var decisions = new SqliteDecisionLogStore(database);
            var store = new SqliteOutcomeStore(database);
            await decisions.EnsureSchemaAsync();
            await store.EnsureSchemaAsync();
            if (await decisions.CountAsync(new DecisionQuery()) == 0)
            {
                await Generate(decisions, rows);
            }

            Console.WriteLine($"SQLite log: {await decisions.CountAsync(new DecisionQuery()):N0} decisions; posting {outcomes:N0} outcomes spread over it");
            var ingestion = new OutcomeIngestion(decisions, store, TimeProvider.System);
            var file = OutcomesFile(rows, outcomes);
            await Timed("post (new)", outcomes, () => ingestion.IngestAsync(OutcomeFileReader.Read(new MemoryStream(file))));
            await Timed("post again (duplicates)", outcomes, () => ingestion.IngestAsync(OutcomeFileReader.Read(new MemoryStream(file))));
            var byApplicant = Encoding.UTF8.GetBytes("Id,risk_flag\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"no-such-applicant-{i},1\n")));
            await Timed("1,000 rows by applicant Id", 1_000, () => ingestion.IngestAsync(OutcomeFileReader.Read(new MemoryStream(byApplicant))));
            await Timed("live performance (all outcomes)", outcomes, async () =>
            {
                var measured = await LivePerformanceCalculator.MeasureAsync(store, new OutcomeQuery(), 200);
                return new OutcomeReport(measured.Sum(m => m.Channel == LivePerformance.AllChannels ? m.Outcomes : 0), 0, 0, 0, 0, 0, []);
            });
            Console.WriteLine($"SQLite file: {new FileInfo(database).Length / 1e6:N0} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
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

    private static async Task Timed(string name, int rows, Func<Task<OutcomeReport>> run)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var report = await run();
        var seconds = clock.Elapsed.TotalSeconds;
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {seconds,8:0.00} s {rows / seconds,12:N0} rows/s {allocated,10:N0} MB allocated   read {report.Read:N0}, matched {report.Matched:N0}, duplicate {report.Duplicate:N0}, unknown {report.Unknown:N0}"));
    }

    private static async Task Generate(SqliteDecisionLogStore store, long rows)
    {
        var clock = Stopwatch.StartNew();
        var step = DecisionPagesBenchmark.Span.Ticks / rows;
        var batch = new List<DecisionRecord>(500);
        for (long i = 0; i < rows; i++)
        {
            var id = IdOf(i, rows);
            batch.Add(DecisionPagesBenchmark.Record(i, DecisionPagesBenchmark.Start.AddTicks(i * step), rows) with { DecidedAt = DecisionIds.TimeOf(id), DecisionId = id });
            if (batch.Count == 500 || i == rows - 1)
            {
                await store.AppendAsync(batch);
                batch.Clear();
            }
        }

        Console.WriteLine($"generated {rows:N0} decisions in {clock.Elapsed.TotalSeconds:N0} s");
    }

    /// <summary>Decision i's id: its time as the log has it, and random bits from i, so the file can name it again.</summary>
    private static Guid IdOf(long i, long rows)
    {
        var at = DecisionPagesBenchmark.Start.AddTicks(i * (DecisionPagesBenchmark.Span.Ticks / rows)).ToUnixTimeMilliseconds();
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, ((ulong)at << 16) | 0x7000 | ((ulong)i & 0xFFF));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (0x8000_0000_0000_0000UL | ((ulong)i * 0x9E3779B97F4A7C15UL >> 2)));
        return new Guid(bytes, bigEndian: true);
    }

    private static byte[] OutcomesFile(long rows, int outcomes)
    {
        var text = new StringBuilder("decision_id,risk_flag\n");
        var step = rows / outcomes;
        for (var k = 0; k < outcomes; k++)
        {
            var i = (k * step) + (k % Math.Max(1, step));
            text.Append(IdOf(i, rows)).Append(',').Append(k % 8 == 0 ? '1' : '0').Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
