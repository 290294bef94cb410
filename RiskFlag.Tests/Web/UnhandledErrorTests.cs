using System.Net;
using System.Runtime.CompilerServices;

using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Core.Decisions;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

/// <summary>
/// An exception nobody handles, injected through a decision store that fails its reads: a page answers the styled
/// error page, everything else problem details; neither shows the exception's message nor the framework's page.
/// </summary>
public sealed class UnhandledErrorTests : IDisposable
{
    private const string Secret = "/srv/secret/path/decisions.db is corrupt";

    private readonly ModelDirectory _model = ModelDirectory.With(TrainedBundles.Shared.Primary);
    private readonly RiskFlagWebFactory _factory;
    private readonly HttpClient _client;

    public UnhandledErrorTests()
    {
        _factory = new RiskFlagWebFactory(_model);
        _client = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IDecisionLogStore>(new FailingReads()))).CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _model.Dispose();
    }

    [Fact]
    public async Task A_page_answers_the_styled_error_page()
    {
        var response = await _client.GetAsync("/Decisions");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.Contains("site.css", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anything_else_answers_problem_details_with_the_trace_id()
    {
        var response = await _client.GetAsync("/decisions/export.csv");

        var problem = await AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.True(problem.TryGetProperty("trace_id", out var traceId) && traceId.GetString() is { Length: > 0 }, problem.GetRawText());
        var text = problem.GetRawText();
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
    }

    private sealed class FailingReads : IDecisionLogStore
    {
        public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<DecisionPage> PageAsync(DecisionQuery query, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Secret);

        public async IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw new InvalidOperationException(Secret);
#pragma warning disable CS0162 // an iterator needs a yield to be one
            yield break;
#pragma warning restore CS0162
        }

        public Task<IReadOnlyDictionary<Guid, DecisionRecord>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Secret);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<DecisionRecord>>> FindByApplicantAsync(IReadOnlyCollection<string> applicantIds, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);

        public Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Secret);

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => Task.FromResult(0);
    }
}
