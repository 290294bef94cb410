using System.Net;

using RiskFlag.Core.Features;
using RiskFlag.Core.Parsing;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Monitoring;

/// <summary>GET /metrics on a site that has served traffic: what is counted, and what never becomes a label.</summary>
public sealed class MetricsEndpointTests(MonitoredSite site) : IClassFixture<MonitoredSite>
{
    private static readonly string Version = TrainedBundles.Shared.Primary.Manifest.Version;

    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_text_format_and_not_cached()
    {
        var response = await _client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Predictions_are_counted_by_channel_and_flag_with_their_probability_and_latency()
    {
        var before = await MonitoredSite.ScrapeAsync(_client);
        var session = new PageSession(_client);

        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(1, 1)[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(2, 4)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.PostFormAsync("/", Applicants.Valid(3))).Status);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/predict/batch", ApplicantPayloads.CsvBody(ApplicantPayloads.Csv(ApplicantPayloads.TrainingLike(4, 25))))).StatusCode);

        var after = await MonitoredSite.ScrapeAsync(_client);
        double Delta(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Equal(5, Delta("riskflag_predictions_total", ("channel", "api")));
        Assert.Equal(1, Delta("riskflag_predictions_total", ("channel", "form")));
        Assert.Equal(25, Delta("riskflag_predictions_total", ("channel", "batch")));
        Assert.Equal(31, Delta("riskflag_predictions_total", ("risk_flag", "0")) + Delta("riskflag_predictions_total", ("risk_flag", "1")));
        Assert.Equal(5, Delta("riskflag_risk_probability_count", ("channel", "api")));
        Assert.Equal(25, Delta("riskflag_risk_probability_bucket", ("channel", "batch"), ("le", "+Inf")));
        Assert.Equal(5, Delta("riskflag_scoring_duration_seconds_count", ("channel", "api")));
        Assert.Equal(1, Delta("riskflag_scoring_duration_seconds_count", ("channel", "form")));
        Assert.Equal(1, Delta("riskflag_batch_duration_seconds_count"));
        Assert.Equal(25, Delta("riskflag_batch_rows_processed_total"));
    }

    [Fact]
    public async Task Validation_failures_are_counted_by_field_and_rejected_batch_rows_by_their_first_field()
    {
        var before = await MonitoredSite.ScrapeAsync(_client);
        var session = new PageSession(_client);

        await _client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(5, 1)[0] with { Age = 5 }));
        await session.PostFormAsync("/", Applicants.With("income", "lots"));
        await _client.PostAsync("/api/predict/batch", ApplicantPayloads.CsvBody(ApplicantPayloads.Csv(ApplicantPayloads.TrainingLike(6, 3), invalidAges: 2)));

        var after = await MonitoredSite.ScrapeAsync(_client);
        double Delta(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Equal(1, Delta("riskflag_validation_failures_total", ("channel", "api"), ("field", "age")));
        Assert.Equal(1, Delta("riskflag_validation_failures_total", ("channel", "form"), ("field", "income")));
        Assert.Equal(2, Delta("riskflag_validation_failures_total", ("channel", "batch"), ("field", "age")));
        Assert.Equal(2, Delta("riskflag_batch_rows_rejected_total", ("field", "age")));
        Assert.Equal(5, Delta("riskflag_batch_rows_processed_total"));
        Assert.Equal(3, Delta("riskflag_predictions_total", ("channel", "batch")));
    }

