using System.Diagnostics;

using RiskFlag.Core.Synthetic;

namespace RiskFlag.Tests.Synthetic;

[CollectionDefinition(nameof(GenerationSpeedTests), DisableParallelization = true)]
[Collection(nameof(GenerationSpeedTests))]
public class GenerationSpeedTests
{
    [Fact]
    public void FullSizeDataIsGeneratedAndWrittenQuickly()
    {
        var generator = new SyntheticApplicantGenerator(9);
        generator.WriteCsv(Stream.Null, 1_000);

        var watch = Stopwatch.StartNew();
        generator.WriteCsv(Stream.Null, 252_000);
        watch.Stop();

        // Takes a few hundred milliseconds in Release; the margin absorbs Debug builds and busy CI.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
