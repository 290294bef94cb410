using System.Diagnostics.Metrics;

namespace RiskFlag.Web.Monitoring;

/// <summary>
/// The thread pool's thread count and queue length as gauges, under the runtime's names: the runtime publishes them
/// as counters (see <see cref="MetricViews"/>), which would mislead rate() and the dashboard.
/// </summary>
public sealed class ThreadPoolGauges
{
    /// <summary>A meter of its own, so that these join the runtime's metrics rather than the site's own.</summary>
    public const string MeterName = "RiskFlag.ThreadPool";

    public ThreadPoolGauges(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("dotnet.thread_pool.threads", () => ThreadPool.ThreadCount, "{thread}",
            "The number of thread pool threads that currently exist");
        meter.CreateObservableGauge("dotnet.thread_pool.queue.length", () => ThreadPool.PendingWorkItemCount, "{work_item}",
            "The number of work items queued to the thread pool and not yet started");
    }
}
