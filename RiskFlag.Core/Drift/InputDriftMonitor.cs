using RiskFlag.Core.Bundle;

namespace RiskFlag.Core.Drift;

/// <summary>
/// Keeps the last <see cref="WindowSize"/> scored applicants as bin indices of the bundle's reference
/// distributions and reports, per model input, how far the window has moved from training (PSI).
/// One instance belongs to one loaded model. Observing costs a short lock and no allocation.
/// </summary>
public sealed class InputDriftMonitor
{
    private readonly ReferenceProfile _reference;
    private readonly byte[] _bins;
    private readonly bool[] _flags;
    private readonly int[][] _counts;
    private readonly int _width;
    private readonly Lock _gate = new();
    private int _next;
    private int _filled;
    private int _flagged;

    public InputDriftMonitor(ReferenceProfile reference, int windowSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        if (reference.Features.Any(f => f.Proportions.Count > byte.MaxValue))
        {
            throw new ArgumentException("a reference feature has more than 255 bins", nameof(reference));
        }

        _reference = reference;
        _width = reference.Features.Count;
        WindowSize = windowSize;
        _bins = new byte[windowSize * _width];
        _flags = new bool[windowSize];
        _counts = reference.Features.Select(f => new int[f.Proportions.Count]).ToArray();
    }

    public int WindowSize { get; }

    /// <summary>Applicants currently in the window.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _filled;
            }
        }
    }

    /// <summary>Share of the window flagged high risk, to set beside the training share.</summary>
    public double FlaggedShare
    {
        get
        {
            lock (_gate)
            {
                return _filled == 0 ? 0 : (double)_flagged / _filled;
            }
        }
    }

    public double TrainingFlaggedShare => _reference.FlaggedShare;

    /// <param name="features">The model input vector, in the bundle's feature order.</param>
    public void Observe(ReadOnlySpan<float> features, bool flagged)
    {
        if (features.Length != _width)
        {
            throw new ArgumentException($"expected {_width} features, got {features.Length}", nameof(features));
        }

        Span<byte> bins = stackalloc byte[_width];
        for (var f = 0; f < _width; f++)
        {
            bins[f] = (byte)_reference.Features[f].BinOf(features[f]);
        }

        lock (_gate)
        {
            var slot = _bins.AsSpan(_next * _width, _width);
            if (_filled == WindowSize)
            {
                for (var f = 0; f < _width; f++)
                {
                    _counts[f][slot[f]]--;
                }

                _flagged -= _flags[_next] ? 1 : 0;
            }
            else
            {
                _filled++;
            }

            bins.CopyTo(slot);
            for (var f = 0; f < _width; f++)
            {
                _counts[f][bins[f]]++;
            }

            _flags[_next] = flagged;
            _flagged += flagged ? 1 : 0;
            _next = (_next + 1) % WindowSize;
        }
    }

    public IReadOnlyList<FeatureDrift> Snapshot()
    {
        var copies = new int[_width][];
        lock (_gate)
        {
            for (var f = 0; f < _width; f++)
            {
                copies[f] = (int[])_counts[f].Clone();
            }
        }

        var result = new FeatureDrift[_width];
        for (var f = 0; f < _width; f++)
        {
            var feature = _reference.Features[f];
            result[f] = new FeatureDrift(feature.Name, PopulationStabilityIndex.Compute(feature.Proportions, copies[f]));
        }

        return result;
    }
}