    [Fact]
    public async Task Unknown_cities_and_states_are_counted_without_naming_them()
    {
        var before = await MonitoredSite.ScrapeAsync(_client);

        var stranger = ApplicantPayloads.TrainingLike(7, 1)[0] with { City = "Zzyzx-Springs", State = "Xanadu-Qv" };
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/predict", ApplicantPayloads.Body(stranger))).StatusCode);

        var text = await _client.GetStringAsync("/metrics");
        var after = ExpositionSamples.Parse(text);
        Assert.Equal(1, after.Sum("riskflag_unknown_locations_total", ("channel", "api"), ("field", "city")) - before.Sum("riskflag_unknown_locations_total", ("channel", "api"), ("field", "city")));
        Assert.Equal(1, after.Sum("riskflag_unknown_locations_total", ("channel", "api"), ("field", "state")) - before.Sum("riskflag_unknown_locations_total", ("channel", "api"), ("field", "state")));
        // Words, not digits: a number in the exposition (a byte count, say) may contain any run of digits.
        Assert.DoesNotContain("Zzyzx", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Xanadu", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_label_of_the_sites_own_metrics_comes_from_a_small_fixed_set()
    {
        var marked = ApplicantPayloads.TrainingLike(8, 3).Select((a, i) => a with { City = $"Marker-City-{i}", Profession = $"Marker-Job-{i}" }).ToList();
        await _client.PostAsync("/api/predict", ApplicantPayloads.Body(marked));
        await _client.PostAsync("/api/predict", ApplicantPayloads.Body(marked[0] with { Income = -5 }));

        var text = await _client.GetStringAsync("/metrics");
        Assert.DoesNotContain("Marker", text, StringComparison.Ordinal);

        var fields = Enum.GetValues<ApplicantField>().Select(ApplicantColumns.FormNameOf).Append("row").Append("other").ToHashSet();
        var allowed = new Dictionary<string, HashSet<string>>
        {
            ["channel"] = ["form", "api", "batch", "shadow"],
            ["risk_flag"] = ["0", "1"],
            ["field"] = fields,
            ["feature"] = [.. FeatureCatalog.Features.Select(f => f.Name)],
            ["population"] = ["live", "training", "observed", "predicted"],
            ["result"] = ["success", "failure", "missing", "scored", "dropped"],
            ["model"] = ["champion", "challenger"],
            ["version"] = [Version],
            ["model_version"] = [Version],
        };
        foreach (var sample in ExpositionSamples.Parse(text).Where(s => s.Name.StartsWith("riskflag_", StringComparison.Ordinal)))
        {
            foreach (var (label, value) in sample.Labels.Where(l => l.Key != "le"))
            {
                Assert.True(allowed.TryGetValue(label, out var values), $"{sample.Name} has an unexpected label {label}");
                Assert.True(values.Contains(value), $"{sample.Name}{{{label}=\"{value}\"}} is not one of the expected values");
            }
        }
    }

    [Fact]
    public async Task The_serving_model_is_described_by_version_load_time_and_reloads()
    {
        var samples = await MonitoredSite.ScrapeAsync(_client);

        var info = Assert.Single(samples, s => s.Name == "riskflag_model_info");
        Assert.Equal(Version, info.Label("version"));
        Assert.Equal(1, info.Value);
        Assert.Equal(1, samples.Sum("riskflag_model_ready"));
        var loaded = DateTimeOffset.FromUnixTimeMilliseconds((long)(samples.Sum("riskflag_model_loaded_timestamp_seconds") * 1000));
        Assert.InRange(loaded, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(samples.Sum("riskflag_model_reloads_total", ("result", "success")) >= 1);
        Assert.Equal(0, samples.Sum("riskflag_model_reloads_total", ("result", "failure")));
        Assert.Contains(samples, s => s.Name == "riskflag_flagged_share_ratio" && s.Label("population") == "training");
    }

    [Fact]
    public async Task Http_requests_are_measured_by_route_and_status_but_scrapes_are_not()
    {
        await _client.GetAsync("/metrics");
        await _client.GetAsync("/no-such-page");
        await _client.GetAsync("/Model");

        // Hosting records a request's duration when its context is disposed, which can be just after the client
        // has read the whole response: wait for both measurements rather than race them.
        IReadOnlyList<ExpositionSample> samples = [];
        await Eventually.AssertAsync(
            async () =>
            {
                samples = await MonitoredSite.ScrapeAsync(_client);
                return samples.Any(s => s.Name == "http_server_request_duration_seconds_count" && s.Label("http_route") == "Model" && s.Label("http_response_status_code") == "200")
                    && samples.Any(s => s.Name == "http_server_request_duration_seconds_count" && s.Label("http_response_status_code") == "404");
            },
            "the durations of GET /Model (200) and of an unknown page (404)",
            TimeSpan.FromSeconds(10));

        Assert.DoesNotContain(samples, s => s.Label("http_route") == "/metrics");
        Assert.Contains(samples, s => s.Name == "http_server_active_requests");
    }

    [Fact]
    public async Task Process_metrics_come_from_the_runtime()
    {
        var samples = await MonitoredSite.ScrapeAsync(_client);

        foreach (var name in new[]
        {
            "dotnet_process_cpu_time_seconds_total", "dotnet_process_memory_working_set_bytes", "dotnet_gc_heap_total_allocated_bytes_total",
            "dotnet_gc_last_collection_heap_size_bytes", "dotnet_thread_pool_queue_length", "dotnet_thread_pool_threads",
        })
        {
            Assert.Contains(samples, s => s.Name == name);
        }

        Assert.True(samples.Sum("dotnet_process_memory_working_set_bytes") > 10_000_000);
    }
}
