using System.IO.Pipelines;
using System.Text.Json;

using Microsoft.Extensions.Options;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Web.Applicants;
using RiskFlag.Web.Monitoring;
using RiskFlag.Web.Scoring;

namespace RiskFlag.Web.Api;

/// <summary>POST /api/predict: one applicant object or an array of them, scored with exact TreeSHAP reasons like every channel.</summary>
public static class PredictEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, RiskScoringService scoring, IOptions<ApiOptions> options)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return ApiProblems.UnsupportedMediaType(request.ContentType, ["application/json"]);
        }

        // One read of the reference: a swap during this request does not mix two models in one answer.
        if (scoring.Champion is not { } model)
        {
            return ApiProblems.NoModel();
        }

        var maxBytes = options.Value.MaxPredictBytes;
        if (!RequestBodyLimit.Apply(context, maxBytes))
        {
            return ApiProblems.TooLarge(maxBytes);
        }

        IReadOnlyList<ParsedApplicant> applicants;
        bool isArray;
        using var parse = RiskActivitySource.Instance.StartActivity(RiskActivitySource.ParseSpan);
        try
        {
            (applicants, isArray) = await ReadAsync(request.BodyReader, context.RequestAborted);
            parse?.SetTag("riskflag.applicants", applicants.Count);
        }
        catch (Exception e) when (RequestBodyLimit.IsTooLarge(e))
        {
            return ApiProblems.TooLarge(maxBytes);
        }
        catch (BadHttpRequestException e)
        {
            return ApiProblems.BodyNotReceived(e);
        }
        catch (JsonException e)
        {
            return ApiProblems.Unreadable($"The body is not valid JSON: {e.Message}");
        }
        catch (InvalidApplicantFileException e)
        {
            return ApiProblems.Unreadable($"The body is not an applicant: {e.Message}");
        }

        if (Errors(applicants, isArray) is { } errors)
        {
            parse?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "invalid applicant");
            scoring.RecordInvalid(ScoringChannel.Api, applicants.SelectMany(a => a.Errors));
            return ApiProblems.Invalid(errors);
        }

        parse?.Stop();
        var requestId = RiskActivitySource.RequestId(context);

        try
        {
            if (!isArray)
            {
                var single = applicants[0];
                var assessment = await scoring.ScoreAsync(model, single.Applicant!, ScoringChannel.Api, requestId, single.Id);
                return JsonBodyResult.Create(PredictionResponse.From(single.Id, assessment, single.Warnings), ApiJson.Context.PredictionResponse);
            }

            var commit = scoring.BeginCommit();
            var responses = new PredictionResponse[applicants.Count];
            for (var i = 0; i < responses.Length; i++)
            {
                var assessment = scoring.Score(model, applicants[i].Applicant!, ScoringChannel.Api, $"{requestId}/{i}", commit, applicants[i].Id);
                responses[i] = PredictionResponse.From(applicants[i].Id, assessment, applicants[i].Warnings);
            }

            await commit.WaitAsync();
            return JsonBodyResult.Create(responses, ApiJson.Context.PredictionResponseArray);
        }
        catch (DecisionNotRecordedException e)
        {
            return ApiProblems.NotRecorded(e);
        }
    }

    private static async Task<(IReadOnlyList<ParsedApplicant> Applicants, bool IsArray)> ReadAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (!read.IsCompleted)
            {
                // Nothing consumed, everything examined: wait for the rest of the body.
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                continue;
            }

            try
            {
                return ApplicantJsonRequestReader.Read(read.Buffer);
            }
            finally
            {
                reader.AdvanceTo(read.Buffer.End);
            }
        }
    }

    /// <summary>Errors keyed by the snake_case field ("age"), or for an array by index ("[2].age").</summary>
    private static Dictionary<string, string[]>? Errors(IReadOnlyList<ParsedApplicant> applicants, bool isArray)
    {
        Dictionary<string, List<string>>? errors = null;
        for (var index = 0; index < applicants.Count; index++)
        {
            foreach (var error in applicants[index].Errors)
            {
                var field = FieldNames.ToSnakeCase(error.Field);
                var key = isArray ? $"[{index}].{field}" : field;
                errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
                if (!errors.TryGetValue(key, out var messages))
                {
                    errors[key] = messages = [];
                }

                messages.Add(FieldNames.Sentence(field, error.Reason));
            }
        }

        return errors?.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
