namespace RiskFlag.Web.Forms;

/// <summary>The options of the fixed choices, valued with the codes the validator accepts.</summary>
public static class FormChoices
{
    public static readonly IReadOnlyList<(string Value, string Text)> MaritalStatus = [("single", "Single"), ("married", "Married")];

    public static readonly IReadOnlyList<(string Value, string Text)> CarOwnership = [("no", "No"), ("yes", "Yes")];

    public static readonly IReadOnlyList<(string Value, string Text)> HouseOwnership =
        [("rented", "Rented"), ("owned", "Owned"), ("norent_noown", "Neither rented nor owned")];
}
