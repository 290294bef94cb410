using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Html;

using RiskFlag.Core.Bundle;

namespace RiskFlag.Web.Forms;

/// <summary>
/// The known cities and states as datalists, rendered once per model: they are most of the form page's markup and
/// change only when the model does, so encoding ~350 options on every request would be wasted work.
/// </summary>
public static class VocabularyLists
{
    public const string CitiesId = "known-cities";
    public const string StatesId = "known-states";

    private static readonly ConditionalWeakTable<CategoryVocabulary, HtmlString> Rendered = [];

    public static IHtmlContent For(CategoryVocabulary vocabulary, HtmlEncoder encoder) =>
        Rendered.GetValue(vocabulary, v => Render(v, encoder));

    private static HtmlString Render(CategoryVocabulary vocabulary, HtmlEncoder encoder)
    {
        var html = new StringBuilder(64 * (vocabulary.Cities.Count + vocabulary.States.Count));
        html.Append("<datalist id=\"").Append(CitiesId).Append("\">\n");
        foreach (var city in vocabulary.Cities)
        {
            html.Append("<option value=\"").Append(encoder.Encode(city.City)).Append("\">").Append(encoder.Encode(city.State)).Append("</option>\n");
        }

        html.Append("</datalist>\n<datalist id=\"").Append(StatesId).Append("\">\n");
        foreach (var state in vocabulary.States)
        {
            html.Append("<option value=\"").Append(encoder.Encode(state)).Append("\"></option>\n");
        }

        html.Append("</datalist>");
        return new HtmlString(html.ToString());
    }
}
