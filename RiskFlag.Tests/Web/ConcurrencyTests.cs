using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using RiskFlag.Web.Api;

namespace RiskFlag.Tests.Web;

/// <summary>The shared scorer under parallel load: same answers as one at a time, and a swap fails no request.</summary>
public sealed class ConcurrencyTests
{
    private const int Applicants = 200;
    private const int Parallelism = 16;

    /// <summary>Generous: the whole test suite runs beside this test on two cores.</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ManyParallelPredictionsEqualSequentialOnes()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var factory = new RiskFlagWebFactory(model);
        var client = factory.CreateClient();

        var sequential = new Dictionary<int, string>();
        for (var seed = 0; seed < Applicants; seed++)
        {
            sequential[seed] = await Predict(client, seed);
        }

        var parallel = new ConcurrentBag<(int Seed, string Body)>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Applicants * 3),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (i, _) => parallel.Add((i % Applicants, await Predict(client, i % Applicants))));

        Assert.Equal(Applicants * 3, parallel.Count);
        Assert.All(parallel, result => Assert.Equal(sequential[result.Seed], result.Body));
    }

    [Fact]
    public async Task ASwapUnderLoadFailsNoRequest()
    {
        var bundles = TrainedBundles.Shared;
        using var model = ModelDirectory.With(bundles.Primary);
        using var factory = new RiskFlagWebFactory(model, new Dictionary<string, string?> { ["Model:DebounceMilliseconds"] = "600000" });
        var client = factory.CreateClient();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var versions = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        var load = Enumerable.Range(0, Parallelism).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await client.PostAsync("/api/predict", JsonContent.Create(Web.Applicants.ToJson(Web.Applicants.Valid((worker * 1000) + i))));
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    versions.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("model_version").GetString()!);
                }
            }
        })).ToList();

        try
        {
            await Eventually.AssertAsync(() => Task.FromResult(statuses.Count > 200), "load to build up", LoadTimeout);
            model.Publish(bundles.Secondary);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/model/reload", null)).StatusCode);

            var afterSwap = statuses.Count;
            await Eventually.AssertAsync(() => Task.FromResult(statuses.Count > afterSwap + 200), "load to continue after the swap", LoadTimeout);
        }
        finally
        {
            // Stop the load whatever happened, so a failure here cannot starve the tests running beside this one.
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal([bundles.Primary.Manifest.Version, bundles.Secondary.Manifest.Version], versions.Distinct().Order(StringComparer.Ordinal));
    }

    private static async Task<string> Predict(HttpClient client, int seed)
    {
        var response = await client.PostAsync("/api/predict", JsonContent.Create(Web.Applicants.ToJson(Web.Applicants.Valid(seed))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Each answer names its own decision; the scores are what must be equal.
        return Web.DecisionIdText.WithoutInJson(await response.Content.ReadAsStringAsync());
    }
}
