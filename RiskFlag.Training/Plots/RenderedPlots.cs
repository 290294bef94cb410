namespace RiskFlag.Training.Plots;

/// <summary>
/// The training plots as the bundle stores them, name → SVG text ("roc.svg"), carrying the PNG rendering of each
/// (name → bytes, "roc.png") for the run that drew them. The bundle's contract stays a plain dictionary of SVG, so
/// the site and the bundle file need no change; the PNGs go no further than the artifacts folder, and a bundle read
/// back from its file has none.
/// </summary>
public sealed class RenderedPlots : Dictionary<string, string>
{
    public RenderedPlots()
        : base(StringComparer.Ordinal)
    {
    }

    public Dictionary<string, byte[]> Png { get; } = new(StringComparer.Ordinal);

    internal void Add(string name, ScottPlot.Plot plot)
    {
        Add($"{name}.svg", PlotImage.Svg(plot));
        Png.Add($"{name}.png", PlotImage.Png(plot));
    }
}
