using System.Diagnostics.Metrics;

using Microsoft.Extensions.Logging.Abstractions;

using RiskFlag.Web.Monitoring.Prometheus;

namespace RiskFlag.Tests.Monitoring;

/// <summary>The exposition, byte for byte, for each instrument kind and the format's escaping rules.</summary>
public sealed class PrometheusExpositionTests : IDisposable
{
    private readonly Meter _meter = new($"test.{Guid.NewGuid():N}");
    private readonly PrometheusCollector _collector;

    public PrometheusExpositionTests()
    {
        var meter = _meter;
        _collector = new PrometheusCollector(i => ReferenceEquals(i.Meter, meter), NullLogger<PrometheusCollector>.Instance);
    }

    public void Dispose()
    {
        _collector.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void A_counter_gets_total_and_keeps_adding()
    {
        var counter = _meter.CreateCounter<long>("shop.orders", "{order}", "Orders placed");
        counter.Add(2, new KeyValuePair<string, object?>("channel", "web"));
        counter.Add(3, new KeyValuePair<string, object?>("channel", "web"));
        counter.Add(1, new KeyValuePair<string, object?>("channel", "phone"));

        Assert.Equal(
            """
            # HELP shop_orders_total Orders placed
            # TYPE shop_orders_total counter
            shop_orders_total{channel="web"} 5
            shop_orders_total{channel="phone"} 1

            """,
            _collector.Collect());
    }

    [Fact]
    public void A_histogram_is_written_with_cumulative_buckets_ending_at_inf_then_sum_and_count()
    {
        var histogram = _meter.CreateHistogram("shop.checkout.duration", "s", "Checkout time",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.125, 0.5, 1] });
        var get = new KeyValuePair<string, object?>("method", "GET");
        foreach (var value in new[] { 0.0625, 0.125, 0.25, 2 })
        {
            histogram.Record(value, get);
        }

