using System.Net;
using System.Text;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

/// <summary>A 415, whether routing or the handler refuses the content type, names what the endpoint does accept.</summary>
public sealed class UnsupportedMediaTypeTests(ServedSite site) : IClassFixture<ServedSite>
{
    [Theory]
    [InlineData("/api/predict", "application/json")]
    [InlineData("/api/predict/batch", "text/csv")]
    [InlineData("/api/auth/login", "application/json")]
    public async Task The_problem_lists_the_accepted_types(string path, string accepted)
    {
        using var client = site.CreateClient();

        var response = await client.PostAsync(path, new StringContent("<applicant/>", Encoding.UTF8, "text/xml"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("'text/xml; charset=utf-8'", detail, StringComparison.Ordinal);
        Assert.Contains(accepted, detail, StringComparison.Ordinal);
        Assert.Contains(accepted, problem.GetProperty("accepted").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_request_without_a_content_type_is_told_what_to_send()
    {
        using var client = site.CreateClient();
        using var content = new ByteArrayContent("{}"u8.ToArray());

        var problem = await AssertProblemAsync(await client.PostAsync("/api/predict", content), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
