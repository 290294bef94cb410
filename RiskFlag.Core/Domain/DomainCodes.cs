namespace RiskFlag.Core.Domain;

/// <summary>The spellings the data and the web form use for the categorical fields.</summary>
public static class DomainCodes
{
    public static string ToCode(this MaritalStatus value) => value == MaritalStatus.Married ? "married" : "single";

    public static string ToCode(this HouseOwnership value) => value switch
    {
        HouseOwnership.Owned => "owned",
        HouseOwnership.NoRentNoOwn => "norent_noown",
        _ => "rented",
    };

    public static string ToCarCode(this bool ownsCar) => ownsCar ? "yes" : "no";

    public static bool TryParseMaritalStatus(string text, out MaritalStatus value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "single": value = MaritalStatus.Single; return true;
            case "married": value = MaritalStatus.Married; return true;
            default: value = default; return false;
        }
    }

    public static bool TryParseHouseOwnership(string text, out HouseOwnership value)
    {
        switch (text.Trim().ToLowerInvariant().Replace(' ', '_'))
        {
            case "rented": value = HouseOwnership.Rented; return true;
            case "owned": value = HouseOwnership.Owned; return true;
            case "norent_noown": value = HouseOwnership.NoRentNoOwn; return true;
            default: value = default; return false;
        }
    }

    public static bool TryParseCarOwnership(string text, out bool ownsCar)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "yes": ownsCar = true; return true;
            case "no": ownsCar = false; return true;
            default: ownsCar = false; return false;
        }
    }
}
