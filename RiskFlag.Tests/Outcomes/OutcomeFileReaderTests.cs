using System.Text;

using RiskFlag.Core.Outcomes;

namespace RiskFlag.Tests.Outcomes;

/// <summary>Outcomes files, CSV or JSON, are read row by row; a bad row says where and why, a bad file says so at once.</summary>
public sealed class OutcomeFileReaderTests
{
    private const string Id = "019a4c2e-7b1d-7c3a-9f00-1234567890ab";
    private const string OtherId = "019a4c2e-7b1d-7c3a-9f00-0000000000cd";
    private const string RandomId = "3f2b8c1e-5d4a-4e9b-8c7d-1a2b3c4d5e6f";
    private const string Header = "decision_id,risk_flag,observed_at";

    private static readonly byte[] InvalidUtf8 = [0xFF, 0xFE];

    [Fact]
    public void Csv_rows_give_the_decision_the_flag_and_when_it_was_observed_with_their_lines()
    {
        var rows = Read($"{Header}\n{Id},1,2026-11-30T14:05:00Z\n{OtherId},0,\n\n {Id} , 0 , 2026-12-01 \n");

        Assert.Equal([2, 3, 5], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.Empty(r.Errors));
        Assert.Equal(new ReportedOutcome(2, Guid.Parse(Id), null, true, new DateTimeOffset(2026, 11, 30, 14, 5, 0, TimeSpan.Zero)), rows[0].Outcome);
        Assert.Equal(new ReportedOutcome(3, Guid.Parse(OtherId), null, false, null), rows[1].Outcome);
        Assert.Equal(new ReportedOutcome(5, Guid.Parse(Id), null, false, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), rows[2].Outcome);
    }

    [Fact]
    public void A_header_without_observed_at_is_enough_and_a_header_alone_gives_no_rows()
    {
        Assert.Equal(new ReportedOutcome(2, Guid.Parse(Id), null, true, null), Assert.Single(Read($"decision_id,risk_flag\n{Id},1\n")).Outcome);
        Assert.Empty(Read($"{Header}\n"));
        Assert.Empty(Read(Header));
    }

