using System.Net;

using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Monitoring;

/// <summary>
/// One round of what the metrics and the dashboard must show: predictions on every channel, invalid input, unknown
/// cities, pages, a 404, a model reload, and last a batch of shifted applicants, so the drift window ends drifted, with
/// outcomes posted for its decisions (enough for live performance).
/// </summary>
public static class SiteTraffic
{
    public static async Task RoundAsync(HttpClient client, int round, int shiftedBatchRows)
    {
        foreach (var applicant in ApplicantPayloads.TrainingLike(seed: 1000 + round, count: 20))
        {
            Ok(await client.PostAsync("/api/predict", ApplicantPayloads.Body(applicant)));
        }

        Ok(await client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 2000 + round, count: 10))));
        var nowhere = ApplicantPayloads.TrainingLike(seed: 3000 + round, count: 1)[0] with { City = "Nowhere-on-Sea", State = "Atlantis" };
        Ok(await client.PostAsync("/api/predict", ApplicantPayloads.Body(nowhere)));
        var tooYoung = ApplicantPayloads.TrainingLike(seed: 4000 + round, count: 1)[0] with { Age = 5 };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/predict", ApplicantPayloads.Body(tooYoung))).StatusCode);

        var session = new PageSession(client);
        var (status, _) = await session.PostFormAsync("/", Applicants.Valid(round));
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _) = await session.PostFormAsync("/", Applicants.With("income", "lots"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Ok(await client.GetAsync("/Model"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page")).StatusCode);

        Ok(await client.PostAsync("/api/model/reload", null));

        var (pageStatus, _) = await session.UploadAsync("/Batch", "applicants.csv",
            System.Text.Encoding.UTF8.GetBytes(ApplicantPayloads.Csv(ApplicantPayloads.TrainingLike(seed: 5000 + round, count: 30))));
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        var shifted = ApplicantPayloads.Csv(ApplicantPayloads.Poorer(seed: 6000 + round, count: shiftedBatchRows), invalidAges: 2);
        var scored = await client.PostAsync("/api/predict/batch", ApplicantPayloads.CsvBody(shifted));
        Ok(scored);
        Ok(await client.PostAsync("/api/outcomes", ApplicantPayloads.CsvBody(DecisionIdText.AlternatingOutcomes(await scored.Content.ReadAsStringAsync()))));
    }

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
}
