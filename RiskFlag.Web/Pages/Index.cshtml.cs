using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Features;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Core.Vocabulary;
using RiskFlag.Web.Applicants;
using RiskFlag.Web.Forms;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Monitoring;
using RiskFlag.Web.Scoring;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Pages;

/// <summary>The applicant form: the old Flask page's fields plus the four it lacked, validated by the core rules.</summary>
[EnableRateLimiting(RequestLimits.Scoring)]
public sealed class IndexModel(RiskScoringService scoring) : PageModel
{
    private static readonly IReadOnlyList<string> FallbackProfessions = [.. KnownProfessions.All.Select(TextNormalizer.Display)];

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    [BindProperty(Name = "income")]
    public string? Income { get; set; }

    [BindProperty(Name = "age")]
    public string? Age { get; set; }

    [BindProperty(Name = "experience")]
    public string? Experience { get; set; }

    [BindProperty(Name = "current_job_yrs")]
    public string? CurrentJobYears { get; set; }

    [BindProperty(Name = "current_house_yrs")]
    public string? CurrentHouseYears { get; set; }

    [BindProperty(Name = "city")]
    public string? City { get; set; }

    [BindProperty(Name = "state")]
    public string? State { get; set; }

    [BindProperty(Name = "married")]
    public string? Married { get; set; } = MaritalStatus.Single.ToCode();

    [BindProperty(Name = "house_ownership")]
    public string? HouseOwnership { get; set; } = Core.Domain.HouseOwnership.Rented.ToCode();

    [BindProperty(Name = "car_ownership")]
    public string? CarOwnership { get; set; } = false.ToCarCode();

    [BindProperty(Name = "profession")]
    public string? Profession { get; set; }

    /// <summary>The model this request scored with (read once).</summary>
    public ServedRiskModel? Serving { get; private set; }

    public string ModelPath => scoring.ChampionPath;

    public RiskAssessment? Assessment { get; private set; }

    /// <summary>Set when the prediction was made but not given, because the decision log could not take it.</summary>
    public string? NotRecorded { get; private set; }

    public bool HasErrors => _errors.Count > 0;

    public CategoryVocabulary? Vocabulary => Serving?.Bundle.Vocabulary;

    public IReadOnlyList<(string Value, string Text)> ProfessionChoices =>
        [.. (Vocabulary?.Professions is { Count: > 0 } known ? known : FallbackProfessions).Select(p => (p, p))];

    public void OnGet() => Serving = scoring.Champion;

    public async Task<IActionResult> OnPostAsync()
    {
        Serving = scoring.Champion;
        var values = new string?[ApplicantColumns.Count];
        values[(int)ApplicantField.Income] = Income;
        values[(int)ApplicantField.Age] = Age;
        values[(int)ApplicantField.Experience] = Experience;
        values[(int)ApplicantField.CurrentJobYears] = CurrentJobYears;
        values[(int)ApplicantField.CurrentHouseYears] = CurrentHouseYears;
        values[(int)ApplicantField.City] = City;
        values[(int)ApplicantField.State] = State;
        values[(int)ApplicantField.Married] = Married;
        values[(int)ApplicantField.HouseOwnership] = HouseOwnership;
        values[(int)ApplicantField.CarOwnership] = CarOwnership;
        values[(int)ApplicantField.Profession] = Profession;

        var errors = new List<RowError>();
        bool valid;
        Applicant? applicant;
        using (var parse = RiskActivitySource.Instance.StartActivity(RiskActivitySource.ParseSpan))
        {
            valid = ApplicantValidator.TryCreate(values, 1, expectLabel: false, errors, out applicant, out _);
            parse?.SetTag("riskflag.applicants", 1);
        }

        // Binding takes a repeated field's first value: say so rather than score one of two answers.
        foreach (var field in Enum.GetValues<ApplicantField>().Where(f => f is not (ApplicantField.Id or ApplicantField.RiskFlag)))
        {
            if (Request.Form[ApplicantColumns.FormNameOf(field)].Count is > 1 and var count)
            {
                errors.Add(new RowError(1, ApplicantColumns.NameOf(field), $"was sent {count} times; send it once"));
                valid = false;
            }
        }

        if (!valid)
        {
            scoring.RecordInvalid(ScoringChannel.Form, errors);
            foreach (var error in errors)
            {
                var name = FieldNames.ToSnakeCase(error.Field);
                var subject = FormFields.Find(name)?.Subject ?? name;
                if (!_errors.TryGetValue(name, out var messages))
                {
                    _errors[name] = messages = [];
                }

                messages.Add(FieldNames.Sentence(subject, error.Reason));
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Serving is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        try
        {
            Assessment = await scoring.ScoreAsync(Serving, applicant!, ScoringChannel.Form, RiskActivitySource.RequestId(HttpContext));
        }
        catch (DecisionNotRecordedException e)
        {
            NotRecorded = $"No risk flag is shown because the decision could not be recorded ({e.Message}). Submit the form again in a moment.";
            Response.Headers.RetryAfter = "1";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        return Page();
    }

    public string? ErrorFor(FormField field) => _errors.TryGetValue(field.Name, out var messages) ? string.Join(" ", messages) : null;

    public FieldInput Input(FormField field, string? value) => new(field, value, ErrorFor(field));

    public ChoiceInput Choice(FormField field, string? value, IReadOnlyList<(string Value, string Text)> options) =>
        new(field, value, ErrorFor(field), options);
}