    [Theory]
    [InlineData("Decision_Id,RISK_FLAG,Observed_At")]
    [InlineData("DECISION_ID,riskflag,observedat")]
    [InlineData("decisionId,Risk_Flag,ObservedAt")]
    [InlineData(" decision_id , risk_flag , observed_at ")]
    [InlineData("observed_at,unused,risk_flag,decision_id")]
    public void Csv_headers_are_matched_without_regard_to_case_underscores_or_order(string header)
    {
        var cells = header.Split(',').Select(h => h.Trim().ToLowerInvariant().Replace("_", string.Empty, StringComparison.Ordinal) switch
        {
            "decisionid" => Id,
            "riskflag" => "1",
            "observedat" => "2026-11-30",
            _ => "whatever",
        });

        var row = Assert.Single(Read($"{header}\n{string.Join(',', cells)}\n"));

        Assert.Equal(new ReportedOutcome(2, Guid.Parse(Id), null, true, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)), row.Outcome);
    }

    [Fact]
    public void A_byte_order_mark_before_the_header_or_the_json_is_ignored()
    {
        Assert.Equal(Guid.Parse(Id), Assert.Single(Read($"{Header}\n{Id},1,\n", bom: true)).Outcome!.DecisionId);
        Assert.Equal(Guid.Parse(Id), Assert.Single(Read($"[{{\"decision_id\":\"{Id}\",\"risk_flag\":1}}]", bom: true)).Outcome!.DecisionId);
    }

    [Theory]
    [InlineData("decision_id,observed_at", "risk_flag")]
    [InlineData("risk_flag,observed_at", "decision_id")]
    [InlineData("decisions,flag", "decision_id")]
    [InlineData("decisions,flag", "risk_flag")]
    [InlineData("applicant,risk_flag", "Id")]
    public void A_header_without_a_required_column_fails_when_the_file_is_opened_naming_it(string header, string column)
    {
        using var stream = Stream($"{header}\n{Id},1\n");

        // Read itself throws, before a single row is asked for.
        var problem = Assert.Throws<InvalidOutcomeFileException>(() => OutcomeFileReader.Read(stream));

        Assert.Contains("lacks required column", problem.Message, StringComparison.Ordinal);
        Assert.Contains(column, problem.Message, StringComparison.Ordinal);
        Assert.Contains(header.Replace(",", ", ", StringComparison.Ordinal), problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n\r\n")]
    [InlineData("   ")]
    [InlineData(",,")]
    public void An_empty_file_fails_when_it_is_opened(string text)
    {
        using var stream = Stream(text);

        var problem = Assert.Throws<InvalidOutcomeFileException>(() => OutcomeFileReader.Read(stream));

        Assert.Contains("empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_header_without_the_required_columns_is_quoted_by_an_excerpt()
    {
        using var stream = Stream(string.Join(',', Enumerable.Range(0, 50_000).Select(i => $"column{i}")) + "\n1,2\n");

        var problem = Assert.Throws<InvalidOutcomeFileException>(() => OutcomeFileReader.Read(stream));

        Assert.True(problem.Message.Length < 400, $"{problem.Message.Length} characters");
        Assert.Contains("characters)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-uuid,1,", "decision_id", "'not-a-uuid' is not a decision id")]
    [InlineData(RandomId + ",1,", "decision_id", $"'{RandomId}' is not a decision id")]
    [InlineData("{019a4c2e-7b1d-7c3a-9f00-1234567890ax},1,", "decision_id", "is not a decision id")]
    [InlineData(",1,", "decision_id", "is missing")]
    [InlineData(Id + ",,", "risk_flag", "is missing")]
    [InlineData(Id + ",  ,", "risk_flag", "is missing")]
    [InlineData(Id + ",2,", "risk_flag", "must be 0 or 1 (1 = defaulted), found '2'")]
    [InlineData(Id + ",yes,", "risk_flag", "must be 0 or 1 (1 = defaulted), found 'yes'")]
    [InlineData(Id + ",-1,", "risk_flag", "found '-1'")]
    [InlineData(Id + ",1.0,", "risk_flag", "found '1.0'")]
    [InlineData(Id + ",1,yesterday", "observed_at", "'yesterday' is not a date or time")]
    [InlineData(Id + ",1,2026-13-45", "observed_at", "'2026-13-45' is not a date or time")]
    [InlineData(Id + ",1,2026-11-30,extra", "row", "has 4 fields but the header has 3")]
    [InlineData(Id + ",1,2026-11\"30", "row", "has a stray quote inside an unquoted field")]
    [InlineData(Id + ",1", "risk_flag", null)] // fewer fields than the header: observed_at is merely absent, so this row is good
    public void A_bad_row_is_reported_with_its_line_field_and_reason_and_reading_goes_on(string row, string field, string? reason)
    {
        var rows = Read($"{Header}\n{OtherId},0,\n{row}\n{OtherId},1,2026-11-30\n");

        Assert.Equal([2, 3, 4], rows.Select(r => r.Line));
        Assert.NotNull(rows[0].Outcome);
        Assert.Equal(new ReportedOutcome(4, Guid.Parse(OtherId), null, true, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)), rows[2].Outcome);
        Assert.Empty(rows[2].Errors);
        if (reason is null)
        {
            Assert.NotNull(rows[1].Outcome);
            Assert.Empty(rows[1].Errors);
            return;
        }

        Assert.Null(rows[1].Outcome);
        var error = Assert.Single(rows[1].Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_field_of_a_row_is_reported()
    {
        var row = Assert.Single(Read($"{Header}\nnope,maybe,someday\n"));

        Assert.Null(row.Outcome);
        Assert.Equal(["decision_id", "risk_flag", "observed_at"], row.Errors.Select(e => e.Field));
        Assert.All(row.Errors, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public void A_quoted_field_over_two_lines_keeps_the_later_rows_lines_right()
    {
        var rows = Read($"{Header},note\n{Id},1,,\"two\nlines\"\n{OtherId},\"0\",\"2026-11-30\",\n");

        Assert.Equal([2, 4], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.NotNull(r.Outcome));
        Assert.False(rows[1].Outcome!.Defaulted);
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_reported_on_its_line_and_reading_stops_there()
    {
        var rows = Read($"{Header}\n{Id},1,\n{OtherId},\"1,2026-11-30\n{Id},0,\n{OtherId},1,\n");

        Assert.Equal([2, 3], rows.Select(r => r.Line));
        Assert.NotNull(rows[0].Outcome);
        Assert.Null(rows[1].Outcome);
        var error = Assert.Single(rows[1].Errors);
        Assert.Equal((3, "row"), (error.Line, error.Field));
        Assert.StartsWith("has a quote that is never closed", error.Reason, StringComparison.Ordinal);
        Assert.Contains("the 2 line(s) after it were not read", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_quote_that_is_never_closed_on_the_last_line_is_reported_as_swallowing_no_other_line(string end)
    {
        var rows = Read($"{Header}\n{Id},1,\n{OtherId},\"1,2026-11-30{end}");

        Assert.Equal([2, 3], rows.Select(r => r.Line));
        var error = Assert.Single(rows[1].Errors);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("has a quote that is never closed", error.Reason, StringComparison.Ordinal);
        Assert.Contains("the 0 line(s) after it were not read", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_may_name_the_applicant_by_its_id_instead_of_the_decision()
    {
        var rows = Read($"Id,risk_flag\n A-17 ,1\n42,0\n,1\n");

        Assert.Equal(new ReportedOutcome(2, null, "A-17", true, null), rows[0].Outcome);
        Assert.Equal(new ReportedOutcome(3, null, "42", false, null), rows[1].Outcome);
        Assert.Null(rows[2].Outcome);
        Assert.Equal("decision_id", Assert.Single(rows[2].Errors).Field);

        var both = Read($"decision_id,risk_flag,observed_at,Id\n,1,,A-1\n{Id},0,,A-2\n");
        Assert.Equal(new ReportedOutcome(2, null, "A-1", true, null), both[0].Outcome);
        Assert.Equal(new ReportedOutcome(3, Guid.Parse(Id), "A-2", false, null), both[1].Outcome);
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-30T00:00:00Z")]
    [InlineData("2026-11-30T14:05:00Z", "2026-11-30T14:05:00Z")]
    [InlineData("2026-11-30T14:05:00", "2026-11-30T14:05:00Z")]
    [InlineData("2026-11-30 14:05", "2026-11-30T14:05:00Z")]
    [InlineData("2026-11-30T14:05:00+05:30", "2026-11-30T08:35:00Z")]
    [InlineData("2026-11-30T14:05:00.123Z", "2026-11-30T14:05:00.123Z")]
    public void Observed_at_is_read_as_utc_a_date_alone_as_its_midnight(string written, string expected)
    {
        var observed = Assert.Single(Read($"{Header}\n{Id},1,{written}\n")).Outcome!.ObservedAt!.Value;

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), observed);
        Assert.Equal(TimeSpan.Zero, observed.Offset);
    }

    [Theory]
    [InlineData(0, "decision_id")]
    [InlineData(1, "risk_flag")]
    [InlineData(2, "observed_at")]
    public void A_huge_bad_value_is_quoted_by_an_excerpt(int column, string field)
    {
        var cells = new[] { Id, "1", "2026-11-30" };
        cells[column] = new string('7', 5_000);

        var error = Assert.Single(Assert.Single(Read($"{Header}\n{string.Join(',', cells)}\n")).Errors);

        Assert.Equal(field, error.Field);
        Assert.True(error.Reason.Length < 300, $"{error.Reason.Length} characters");
        Assert.Contains(new string('7', 100), error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('7', 101), error.Reason, StringComparison.Ordinal);
        Assert.Contains("5,000 characters", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_items_are_numbered_from_one_and_take_numbers_strings_or_booleans_for_the_flag()
    {
        var rows = Read($$"""
            [
              {"decision_id": "{{Id}}", "risk_flag": 1, "observed_at": "2026-11-30"},
              {"Decision_Id": "{{OtherId}}", "RISK_FLAG": true},
              {"decisionid": "{{Id}}", "riskflag": false, "observed_at": null},
              {"decision_id": "{{OtherId}}", "risk_flag": "0", "note": {"any": ["thing"] } },
              {"Id": 17, "risk_flag": 1},
              {"Id": "A-9", "risk_flag": 0},
            ]
            """);

        Assert.Equal([1, 2, 3, 4, 5, 6], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.Empty(r.Errors));
        Assert.Equal(
            [
                new ReportedOutcome(1, Guid.Parse(Id), null, true, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)),
                new ReportedOutcome(2, Guid.Parse(OtherId), null, true, null),
                new ReportedOutcome(3, Guid.Parse(Id), null, false, null),
                new ReportedOutcome(4, Guid.Parse(OtherId), null, false, null),
                new ReportedOutcome(5, null, "17", true, null),
                new ReportedOutcome(6, null, "A-9", false, null),
            ],
            rows.Select(r => r.Outcome));
    }

    [Fact]
    public void A_single_json_object_is_one_row_and_an_empty_array_none()
    {
        Assert.Equal(new ReportedOutcome(1, Guid.Parse(Id), null, true, null), Assert.Single(Read($"{{\"decision_id\":\"{Id}\",\"risk_flag\":1}}")).Outcome);
        Assert.Empty(Read("[]"));
        Assert.Empty(Read("  \n [ ] "));
    }

    [Theory]
    [InlineData("{\"risk_flag\": {}}", "risk_flag", "expected 0 or 1, found object")]
    [InlineData("{\"risk_flag\": [1]}", "risk_flag", "expected 0 or 1, found array")]
    [InlineData("{\"risk_flag\": 2}", "risk_flag", "found '2'")]
    [InlineData("{\"risk_flag\": 1.0}", "risk_flag", "found '1.0'")]
    [InlineData("{\"risk_flag\": \"yes\"}", "risk_flag", "found 'yes'")]
    [InlineData("{\"risk_flag\": null}", "risk_flag", "is missing")]
    [InlineData("{\"observed_at\": {\"at\": 1}}", "observed_at", "expected text, found object")]
    [InlineData("{\"observed_at\": [\"2026-11-30\"]}", "observed_at", "expected text, found array")]
    [InlineData("{\"observed_at\": true}", "observed_at", "expected text, found true")]
    [InlineData("{\"observed_at\": \"soon\"}", "observed_at", "'soon' is not a date or time")]
    [InlineData("{\"decision_id\": {}}", "decision_id", "expected text, found object")]
    [InlineData("{\"decision_id\": false}", "decision_id", "expected text, found false")]
    [InlineData("{\"decision_id\": 12345}", "decision_id", "'12345' is not a decision id")]
    [InlineData("{\"decision_id\": \"" + RandomId + "\"}", "decision_id", "is not a decision id")]
    [InlineData("{\"decision_id\": null}", "decision_id", "is missing")]
    [InlineData("{\"Id\": [\"A-1\"]}", "Id", "expected text, found array")]
    [InlineData("42", "row", "expected an object, found Number")]
    [InlineData("[\"" + Id + "\", 1]", "row", "expected an object, found Array")]
    [InlineData("\"" + Id + "\"", "row", "expected an object, found String")]
    [InlineData("null", "row", "expected an object, found Null")]
    public void A_json_item_of_the_wrong_shape_is_a_bad_row_and_reading_goes_on(string item, string field, string reason)
    {
        // The item's fields overwrite the good defaults it starts from.
        var text = item.StartsWith('{')
            ? $"{{\"decision_id\":\"{Id}\",\"risk_flag\":1,\"observed_at\":\"2026-11-30\",{item[1..]}"
            : item;

        var rows = Read($"[{{\"decision_id\":\"{OtherId}\",\"risk_flag\":0}}, {text}, {{\"decision_id\":\"{OtherId}\",\"risk_flag\":1}}]");

        Assert.Equal([1, 2, 3], rows.Select(r => r.Line));
        Assert.NotNull(rows[0].Outcome);
        Assert.NotNull(rows[2].Outcome);
        Assert.Null(rows[1].Outcome);
        var error = Assert.Single(rows[1].Errors);
        Assert.Equal((2, field), (error.Line, error.Field));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decision_id")]
    [InlineData("observed_at")]
    [InlineData("risk_flag")]
    [InlineData("Id")]
    public void Invalid_utf8_inside_a_json_string_is_that_rows_error_only(string field)
    {
        var values = new Dictionary<string, string> { ["decision_id"] = $"\"{Id}\"", ["risk_flag"] = "1", ["observed_at"] = "\"2026-11-30\"", ["Id"] = "\"A-1\"" };
        var bad = new MemoryStream();
        bad.Write(Encoding.UTF8.GetBytes($"[{{\"decision_id\":\"{OtherId}\",\"risk_flag\":0}},{{"));
        foreach (var (name, value) in values)
        {
            bad.Write(Encoding.UTF8.GetBytes($"\"{name}\":"));
            if (name == field)
            {
                bad.Write("\"x"u8);
                bad.Write(InvalidUtf8);
                bad.Write("x\""u8);
            }
            else
            {
                bad.Write(Encoding.UTF8.GetBytes(value));
            }

            bad.Write(","u8);
        }

        bad.Write(Encoding.UTF8.GetBytes($"\"end\":0}},{{\"decision_id\":\"{OtherId}\",\"risk_flag\":1}}]"));
        bad.Position = 0;

        var rows = OutcomeFileReader.Read(bad).ToList();

        Assert.Equal([1, 2, 3], rows.Select(r => r.Line));
        Assert.NotNull(rows[0].Outcome);
        Assert.NotNull(rows[2].Outcome);
        Assert.Null(rows[1].Outcome);
        var error = Assert.Single(rows[1].Errors);
        Assert.Equal((2, field), (error.Line, error.Field));
        Assert.Equal("the value is not valid UTF-8", error.Reason);
    }

    [Fact]
    public void Invalid_utf8_in_a_json_key_is_that_rows_error_only()
    {
        var bad = new MemoryStream();
        bad.Write(Encoding.UTF8.GetBytes($"[{{\"decision_id\":\"{Id}\",\"risk_flag\":1,\"k"));
        bad.Write(InvalidUtf8);
        bad.Write(Encoding.UTF8.GetBytes($"\":1}},{{\"decision_id\":\"{OtherId}\",\"risk_flag\":1}}]"));
        bad.Position = 0;

        var rows = OutcomeFileReader.Read(bad).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Outcome);
        var error = Assert.Single(rows[0].Errors);
        Assert.Equal((1, "row"), (error.Line, error.Field));
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
        Assert.NotNull(rows[1].Outcome);
    }

    [Theory]
    [InlineData("[{\"decision_id\": ")]
    [InlineData("[{\"decision_id\": \"x\", \"risk_flag\": 1}")]
    [InlineData("{\"risk_flag\": 1} {\"risk_flag\": 0}")]
    [InlineData("[{\"risk_flag\": 01}]")]
    public void A_file_that_is_not_json_fails_when_it_is_opened(string text)
    {
        using var stream = Stream(text);

        var problem = Assert.Throws<InvalidOutcomeFileException>(() => OutcomeFileReader.Read(stream));

        Assert.StartsWith("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_rows_are_read_one_at_a_time_with_their_lines()
    {
        var text = new StringBuilder(Header).Append('\n');
        var ids = Enumerable.Range(0, 20_000).Select(i => Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddMinutes(i))).ToList();
        ids.ForEach(id => text.Append(id).Append(",1,\n"));

        var rows = Read(text.ToString());

        Assert.Equal(Enumerable.Range(2, 20_000), rows.Select(r => r.Line));
        Assert.Equal(ids, rows.Select(r => r.Outcome!.DecisionId!.Value));
    }

    private static MemoryStream Stream(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
    }

    private static List<OutcomeRow> Read(string text, bool bom = false)
    {
        using var stream = Stream(text, bom);
        return [.. OutcomeFileReader.Read(stream)];
    }
}
