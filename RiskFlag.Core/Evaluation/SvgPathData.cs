using System.Text;

namespace RiskFlag.Core.Evaluation;

/// <summary>Builds the "d" attribute of an SVG path from absolute move/line commands.</summary>
internal sealed class SvgPathData
{
    private readonly StringBuilder _data = new();

    public bool IsEmpty => _data.Length == 0;

    public SvgPathData MoveTo(double x, double y)
    {
        return Append('M', x, y);
    }

    public SvgPathData LineTo(double x, double y)
    {
        return Append('L', x, y);
    }

    public override string ToString()
    {
        return _data.ToString();
    }

    private SvgPathData Append(char command, double x, double y)
    {
        if (_data.Length > 0)
        {
            _data.Append(' ');
        }

        _data.Append(command).Append(SvgFormat.Coordinate(x)).Append(' ').Append(SvgFormat.Coordinate(y));
        return this;
    }
}
