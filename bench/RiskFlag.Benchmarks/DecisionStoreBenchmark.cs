using System.Diagnostics;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;

namespace RiskFlag.Benchmarks;

/// <summary>
/// What the decision log's writer costs per row, in wall time and in CPU time (the CPU it takes from the
/// requests on a busy site), writing batches the size the site's writer uses into a fresh SQLite file.
/// </summary>
public static class DecisionStoreBenchmark
{
    private const int BatchSize = 500;
    private const int Batches = 200;

    public static async Task<int> Run()
    {
        var directory = Directory.CreateTempSubdirectory("riskflag-decisions-bench-").FullName;
        try
        {
            using var store = new SqliteDecisionLogStore(Path.Combine(directory, "decisions.db"));
            await store.EnsureSchemaAsync();
            // Times only grow, as on a site, so the time indexes are appended to rather than split.
            var start = DateTimeOffset.UtcNow;
            var next = 0;
            DecisionRecord[] NextBatch() => [.. Enumerable.Range(0, BatchSize).Select(_ => Record(start, next++))];
            await store.AppendAsync(NextBatch()); // warm-up: JIT, statement cache, file growth
            for (var round = 0; round < 3; round++)
            {
                var batches = Enumerable.Range(0, Batches).Select(_ => NextBatch()).ToArray();
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < Batches; i++)
                {
                    await store.AppendAsync(batches[i]);
                }

                var wall = clock.Elapsed;
                process.Refresh();
                var used = process.TotalProcessorTime - cpu;
                const int rows = BatchSize * Batches;
                clock.Restart();
                foreach (var batch in batches)
                {
                    DecisionSegmentCodec.Encode(batch);
                }

                var encode = clock.Elapsed;
                Console.WriteLine(
                    $"sqlite append {rows:N0} rows in batches of {BatchSize}: {wall.TotalMilliseconds,7:0} ms wall, " +
                    $"{wall.TotalMicroseconds / rows,5:0.00} µs/row wall, {used.TotalMicroseconds / rows,5:0.00} µs/row CPU, of which encoding {encode.TotalMicroseconds / rows,5:0.00} µs/row");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static DecisionRecord Record(DateTimeOffset start, int i) => new(
        start.AddTicks(i * 500L), "api", "20261121-083000-abcdef12", $"0HN{i:D8}:00000001",
        new Applicant(1_303_834 + i, 23 + (i % 50), 3 + (i % 10), MaritalStatus.Single, HouseOwnership.Rented, false, "Mechanical_engineer", "Rewa", "Madhya_Pradesh", 3, 13),
        0.1234 + (i % 7) / 100.0, 0.31, i % 3 == 0, "City Rewa: +0.42; Age 23: +0.31; Income 1,303,834: -0.12");
}
