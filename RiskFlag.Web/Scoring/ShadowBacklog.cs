using System.Diagnostics.Metrics;
using System.Threading.Channels;

using Microsoft.Extensions.Options;

using RiskFlag.Core.Domain;
using RiskFlag.Web.Monitoring;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Scoring;

/// <summary>
/// Where the scoring path leaves each decided applicant for the challenger. Offering never waits and never fails: with
/// no challenger loaded it does nothing, and a full queue drops the applicant and counts it, like the decision writer.
/// </summary>
public sealed class ShadowBacklog
{
    private static readonly KeyValuePair<string, object?> Scored = new("result", "scored");
    private static readonly KeyValuePair<string, object?> Dropped = new("result", "dropped");
    private static readonly KeyValuePair<string, object?> Failed = new("result", "failed");

    private readonly Channel<ShadowRequest> _queue;
    private readonly RiskEnginePool _pool;
    private readonly bool _enabled;
    private readonly double _sampleRate;
    private readonly Counter<long> _decisions;

    public ShadowBacklog(IOptions<ShadowOptions> options, RiskEnginePool pool, IMeterFactory meters)
    {
        _pool = pool;
        _enabled = options.Value.Enabled && pool.Contains(ModelNames.Challenger) && options.Value.SampleRate > 0;
        _sampleRate = Math.Min(1, options.Value.SampleRate);
        // Wait mode, though nothing ever waits: only then does TryWrite say false on a full channel (DropWrite drops silently).
        _queue = Channel.CreateBounded<ShadowRequest>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _decisions = meters.Create(RiskMetrics.MeterName).CreateCounter<long>("riskflag.shadow.decisions", "{decision}",
            "Live applicants for the challenger, by result: scored (and logged), dropped (queue full) or failed");
    }

    public ChannelReader<ShadowRequest> Reader => _queue.Reader;

    /// <summary>
    /// Whether there is a challenger to score with now: one loaded, and not the champion's own version (as right after
    /// it was promoted, until the registry names a new one).
    /// </summary>
    public bool Active => _enabled && _pool.GetServedModel(ModelNames.Challenger) is { } challenger
        && challenger.Version != _pool.GetServedModel(ModelNames.Champion)?.Version;

    public void Offer(Applicant applicant, Guid? championDecisionId, string requestId, string? applicantId)
    {
        // Without a logged champion decision there is nothing to compare the shadow decision with.
        if (championDecisionId is not { } id || !Active || !Sampled(id, _sampleRate))
        {
            return;
        }

        if (!_queue.Writer.TryWrite(new ShadowRequest(applicant, id, requestId, applicantId)))
        {
            _decisions.Add(1, Dropped);
        }
    }

    /// <summary>Whether a decision is in the sample: its id's last 16 bits are random (a version 7 UUID's rand_b).</summary>
    public static bool Sampled(Guid decisionId, double rate)
    {
        if (rate >= 1)
        {
            return true;
        }

        Span<byte> bytes = stackalloc byte[16];
        decisionId.TryWriteBytes(bytes, bigEndian: true, out _);
        return ((bytes[14] << 8) | bytes[15]) < rate * 65536;
    }

    public void CountScored(int count) => _decisions.Add(count, Scored);

    public void CountFailed(int count) => _decisions.Add(count, Failed);

    public void Complete() => _queue.Writer.TryComplete();
}