        // 0.125 sits in the le="0.125" bucket: upper bounds are inclusive.
        Assert.Equal(
            """
            # HELP shop_checkout_duration_seconds Checkout time
            # TYPE shop_checkout_duration_seconds histogram
            shop_checkout_duration_seconds_bucket{method="GET",le="0.125"} 2
            shop_checkout_duration_seconds_bucket{method="GET",le="0.5"} 3
            shop_checkout_duration_seconds_bucket{method="GET",le="1"} 3
            shop_checkout_duration_seconds_bucket{method="GET",le="+Inf"} 4
            shop_checkout_duration_seconds_sum{method="GET"} 2.4375
            shop_checkout_duration_seconds_count{method="GET"} 4

            """,
            _collector.Collect());
    }

    [Fact]
    public void A_histogram_without_tags_or_advice_uses_the_default_seconds_buckets()
    {
        var histogram = _meter.CreateHistogram<double>("job.duration", "s", "Job time");
        histogram.Record(0.3);

        var lines = _collector.Collect().Split('\n');

        Assert.Equal(
            [.. HistogramBoundaries.Seconds.Select(b => b < 0.3 ? 0 : 1).Select((count, i) => $"job_duration_seconds_bucket{{le=\"{PrometheusText.Number(HistogramBoundaries.Seconds[i])}\"}} {count}"),
             "job_duration_seconds_bucket{le=\"+Inf\"} 1", "job_duration_seconds_sum 0.3", "job_duration_seconds_count 1"],
            lines[2..^1]);
    }

    [Fact]
    public void Up_down_counters_and_gauges_are_gauges_and_a_ratio_gauge_says_so()
    {
        var queue = _meter.CreateUpDownCounter<int>("shop.queue.length", "{order}", "Orders waiting");
        queue.Add(5);
        queue.Add(-2);
        var temperature = _meter.CreateGauge<double>("shop.oven.temperature", "Cel", "Oven temperature");
        temperature.Record(180);
        temperature.Record(175.5);
        _meter.CreateObservableGauge("shop.conversion", () => 0.25, "1", "Visits that order");

        Assert.Equal(
            """
            # HELP shop_conversion_ratio Visits that order
            # TYPE shop_conversion_ratio gauge
            shop_conversion_ratio 0.25
            # HELP shop_oven_temperature_celsius Oven temperature
            # TYPE shop_oven_temperature_celsius gauge
            shop_oven_temperature_celsius 175.5
            # HELP shop_queue_length Orders waiting
            # TYPE shop_queue_length gauge
            shop_queue_length 3

            """,
            _collector.Collect());
    }

    [Fact]
    public void An_observable_counter_reports_its_running_total_in_base_units()
    {
        var total = 1024L;
        _meter.CreateObservableCounter("shop.bytes.sent", () => total, "By", "Bytes sent");
        _collector.Collect();
        total = 4096;

        Assert.Equal(
            """
            # HELP shop_bytes_sent_bytes_total Bytes sent
            # TYPE shop_bytes_sent_bytes_total counter
            shop_bytes_sent_bytes_total 4096

            """,
            _collector.Collect());
    }

    [Fact]
    public void A_series_an_observable_no_longer_reports_disappears()
    {
        var version = "v1";
        _meter.CreateObservableGauge("model.info", () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", version)), null, "Serving model");
        Assert.Contains("model_info{version=\"v1\"} 1", _collector.Collect(), StringComparison.Ordinal);

        version = "v2";
        var text = _collector.Collect();

        Assert.Contains("model_info{version=\"v2\"} 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("v1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_escapes_backslash_and_newline_and_label_values_also_escape_quotes()
    {
        var counter = _meter.CreateCounter<int>("odd.things", null, "Things with \\ and\nnewlines \"quoted\"");
        counter.Add(1, new KeyValuePair<string, object?>("path", "C:\\dir\n\"x\""));

        Assert.Equal(
            """
            # HELP odd_things_total Things with \\ and\nnewlines "quoted"
            # TYPE odd_things_total counter
            odd_things_total{path="C:\\dir\n\"x\""} 1

            """,
            _collector.Collect());
    }

    [Fact]
    public void Label_names_are_sanitised_and_sorted_and_tag_order_does_not_split_a_series()
    {
        var counter = _meter.CreateCounter<long>("http.hits", null, "Hits");
        counter.Add(1, new("http.route", "/a"), new("2xx", true), new("http.response.status_code", 200));
        counter.Add(1, new("http.response.status_code", 200), new("http.route", "/a"), new("2xx", true));

        Assert.Equal(
            """
            # HELP http_hits_total Hits
            # TYPE http_hits_total counter
            http_hits_total{http_response_status_code="200",http_route="/a",key_2xx="true"} 2

            """,
            _collector.Collect());
    }

    [Fact]
    public void Numbers_are_written_as_prometheus_reads_them()
    {
        var gauge = _meter.CreateGauge<double>("numbers", null, "Numbers");
        gauge.Record(double.PositiveInfinity, new KeyValuePair<string, object?>("n", "a"));
        gauge.Record(double.NegativeInfinity, new KeyValuePair<string, object?>("n", "b"));
        gauge.Record(double.NaN, new KeyValuePair<string, object?>("n", "c"));
        gauge.Record(0.00001, new KeyValuePair<string, object?>("n", "d"));
        gauge.Record(1e21, new KeyValuePair<string, object?>("n", "e"));
        gauge.Record(-3, new KeyValuePair<string, object?>("n", "f"));

        Assert.Equal(
            """
            # HELP numbers Numbers
            # TYPE numbers gauge
            numbers{n="a"} +Inf
            numbers{n="b"} -Inf
            numbers{n="c"} NaN
            numbers{n="d"} 1e-05
            numbers{n="e"} 1e+21
            numbers{n="f"} -3

            """,
            _collector.Collect());
    }

    [Fact]
    public void Counters_ignore_negative_and_non_finite_increments_and_histograms_non_finite_values()
    {
        var counter = _meter.CreateCounter<double>("guarded", null, "Guarded");
        counter.Add(2);
        counter.Add(-1);
        counter.Add(double.NaN);
        counter.Add(double.PositiveInfinity);
        var histogram = _meter.CreateHistogram("guarded.size", "By", "Sizes",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10] });
        histogram.Record(double.NaN);
        histogram.Record(4);

        Assert.Equal(
            """
            # HELP guarded_size_bytes Sizes
            # TYPE guarded_size_bytes histogram
            guarded_size_bytes_bucket{le="10"} 1
            guarded_size_bytes_bucket{le="+Inf"} 1
            guarded_size_bytes_sum 4
            guarded_size_bytes_count 1
            # HELP guarded_total Guarded
            # TYPE guarded_total counter
            guarded_total 2

            """,
            _collector.Collect());
    }

    [Fact]
    public void Instruments_without_measurements_and_without_description_are_handled()
    {
        _meter.CreateCounter<long>("never.used", null, "Never used");
        var undocumented = _meter.CreateCounter<long>("undocumented");
        undocumented.Add(1);

        Assert.Equal(
            $"""
            # HELP undocumented_total undocumented ({_meter.Name})
            # TYPE undocumented_total counter
            undocumented_total 1

            """,
            _collector.Collect());
    }

    [Fact]
    public void Too_many_tag_sets_pool_in_one_overflow_series()
    {
        var counter = _meter.CreateCounter<long>("unbounded", null, "A label that should have been bounded");
        for (var i = 0; i < InstrumentMetric.MaxSeries + 50; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("id", i));
        }

        var samples = _collector.Collect().Split('\n').Where(l => l.StartsWith("unbounded_total", StringComparison.Ordinal)).ToList();

        Assert.Equal(InstrumentMetric.MaxSeries + 1, samples.Count);
        Assert.Equal("unbounded_total{otel_metric_overflow=\"true\"} 50", samples[^1]);
    }

    [Fact]
    public void Concurrent_recording_loses_nothing_and_buckets_stay_consistent_with_the_count()
    {
        var counter = _meter.CreateCounter<long>("concurrent.hits", null, "Hits");
        var histogram = _meter.CreateHistogram("concurrent.size", "By", "Sizes",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2] });

        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            counter.Add(1, new KeyValuePair<string, object?>("worker", i % 4));
            histogram.Record(i % 3);
        });

        var text = _collector.Collect();
        for (var worker = 0; worker < 4; worker++)
        {
            Assert.Contains($"concurrent_hits_total{{worker=\"{worker}\"}} 10000\n", text, StringComparison.Ordinal);
        }

        Assert.Contains("concurrent_size_bytes_bucket{le=\"+Inf\"} 40000\n", text, StringComparison.Ordinal);
        Assert.Contains("concurrent_size_bytes_count 40000\n", text, StringComparison.Ordinal);
        Assert.Contains("concurrent_size_bytes_sum 39999\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_thread_pool_counters_are_written_as_gauges()
    {
        using var runtime = new Meter("System.Runtime");
        using var collector = new PrometheusCollector(i => ReferenceEquals(i.Meter, runtime), NullLogger<PrometheusCollector>.Instance);
        runtime.CreateObservableCounter("dotnet.thread_pool.queue.length", () => 7L, "{work_item}", "Queued work items");
        runtime.CreateObservableCounter("dotnet.thread_pool.thread.count", () => 3L, "{thread}", "Pool threads");

        Assert.Equal(
            """
            # HELP dotnet_thread_pool_queue_length Queued work items
            # TYPE dotnet_thread_pool_queue_length gauge
            dotnet_thread_pool_queue_length 7
            # HELP dotnet_thread_pool_threads Pool threads
            # TYPE dotnet_thread_pool_threads gauge
            dotnet_thread_pool_threads 3

            """,
            collector.Collect());
    }
}
