namespace RiskFlag.Web.Api;

/// <summary>
/// The shape of one applicant in POST /api/predict, for the OpenAPI document. Requests are not bound to it: they are
/// read by the core JSON reader, which also accepts the Kaggle header spellings and numbers written as strings.
/// </summary>
/// <param name="Married">single or married</param>
/// <param name="HouseOwnership">rented, owned or norent_noown</param>
/// <param name="CarOwnership">yes or no</param>
public sealed record ApplicantRequest(
    string? Id,
    double Income,
    int Age,
    int Experience,
    string Married,
    string HouseOwnership,
    string CarOwnership,
    string Profession,
    string City,
    string State,
    int CurrentJobYrs,
    int CurrentHouseYrs);
