using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;

using RiskFlag.Tests.Web;
using RiskFlag.Tests.WebDecisions;
using RiskFlag.Web.Monitoring;

namespace RiskFlag.Tests.Monitoring;

/// <summary>
/// The site's child spans hang under the request's span, carry what an operator needs (applicants, model, row counts),
/// and the decisions they produce are logged under the request's trace id.
/// </summary>
public sealed class RequestSpanTests : IDisposable
{
    private const string Header = "Id,Income,Age,Experience,Married/Single,House_Ownership,Car_Ownership,Profession,CITY,STATE,CURRENT_JOB_YRS,CURRENT_HOUSE_YRS";

    // Every test in the process shares ActivitySource listeners: spans are told apart by the trace id each test sends.
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public RequestSpanTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RiskActivitySource.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task A_prediction_has_parse_score_and_decision_spans_under_its_request_and_its_decision_carries_the_trace_id()
    {
        using var site = new DecisionSite();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = JsonContent.Create(Applicants.ToJson(Applicants.Valid(seed: 4))) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await site.Factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var decision = Assert.Single(await site.DecisionsAsync(1));
        Assert.Equal(traceId.ToHexString(), decision.RequestId);

        var spans = await SpansAsync(traceId, RiskActivitySource.ParseSpan, RiskActivitySource.ScoreSpan, RiskActivitySource.DecisionSpan);
        var server = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore");
        foreach (var name in new[] { RiskActivitySource.ParseSpan, RiskActivitySource.ScoreSpan, RiskActivitySource.DecisionSpan })
        {
            var child = Assert.Single(spans, s => s.OperationName == name);
            Assert.Equal(server.SpanId, child.ParentSpanId);
        }

        Assert.Equal(1, Assert.Single(spans, s => s.OperationName == RiskActivitySource.ParseSpan).GetTagItem("riskflag.applicants"));
        var score = Assert.Single(spans, s => s.OperationName == RiskActivitySource.ScoreSpan);
        Assert.Equal(TrainedBundles.Shared.Primary.Manifest.Version, score.GetTagItem("riskflag.model.version"));
        Assert.Equal(decision.Flag, score.GetTagItem("riskflag.flag"));
    }

    [Fact]
    public async Task An_invalid_applicant_marks_the_parse_span_as_an_error_and_is_not_scored()
    {
        using var site = new DecisionSite();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = JsonContent.Create(Applicants.ToJson(Applicants.With("age", "7"))) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await site.Factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var spans = await SpansAsync(traceId, RiskActivitySource.ParseSpan);
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(spans, s => s.OperationName == RiskActivitySource.ParseSpan).Status);
        Assert.DoesNotContain(spans, s => s.OperationName == RiskActivitySource.ScoreSpan);
    }

    [Fact]
    public async Task A_batch_has_one_span_with_its_row_counts_and_its_decisions_carry_the_trace_id()
    {
        using var site = new DecisionSite();
        var traceId = ActivityTraceId.CreateRandom();
        var csv = $"{Header}\n1,100000,30,5,single,rented,no,Chef,Rewa,Madhya_Pradesh,2,4\n2,abc,30,5,single,rented,no,Chef,Rewa,Madhya_Pradesh,2,4\n" +
            "3,200000,40,9,married,owned,yes,Chef,Rewa,Madhya_Pradesh,5,10\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict/batch") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await site.Factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var batch = Assert.Single(await SpansAsync(traceId, RiskActivitySource.BatchSpan), s => s.OperationName == RiskActivitySource.BatchSpan);
        Assert.Equal(3, batch.GetTagItem("riskflag.rows.read"));
        Assert.Equal(2, batch.GetTagItem("riskflag.rows.scored"));
        Assert.Equal(1, batch.GetTagItem("riskflag.rows.rejected"));
        Assert.Equal($"batch-{traceId.ToHexString()}", batch.GetTagItem("riskflag.batch.id"));

        var decisions = await site.DecisionsAsync(2);
        Assert.All(decisions, d => Assert.StartsWith($"batch-{traceId.ToHexString()}/", d.RequestId, StringComparison.Ordinal));
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>The stopped spans of one trace, once every named span (and the request's own) has ended.</summary>
    private async Task<List<Activity>> SpansAsync(ActivityTraceId traceId, params string[] names)
    {
        List<Activity> spans = [];
        await Eventually.AssertAsync(
            () =>
            {
                spans = [.. _stopped.Where(a => a.TraceId == traceId)];
                return Task.FromResult(spans.Any(s => s.Source.Name == "Microsoft.AspNetCore") && names.All(n => spans.Any(s => s.OperationName == n)));
            },
            $"spans {string.Join(", ", names)} of trace {traceId}");
        return spans;
    }
}
