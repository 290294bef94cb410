using RiskFlag.Core.Parsing;

using static RiskFlag.Tests.Parsing.CsvFixtures;

namespace RiskFlag.Tests.Parsing;

public class ValidationTests
{
    [Theory]
    [InlineData("1,,23,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,0", "Income", "is missing")]
    [InlineData("1,abc,23,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,0", "Income", "'abc' is not a number")]
    [InlineData("1,-5,23,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,0", "Income", "negative")]
    [InlineData("1,5000,17,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,0", "Age", "outside the allowed range 18–100")]
    [InlineData("1,5000,101,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,0", "Age", "outside the allowed range 18–100")]
    [InlineData("1,5000,30.5,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,0", "Age", "not a whole number")]
    [InlineData("1,5000,30,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,4,13,0", "CURRENT_JOB_YRS", "more than the 3 years of experience")]
    [InlineData("1,5000,30,3,divorced,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,0", "Married/Single", "'divorced' is not one of: single or married")]
    [InlineData("1,5000,30,3,single,leased,no,Chef,Rewa,Madhya_Pradesh,3,13,0", "House_Ownership", "'leased' is not one of")]
    [InlineData("1,5000,30,3,single,rented,maybe,Chef,Rewa,Madhya_Pradesh,3,13,0", "Car_Ownership", "'maybe' is not one of: yes or no")]
    [InlineData("1,5000,30,3,single,rented,no,,Rewa,Madhya_Pradesh,3,13,0", "Profession", "is missing")]
    [InlineData("1,5000,30,3,single,rented,no,Chef,,Madhya_Pradesh,3,13,0", "CITY", "is missing")]
    [InlineData("1,5000,30,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,2", "Risk_Flag", "outside the allowed range 0–1")]
    [InlineData("1,5000,30,40,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,0", "Experience", "more than the age 30")]
    public void A_bad_field_is_reported_with_line_field_and_reason(string row, string field, string reason)
    {
        var result = Read($"{Header}\n{GoodRow}\n{row}\n");

        Assert.Single(result.Records);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_field_of_a_row_is_reported()
    {
        var result = Read($"{Header}\n1,x,200,3,single,rented,maybe,Chef,Rewa,Madhya_Pradesh,3,13,0\n");

        Assert.Equal(["Income", "Age", "Car_Ownership"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_row_with_too_many_fields_is_rejected_not_misread()
    {
        var result = Read($"{Header}\n1,5000,30,3,single,rented,no,Chef,Khora,_Ghaziabad,Uttar_Pradesh,3,13,0\n");

        Assert.Empty(result.Records);
        Assert.Contains("fields but the header has", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_fails_the_file_with_its_name()
    {
        var error = Assert.Throws<InvalidApplicantFileException>(() => Read("Id,Income,Age\n1,2,3\n"));

        Assert.Contains("CITY", error.Message, StringComparison.Ordinal);
        Assert.Contains("Profession", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_a_clear_error()
    {
        Assert.Throws<InvalidApplicantFileException>(() => Read(string.Empty));
    }

    [Fact]
    public void Json_errors_name_the_item()
    {
        var result = Read("""[{"Income": 5000, "Age": 10, "Experience": 1, "Married/Single": "single", "House_Ownership": "rented", "Car_Ownership": "no", "Profession": "Chef", "CITY": "Pune", "STATE": "Maharashtra", "CURRENT_JOB_YRS": 1, "CURRENT_HOUSE_YRS": 11}]""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("Age", error.Field);
    }
}
