using RiskFlag.Core.Domain;
using RiskFlag.Core.Features;

using static RiskFlag.Tests.Parsing.CsvFixtures;

namespace RiskFlag.Tests.Parsing;

public class CsvQuirkTests
{
    [Fact]
    public void Reads_the_kaggle_layout()
    {
        var result = Read($"{Header}\n{GoodRow}\n");

        var record = Assert.Single(result.Records);
        Assert.Equal("1", record.Id);
        Assert.Equal(0, record.Label);
        Assert.Equal(new Applicant(1303834, 23, 3, MaritalStatus.Single, HouseOwnership.Rented, false, "Mechanical_engineer", "Rewa", "Madhya_Pradesh", 3, 13), record.Applicant);
        Assert.Empty(result.Errors);
        Assert.True(result.HasLabels);
    }

    [Fact]
    public void Header_case_and_ID_spelling_do_not_matter()
    {
        var result = Read("ID,INCOME,age,Experience,married/single,house_ownership,CAR_OWNERSHIP,profession,City,State,Current_Job_Yrs,current_house_yrs\n7,5000,30,5,married,owned,yes,Chef,Pune,Maharashtra,2,11\n");

        var record = Assert.Single(result.Records);
        Assert.Equal("7", record.Id);
        Assert.Null(record.Label);
        Assert.Equal(MaritalStatus.Married, record.Applicant.MaritalStatus);
    }

    [Fact]
    public void A_leading_unnamed_index_column_is_ignored()
    {
        var result = Read(",Id,Income,Age,Experience,Married/Single,House_Ownership,Car_Ownership,Profession,CITY,STATE,CURRENT_JOB_YRS,CURRENT_HOUSE_YRS\n0,76028,2687545,60,3,single,rented,yes,Technical_writer,Mango,Jharkhand,3,11\n");

        var record = Assert.Single(result.Records);
        Assert.Equal("76028", record.Id);
        Assert.Equal(2687545, record.Applicant.Income);
    }

    [Fact]
    public void Crlf_and_lf_line_ends_read_the_same()
    {
        var lf = Read($"{Header}\n{GoodRow}\n{GoodRow}\n");
        var crlf = Read($"{Header}\r\n{GoodRow}\r\n{GoodRow}\r\n");

        Assert.Equal(lf.Records.Select(r => r.Applicant), crlf.Records.Select(r => r.Applicant));
        Assert.Equal([2, 3], crlf.Records.Select(r => r.Line));
    }

    [Fact]
    public void A_utf8_byte_order_mark_does_not_hide_the_first_column()
    {
        var result = Read($"{Header}\n{GoodRow}\n", bom: true);

        Assert.Equal("1", Assert.Single(result.Records).Id);
    }

    [Fact]
    public void A_quoted_comma_stays_inside_the_city()
    {
        var result = Read($"{Header}\n2,1000000,40,10,single,rented,no,Analyst,\"Khora,_Ghaziabad\",Uttar_Pradesh,5,12,1\n");

        Assert.Equal("Khora,_Ghaziabad", Assert.Single(result.Records).Applicant.City);
    }

    [Fact]
    public void Non_ascii_names_survive()
    {
        var result = Read($"{Header}\n3,1000000,40,10,single,rented,no,Analyst,Hubli–Dharwad,Karnataka,5,12,0\n");

        Assert.Equal("Hubli–Dharwad", Assert.Single(result.Records).Applicant.City);
    }

    [Fact]
    public void Spaces_and_underscores_name_the_same_state_and_profession()
    {
        var result = Read($"{Header}\n1,5000,30,5,single,rented,no,Computer hardware engineer,Malda,West Bengal,2,11,0\n2,5000,30,5,single,rented,no,Computer_hardware_engineer,Malda,West_Bengal,2,11,0\n");

        var keys = result.Records.Select(r => ApplicantKeys.Of(r.Applicant)).Distinct().ToList();
        Assert.Single(keys);
        Assert.Equal("west_bengal", keys[0].State);
    }

    [Fact]
    public void Footnote_brackets_are_removed_from_city_and_state()
    {
        var result = Read($"{Header}\n1,5000,30,5,single,rented,no,Chef,Warangal[11][12],Telangana,2,11,0\n2,5000,30,5,single,rented,no,Chef,Agra,Uttar_Pradesh[5],2,11,0\n");

        Assert.Equal("warangal|telangana", ApplicantKeys.Of(result.Records[0].Applicant).City);
        Assert.Equal("uttar_pradesh", ApplicantKeys.Of(result.Records[1].Applicant).State);
        Assert.Equal("Warangal", TextNormalizer.Display("Warangal[11][12]"));
    }

    [Fact]
    public void Same_city_name_in_two_states_stays_two_cities()
    {
        var maharashtra = ApplicantKeys.Of(new Applicant(1, 30, 1, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Aurangabad", "Maharashtra", 1, 11));
        var bihar = ApplicantKeys.Of(new Applicant(1, 30, 1, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Aurangabad[39]", "Bihar", 1, 11));

        Assert.NotEqual(maharashtra.City, bihar.City);
    }

    [Fact]
    public void Json_arrays_with_the_same_keys_are_accepted()
    {
        var result = Read("""[{"Id": 9, "Income": 5000, "Age": "30", "Experience": 5, "Married/Single": "single", "House_Ownership": "rented", "Car_Ownership": "no", "Profession": "Chef", "CITY": "Pune", "STATE": "Maharashtra", "CURRENT_JOB_YRS": 2, "CURRENT_HOUSE_YRS": 11, "Risk_Flag": 1}]""");

        var record = Assert.Single(result.Records);
        Assert.Equal("9", record.Id);
        Assert.Equal(1, record.Label);
    }

    [Fact]
    public void Exact_duplicates_are_kept_and_counted()
    {
        var result = Read($"{Header}\n{GoodRow}\n{GoodRow.Replace("1,", "2,", StringComparison.Ordinal)}\n{GoodRow}\n");

        Assert.Equal(3, result.Records.Count);
        Assert.Equal(2, result.DuplicateRows);
    }
}
