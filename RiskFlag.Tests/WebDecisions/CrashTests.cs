using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

using RiskFlag.Core.Decisions;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>
/// The site killed with SIGKILL under load: every prediction a client received a 200 for is in the decision log
/// afterwards, because an answer is sent only once its decision is committed.
/// </summary>
public sealed class CrashTests
{
    private const int Clients = 16;

    private const int Answers = 1_000;

    [Fact]
    public async Task AKillUnderLoadLosesNoAnsweredDecision()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        var answered = new ConcurrentBag<double>();
        var failedAfterKill = 0;
        // A long gathering time makes the window in which a decision waits uncommitted wide: answered before its commit,
        // a kill would lose many of them.
        using (var site = await SiteProcess.StartAsync(model, new Dictionary<string, string?> { ["Decisions:FlushIntervalMilliseconds"] = "50" }))
        {
            var token = await site.SignInAsync();
            var next = 0;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            async Task Client(int client)
            {
                using var http = new HttpClient { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                while (!stop.IsCancellationRequested)
                {
                    // Each request's income is its own, so the log can be searched for exactly the answered ones.
                    var income = 1_000_000 + Interlocked.Increment(ref next);
                    var applicant = Applicants.ToJson(Applicants.Valid(client));
                    applicant["income"] = income;
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/predict", applicant, stop.Token);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            answered.Add(income);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // The process is gone: this request was not answered.
                        Interlocked.Increment(ref failedAfterKill);
                        await Task.Delay(10);
                    }
                }
            }

            var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(() => Client(i))).ToArray();
            await Eventually.AssertAsync(() => Task.FromResult(answered.Count >= Answers), "load to build up", TimeSpan.FromSeconds(60));

            site.Kill();
            await site.WaitForExitAsync();
            await Eventually.AssertAsync(() => Task.FromResult(Volatile.Read(ref failedAfterKill) >= Clients), "every client to see the site gone");
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        var logged = new HashSet<double>();
        using var store = new SqliteDecisionLogStore(SiteProcess.DatabasePath(model));
        await foreach (var decision in store.ReadAllAsync(new DecisionQuery()))
        {
            logged.Add(decision.Applicant.Income);
        }

        var lost = answered.Where(income => !logged.Contains(income)).ToList();
        Assert.True(lost.Count == 0, string.Create(CultureInfo.InvariantCulture, $"{lost.Count} of {answered.Count} answered decisions are not in the log"));
        Assert.True(answered.Count >= Answers);
    }
}
