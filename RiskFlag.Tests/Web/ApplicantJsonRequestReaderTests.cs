using System.Buffers;
using System.Text;
using System.Text.Json;

using RiskFlag.Core.Parsing;
using RiskFlag.Web.Api;

namespace RiskFlag.Tests.Web;

/// <summary>The API's streaming reader accepts and rejects exactly what the core JSON reader does.</summary>
public sealed class ApplicantJsonRequestReaderTests
{
    private const string Valid = """{"income":1303834,"age":23,"experience":3,"married":"single","house_ownership":"rented","car_ownership":"no","profession":"Chef","city":"Rewa","state":"Madhya_Pradesh","current_job_yrs":3,"current_house_yrs":13}""";

    public static TheoryData<string> Bodies => new()
    {
        Valid,
        $"[{Valid},{Valid}]",
        """{"Income":"1303834","AGE":"23","Experience":"3","Married/Single":"married","House_Ownership":"owned","Car_Ownership":"yes","Profession":"Chef","CITY":"Rewa","STATE":"Madhya Pradesh","CURRENT_JOB_YRS":"3","CURRENT_HOUSE_YRS":"13","Id":"7","Risk_Flag":1}""",
        """{"income":1e6,"age":23.0,"experience":true,"married":null,"house_ownership":{"a":1},"car_ownership":[1,2],"profession":"","city":"Rewa","state":"x","current_job_yrs":-1,"current_house_yrs":13,"unknown":{"deep":[1]}}""",
        $"[{Valid}, 42, \"text\", [1], null, {{}}]",
        """{"income":1303834,"age":23,"experience":3,"married":"single","house_ownership":"rented","car_ownership":"no","profession":"Chef","city":"Rewa","state":"Madhya_Pradesh","current_job_yrs":3,"current_house_yrs":13,"risk_flag":"maybe"}""",
        "[]",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void ReadsLikeTheCoreReader(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        // A request is scored, so it reads labels as the core reader does for scoring.
        var expected = ApplicantJsonReader.Read(new MemoryStream(bytes), LabelUse.Informational);

        var (actual, isArray) = ApplicantJsonRequestReader.Read(new ReadOnlySequence<byte>(bytes));

        Assert.Equal(body.TrimStart().StartsWith('['), isArray);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Applicant, actual[i].Applicant);
            Assert.Equal(expected[i].Label, actual[i].Label);
            Assert.Equal(expected[i].Id, actual[i].Id);
            Assert.Equal(expected[i].Errors, actual[i].Errors);
            Assert.Equal(expected[i].Warnings, actual[i].Warnings);
        }
    }

    [Fact]
    public void ABodySplitOverManySegmentsReadsTheSame()
    {
        var bytes = Encoding.UTF8.GetBytes($"[{Valid},{Valid}]");
        var segmented = Segments(bytes, 7);

        var (actual, _) = ApplicantJsonRequestReader.Read(segmented);

        Assert.Equal(ApplicantJsonReader.Read(new MemoryStream(bytes)).Select(a => a.Applicant), actual.Select(a => a.Applicant));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"income\":")]
    [InlineData("{} {}")]
    public void BrokenJsonIsAJsonException(string body) =>
        Assert.ThrowsAny<JsonException>(() => ApplicantJsonRequestReader.Read(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body))));

    [Fact]
    public void AScalarIsNotAnApplicant() =>
        Assert.Throws<InvalidApplicantFileException>(() => ApplicantJsonRequestReader.Read(new ReadOnlySequence<byte>("42"u8.ToArray())));

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var memory = bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset));
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
