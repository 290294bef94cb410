using Microsoft.Extensions.Options;

using RiskFlag.Web.Batch;

namespace RiskFlag.Tests.Web;

public sealed class BatchResultStoreTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("riskflag-web-store-");
    private readonly ManualClock _clock = new();

    [Fact]
    public void AKeptFileIsFoundUntilItExpiresAndIsThenDeleted()
    {
        using var store = new BatchResultStore(Options.Create(new BatchOptions { WorkDirectory = _work.FullName, ResultLifetimeMinutes = 30 }), _clock);
        var path = store.NewFilePath(".csv");
        File.WriteAllText(path, "a,b\n");

        var id = store.Keep(path, "scored.csv");

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.True(store.TryGet(id, out var found));
        Assert.Equal(("scored.csv", path), (found.DownloadName, found.Path));

        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.False(store.TryGet(id, out _));
        store.Sweep();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void DisposingTheStoreDeletesWhatItKept()
    {
        var store = new BatchResultStore(Options.Create(new BatchOptions { WorkDirectory = _work.FullName }), _clock);
        var path = store.NewFilePath(".csv");
        File.WriteAllText(path, "x");
        store.Keep(path, "x.csv");

        store.Dispose();

        Assert.False(File.Exists(path));
    }

    public void Dispose() => _work.Delete(recursive: true);
}
