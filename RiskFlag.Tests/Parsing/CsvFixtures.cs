using System.Text;

using RiskFlag.Core.Parsing;

namespace RiskFlag.Tests.Parsing;

internal static class CsvFixtures
{
    public const string Header = "Id,Income,Age,Experience,Married/Single,House_Ownership,Car_Ownership,Profession,CITY,STATE,CURRENT_JOB_YRS,CURRENT_HOUSE_YRS,Risk_Flag";

    public const string GoodRow = "1,1303834,23,3,single,rented,no,Mechanical_engineer,Rewa,Madhya_Pradesh,3,13,0";

    public static ApplicantReadResult Read(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        }

        return ApplicantFileReader.Read(new MemoryStream(bytes));
    }
}
