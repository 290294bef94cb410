namespace RiskFlag.Web.Pages.Filters;

/// <summary>Why a form post was not taken, as the refusal page shows it.</summary>
public sealed record FormRefusal(string Title, string Message, string BackTo);
