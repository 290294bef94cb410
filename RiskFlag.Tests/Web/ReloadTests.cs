using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.IO;
using RiskFlag.Core.Model;
using RiskFlag.Training.Pipeline;
using RiskFlag.Web.Api;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Serving;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

/// <summary>Hot reload: good bundles swap in, bad ones are recorded and the old model keeps serving.</summary>
public sealed class ReloadTests
{
    private static readonly TrainedModel Primary = TrainedBundles.Shared.Primary;
    private static readonly TrainedModel Secondary = TrainedBundles.Shared.Secondary;

    /// <summary>Long enough that the watcher stays out of tests about the endpoint.</summary>
    private static readonly Dictionary<string, string?> WatcherQuiet = new() { ["Model:DebounceMilliseconds"] = "600000" };

    [Fact]
    public async Task OnlyOperatorsMayReload()
    {
        using var model = ModelDirectory.With(Primary);
        using var factory = new RiskFlagWebFactory(model, WatcherQuiet);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Reload(factory.CreateAnonymousClient())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Reload(factory.CreateClient(RiskRoles.Analyst))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Reload(factory.CreateClient(RiskRoles.Operator))).StatusCode);
    }

    [Fact]
    public async Task AGoodBundleSwapsInThroughTheEndpoint()
    {
        using var model = ModelDirectory.With(Primary);
        using var factory = new RiskFlagWebFactory(model, WatcherQuiet);
        var client = factory.CreateClient();
        Assert.Equal(Primary.Manifest.Version, await ServingVersion(client));

        model.Publish(Secondary);
        var response = await Reload(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("loaded", body.GetProperty("outcome").GetString());
        Assert.Equal(Secondary.Manifest.Version, body.GetProperty("version").GetString());
        Assert.Equal(Secondary.Manifest.Version, await ServingVersion(client));
        var prediction = JsonDocument.Parse(await (await client.PostAsync("/api/predict", JsonContent.Create(Applicants.ToJson(Applicants.Valid())))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0.5, prediction.GetProperty("threshold").GetDouble());
    }

    public static TheoryData<string, string> BadBundles => new()
    {
        { "garbage", "not a zip archive" },
        { "truncated", "not a RiskFlag model zip" },
        { "future schema", "schema version 3 is not supported" },
        { "features do not match the trees", "features its manifest lists" },
    };

    [Theory]
    [MemberData(nameof(BadBundles))]
    public async Task ABadBundleIsRejectedRecordedAndTheOldModelKeepsServing(string kind, string reason)
    {
        using var model = ModelDirectory.With(Primary);
        using var factory = new RiskFlagWebFactory(model, WatcherQuiet);
        var client = factory.CreateClient();

        WriteBad(model.BundlePath, kind);
        var response = await Reload(client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("rejected", body.GetProperty("outcome").GetString());
        Assert.Equal(Primary.Manifest.Version, body.GetProperty("version").GetString());
        Assert.Contains(reason, body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(Primary.Manifest.Version, await ServingVersion(client));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/predict", JsonContent.Create(Applicants.ToJson(Applicants.Valid())))).StatusCode);

        var history = factory.Services.GetRequiredService<PredictionEnginePool<ApplicantInput, RiskPrediction>>().Slot(ModelNames.Champion).History;
        Assert.Equal(1, history.RejectedCount);
        Assert.Equal(ReloadOutcome.Rejected, history.Recent()[0].Outcome);
        var page = await client.GetStringAsync("/Model");
        Assert.Contains("<td>Rejected</td>", page, StringComparison.Ordinal);
        Assert.Contains("<span id=\"rejected-count\">1</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAtomicRenameIntoPlaceIsPickedUpByTheWatcher()
    {
        using var model = ModelDirectory.With(Primary);
        using var factory = new RiskFlagWebFactory(model);
        var client = factory.CreateClient();
        Assert.Equal(Primary.Manifest.Version, await ServingVersion(client));

        model.Publish(Secondary);

        await Eventually.AssertAsync(async () => await ServingVersion(client) == Secondary.Manifest.Version, "the watcher to load the new bundle");
        var history = factory.Services.GetRequiredService<PredictionEnginePool<ApplicantInput, RiskPrediction>>().Slot(ModelNames.Champion).History.Recent();
        Assert.Contains(history, e => e.Outcome == ReloadOutcome.Loaded && e.Trigger.Contains(PredictionEnginePool<ApplicantInput, RiskPrediction>.WatcherTrigger, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFirstModelAppearingLaterMakesTheSiteReady()
    {
        using var model = new ModelDirectory();
        using var factory = new RiskFlagWebFactory(model);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        model.Publish(Primary);

        await Eventually.AssertAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the site to become ready");
        Assert.Equal(Primary.Manifest.Version, await ServingVersion(client));
    }

    [Fact]
    public async Task ACorruptFileSeenByTheWatcherIsRejectedAndTheOldModelKeepsServing()
    {
        using var model = ModelDirectory.With(Primary);
        using var factory = new RiskFlagWebFactory(model);
        var client = factory.CreateClient();
        var history = factory.Services.GetRequiredService<PredictionEnginePool<ApplicantInput, RiskPrediction>>().Slot(ModelNames.Champion).History;

        AtomicFile.Write(model.BundlePath, stream => stream.Write("not a bundle"u8));

        await Eventually.AssertAsync(() => Task.FromResult(history.RejectedCount == 1), "the watcher to reject the file");
        Assert.Equal(Primary.Manifest.Version, await ServingVersion(client));
    }

    private static Task<HttpResponseMessage> Reload(HttpClient client) => client.PostAsync("/api/model/reload", null);

    private static async Task<string?> ServingVersion(HttpClient client)
    {
        var response = await client.GetAsync("/api/model");
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetString()
            : null;
    }

    private static void WriteBad(string path, string kind)
    {
        switch (kind)
        {
            case "garbage":
                File.WriteAllText(path, "this is not a zip file");
                break;
            case "truncated":
                using (var whole = new MemoryStream())
                {
                    Primary.WriteTo(whole);
                    File.WriteAllBytes(path, whole.ToArray()[..(int)(whole.Length / 2)]);
                }

                break;
            case "future schema":
                (Primary with { Bundle = Primary.Bundle with { Manifest = Primary.Manifest with { SchemaVersion = 3 } } }).Write(path);
                break;
            case "features do not match the trees":
                (Primary with { Bundle = Primary.Bundle with { Manifest = Primary.Manifest with { Features = [.. Primary.Manifest.Features.Take(3)] } } }).Write(path);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
