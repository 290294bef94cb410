using RiskFlag.Core.IO;

namespace RiskFlag.Tests.Parsing;

/// <summary>OWASP's CSV-injection cases: what a spreadsheet would run gets a leading quote; data stays data.</summary>
public sealed class SpreadsheetFormulasTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("|calc")]
    [InlineData(" =1+1")]
    [InlineData("\u00A0\u3000=1+1")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("\n=1+1")]
    [InlineData("\tplain")]
    [InlineData("%0A=1+1")]
    [InlineData("%0d=1+1")]
    [InlineData("＝1+1")]
    [InlineData("＋1")]
    [InlineData("－1")]
    [InlineData("＠SUM(A1)")]
    [InlineData("-5e")]
    public void A_cell_that_could_run_as_a_formula_is_shown_as_text(string cell) =>
        Assert.Equal("'" + cell, SpreadsheetFormulas.Protect(cell));

    [Theory]
    [InlineData("-5")]
    [InlineData("+3.2")]
    [InlineData("-0.25")]
    [InlineData("-1e5")]
    [InlineData("1303834")]
    [InlineData("Rewa")]
    [InlineData("Madhya Pradesh")]
    [InlineData("City Rewa: +0.26")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("100%")]
    public void Data_stays_as_it_is(string cell) =>
        Assert.Equal(cell, SpreadsheetFormulas.Protect(cell));
}
